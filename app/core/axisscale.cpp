// SPDX-License-Identifier: GPL-2.0-or-later
#include "axisscale.h"

#include <QtMath>

#include <cmath>

namespace Volmap {

QList<double> AxisScale::ticks() const
{
    QList<double> values;
    const int count = qRound(maximum / step);
    for (int i = 0; i <= count; ++i) {
        values.append(i * step);
    }
    return values;
}

AxisScale niceAxisScale(double peak, double floor, AxisUnits units, int maxSteps)
{
    maxSteps = qMax(1, maxSteps);
    double value = qMax(qMax(peak, floor), 1e-9);
    if (!std::isfinite(value)) {
        value = floor > 0 ? floor : 1;
    }
    // Bytes are scaled to the largest binary unit below the peak first, so
    // the round numbers are round in KiB/MiB/GiB, the units the labels use.
    double unit = 1;
    if (units == AxisUnits::Binary) {
        while (value / unit >= 1024) {
            unit *= 1024;
        }
    }
    const double scaled = value / unit;
    const double rough = scaled / maxSteps;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double residual = rough / magnitude;
    double nice = 10;
    if (residual <= 1) {
        nice = 1;
    } else if (residual <= 2) {
        nice = 2;
    } else if (residual <= 5) {
        nice = 5;
    }
    const double step = nice * magnitude;
    // The small epsilon keeps 4.0000000001 steps from becoming 5.
    const double steps = qMax(1.0, std::ceil(scaled / step - 1e-9));
    return AxisScale{steps * step * unit, step * unit};
}

double niceTimeSpan(double seconds, double window)
{
    if (!(seconds > 0) || !std::isfinite(seconds) || seconds >= window) {
        return window;
    }
    // A sample a hair older than a round span (timer jitter) must not
    // widen the axis: compare with a relative tolerance.
    const double magnitude = std::pow(10.0, std::floor(std::log10(seconds)));
    for (double mantissa : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        const double span = mantissa * magnitude;
        if (span >= seconds * (1 - 1e-9)) {
            return qMin(span, window);
        }
    }
    return window;
}

} // namespace Volmap
