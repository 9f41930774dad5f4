// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string_view>

#include <sys/types.h>

namespace Volmap {

/*
 * The device number of the block device node `path` names, where `path`
 * starts with /dev/ and every step of it stays under /dev, outside
 * /dev/shm and /dev/mqueue; std::nullopt otherwise. `root` prefixes every
 * file touched (tests; "" on a real system). Plain C++: the Qt resolver
 * (BlockDeviceResolver) and volmapctl's plain commands walk the same way.
 */
std::optional<dev_t> blockDeviceNodeUnderDev(std::string_view root, std::string_view path);

} // namespace Volmap
