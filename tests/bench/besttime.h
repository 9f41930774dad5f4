// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>

#include <functional>

namespace Volmap {

/* The fastest of five runs of `step`, in milliseconds: the others waited for a loaded machine. */
inline double bestOfFive(const std::function<void()> &step)
{
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        step();
        best = qMin(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace Volmap
