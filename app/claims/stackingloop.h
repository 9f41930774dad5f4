// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "deviceinspector.h"
#include "outcome.h"

#include <optional>

namespace Volmap {

/*
 * The check that keeps a reload from closing a loop of mappings. The
 * kernel loads a table that names the mapping itself (dm core of 6.1 does)
 * or a device stacked on top of it (A maps B, then B is reloaded to map
 * A), and every bio then goes round the loop until the stack overflows or
 * the I/O hangs. A table for mapping `self` (called `name`) is refused,
 * with InvalidArgument naming the first such device in table order, if it
 * names `self` or any device that depends on `self` through any depth of
 * stacking (DeviceInspector::dependsOn: sysfs slaves/ links, which dm
 * keeps for every device a live or loaded table uses).
 * A Create cannot loop: nothing can be stacked on a mapping that does not
 * exist yet, so only a Reload asks.
 */
std::optional<HelperError> stackingLoop(const QList<ResolvedDevice> &named, DeviceNumber self,
                                        const QString &name, DeviceInspector &devices);

} // namespace Volmap
