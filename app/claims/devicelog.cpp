// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicelog.h"

namespace Volmap {

// Info and above by default: the debug lines cost nothing until enabled.
Q_LOGGING_CATEGORY(devicesLog, "volmap.devices", QtInfoMsg)

} // namespace Volmap
