// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>

namespace Volmap {

/*
 * A y axis from 0 to `maximum` in whole `step`s, for charts that scale
 * themselves to what they show. Steps are 1, 2 or 5 times a power of ten
 * of the chosen base unit, so labels read as round numbers: decimal for
 * counts ("0, 20, 40 IOPS"), binary for bytes ("0, 2, 4 MiB/s" rather than
 * "1.9 MiB/s" for 2,000,000 B/s).
 */
struct AxisScale
{
    double maximum = 1;
    double step = 1;

    /* 0, step, 2 step, ..., maximum. */
    QList<double> ticks() const;
};

enum class AxisUnits { Decimal, Binary };

/*
 * The smallest round scale that holds `peak` in at most `maxSteps` steps.
 * `floor` keeps an idle chart from zooming into noise (0.001 IOPS).
 */
AxisScale niceAxisScale(double peak, double floor, AxisUnits units, int maxSteps = 5);

/*
 * The span of a time axis that holds `seconds` of history: the next round
 * value (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or
 * above it, at most `window`. A chart whose history grows sample by sample
 * keeps its axis, labels and layout for many samples instead of changing
 * them on every one, and still fills at least three quarters of its width.
 */
double niceTimeSpan(double seconds, double window);

} // namespace Volmap
