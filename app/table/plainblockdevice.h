// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Volmap {

/*
 * What volmapctl's plain `create` needs to know of a block device, from
 * sysfs as BlockDeviceResolver::describe() reads it: its size, its logical
 * block size (a partition's is its disk's) and the kernel's name for it
 * (the node in /dev that the data probe reads).
 */
struct PlainBlockDevice
{
    unsigned major = 0;
    unsigned minor = 0;
    std::uint64_t sizeInSectors = 0;
    std::uint32_t logicalBlockSize = 512;
    std::string kernelName; // "sdb1", "dm-0"
};

/* The device `major`:`minor` as sysfs under `root` tells it; nullopt if it has none. */
std::optional<PlainBlockDevice> plainBlockDevice(std::string_view root, unsigned major, unsigned minor);

/*
 * A table's device reference (an absolute path under /dev, or
 * major:minor) resolved as BlockDeviceResolver resolves it; nullopt for
 * anything it would refuse, or could not describe.
 */
std::optional<PlainBlockDevice> resolvePlainDevice(std::string_view root, std::string_view reference);

} // namespace Volmap
