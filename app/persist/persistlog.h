// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Volmap {

/*
 * volmap.persist: the store of saved definitions (/etc/volmap/mappings.d):
 * definitions refused or ignored, and why.
 */
Q_DECLARE_LOGGING_CATEGORY(persistLog)

} // namespace Volmap
