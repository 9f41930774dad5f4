// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "datawarning.h"

#include <QString>

#include <functional>

class QDialog;
class QWidget;

namespace Volmap {

/*
 * The questions asked before anything changes on the machine. Each
 * dialog is returned unopened and deletes itself on close; the caller
 * connects to accepted() (and for removal, to the chosen button) and
 * calls open(), so no nested event loop runs.
 */
/*
 * `data` says what each backing range holds (create: every range; reload:
 * the ranges the old table did not use). Where any holds data, the dialog
 * warns, Cancel is the default and Create/Apply stays disabled until the
 * person ticks that they understand.
 * The create question also offers "Recreate at startup" (off until the
 * person chose it once; the last choice is remembered when they Create).
 */
QDialog *createConfirmation(QWidget *parent, const QString &name, const QString &tableText, bool readOnly,
                            const QList<RangeData> &data = {});
/* Whether the person ticked "Recreate at startup" in a createConfirmation(). */
bool recreateAtStartupChosen(const QDialog *createConfirmation);
QDialog *reloadConfirmation(QWidget *parent, const QString &name, const QString &oldTable,
                            const QString &newTable, const QList<RangeData> &data = {});

enum class RemoveChoice { Cancel, Remove, RemoveWhenUnused };
/* Calls `chosen` with the person's answer. */
QDialog *removeConfirmation(QWidget *parent, const QString &name, bool inUse, bool foreign,
                            std::function<void(RemoveChoice)> chosen);
/*
 * Removing a mapping with a saved definition also asks whether to forget
 * the definition (ticked, the default) or keep it, so the mapping comes
 * back at the next startup. `chosen` gets the answer and whether to forget.
 */
QDialog *removeSavedConfirmation(QWidget *parent, const QString &name, bool inUse,
                                 std::function<void(RemoveChoice, bool forgetDefinition)> chosen);
/* Forgetting a saved definition that is not live; `chosen` gets true for Forget. */
QDialog *forgetConfirmation(QWidget *parent, const QString &name, std::function<void(bool forget)> chosen);

} // namespace Volmap
