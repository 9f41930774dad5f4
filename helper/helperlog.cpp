// SPDX-License-Identifier: GPL-2.0-or-later
#include "helperlog.h"

namespace Volmap {

// Info and above by default: the debug lines cost nothing until enabled.
Q_LOGGING_CATEGORY(helperLog, "volmap.helper", QtInfoMsg)
Q_LOGGING_CATEGORY(callsLog, "volmap.helper.calls", QtInfoMsg)

} // namespace Volmap
