// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Volmap {

/*
 * volmap.devices: the block devices as the scanner, the hotplug monitor and
 * the claims' inspector see them, and what claims each (mounts, swap,
 * holders, signatures). Debug messages only, off unless asked for:
 * QT_LOGGING_RULES="volmap.devices.debug=true". Declared here, the lowest
 * library that looks at devices, so the app and the helper share it.
 */
Q_DECLARE_LOGGING_CATEGORY(devicesLog)

} // namespace Volmap
