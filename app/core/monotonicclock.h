// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>
#include <functional>

namespace Volmap {

/*
 * A monotonic time in nanoseconds. The samplers compute rates from the
 * difference of two readings of it; tests hand them a clock they advance
 * themselves, so a rate does not depend on how long a loaded machine took
 * between two samples.
 */
using MonotonicClock = std::function<qint64()>;

/* The steady clock every sampler uses unless it is given another. */
inline MonotonicClock steadyClock()
{
    return []() {
        const auto now = std::chrono::steady_clock::now().time_since_epoch();
        return qint64(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
    };
}

} // namespace Volmap
