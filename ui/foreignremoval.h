// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "confirmations.h"

#include <QString>

#include <functional>

class QDialog;
class QWidget;

namespace Volmap {

struct MappingSummary;

/* What goes away with a mapping another tool made, in one sentence, by its uuid. */
QString foreignRemovalConsequence(const QString &uuid);

/*
 * The question before removing a mapping Volume Mapper did not make: it
 * names the tool that owns it and what breaks, and Cancel is the default
 * button. Returned unopened, deleted on close; `chosen` gets the answer.
 */
QDialog *foreignRemovalConfirmation(QWidget *parent, const MappingSummary &mapping,
                                    std::function<void(RemoveChoice)> chosen);

} // namespace Volmap
