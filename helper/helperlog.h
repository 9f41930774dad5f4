// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Volmap {

/*
 * The helper's two areas, so the call log can be silenced or the rest
 * studied on its own with QT_LOGGING_RULES (volmap-helper(8)):
 * volmap.helper: start, exit, the system bus, locks, what the helper did
 * on its own (removing an abandoned mapping).
 * volmap.helper.calls: one line per call that changed something or was
 * refused, "uid U (:bus.name): what: outcome".
 */
Q_DECLARE_LOGGING_CATEGORY(helperLog)
Q_DECLARE_LOGGING_CATEGORY(callsLog)

} // namespace Volmap
