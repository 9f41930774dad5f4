// SPDX-License-Identifier: GPL-2.0-or-later
#include "calllog.h"

#include "admission.h"
#include "helperlog.h"

namespace Volmap {

namespace {

// Enough for every uid of an ordinary system; past it, old windows are dropped.
constexpr qsizetype MaxBudgets = 1024;

QString outcomeText(const Outcome<QVariant> &outcome)
{
    if (outcome) {
        return QStringLiteral("done");
    }
    return outcome.error().name.section(u'.', -1) + u' ' + outcome.error().message;
}

} // namespace

void CallLog::acted(const QString &caller, const QString &what, const Outcome<QVariant> &outcome)
{
    const QString line = QStringLiteral("%1: %2: %3").arg(caller, what, outcomeText(outcome));
    qCInfo(callsLog, "%s", qPrintable(boundedMessage(line)));
}

void CallLog::refused(uint uid, const QString &caller, const QString &what, const HelperError &error)
{
    if (m_budgets.size() >= MaxBudgets && !m_budgets.contains(uid)) {
        dropExpiredBudgets();
    }
    Budget &budget = m_budgets[uid];
    if (!budget.window.isValid() || budget.window.hasExpired(WindowMilliseconds)) {
        if (budget.suppressed > 0) {
            qCInfo(callsLog, "uid %u: %d more refused calls were not logged", uid, budget.suppressed);
        }
        budget.window.start();
        budget.written = 0;
        budget.suppressed = 0;
    }
    if (budget.written >= RefusalsPerWindow) {
        ++budget.suppressed;
        return;
    }
    ++budget.written;
    acted(caller, what, fail(error));
}

void CallLog::dropExpiredBudgets()
{
    for (auto it = m_budgets.begin(); it != m_budgets.end();) {
        if (it->window.hasExpired(WindowMilliseconds)) {
            it = m_budgets.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Volmap
