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
 */
QDialog *createConfirmation(QWidget *parent, const QString &name, const QString &tableText, bool readOnly,
                            const QList<RangeData> &data = {});
QDialog *reloadConfirmation(QWidget *parent, const QString &name, const QString &oldTable, const QString &newTable,
                            const QList<RangeData> &data = {});

enum class RemoveChoice { Cancel, Remove, RemoveWhenUnused };
/* Calls `chosen` with the person's answer. */
QDialog *removeConfirmation(QWidget *parent, const QString &name, bool inUse, bool foreign,
                            std::function<void(RemoveChoice)> chosen);

} // namespace Volmap
