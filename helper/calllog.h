// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outcome.h"

#include <QElapsedTimer>
#include <QHash>
#include <QVariant>

namespace Volmap {

/*
 * The helper's journal lines about calls. What was done (or failed while
 * being done) is always written: it is what an administrator audits, and
 * only authorized callers get that far. Refusals are written at most
 * RefusalsPerWindow times per uid per window, then counted, so a refused
 * caller cannot flood the journal. Every line is bounded: callers' texts
 * reach it only as summaries.
 */
class CallLog final
{
public:
    static constexpr int RefusalsPerWindow = 10;
    static constexpr qint64 WindowMilliseconds = 60 * 1000;

    void acted(const QString &caller, const QString &what, const Outcome<QVariant> &outcome);
    void refused(uint uid, const QString &caller, const QString &what, const HelperError &error);

    /* Refusals not written for `uid` in its current window (for tests). */
    int suppressed(uint uid) const { return m_budgets.value(uid).suppressed; }

private:
    struct Budget
    {
        QElapsedTimer window;
        int written = 0;
        int suppressed = 0;
    };
    void dropExpiredBudgets();

    QHash<uint, Budget> m_budgets;
};

} // namespace Volmap
