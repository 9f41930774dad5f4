// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "plainblockdevice.h"
#include "plaintable.h"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace Volmap {

/* A range of a device that a segment of the table maps. */
struct PlainDeviceRange
{
    PlainBlockDevice device;
    std::uint64_t offset = 0; // in sectors
    std::uint64_t length = 0;
};

using PlainDeviceResolver = std::function<std::optional<PlainBlockDevice>(std::string_view reference)>;

/*
 * The device ranges of a parsed table, if it passes the checks
 * validateTable() makes with a resolver: segments from sector 0,
 * contiguous, not empty, within the kernel's largest device; supported
 * targets with their arguments; each device resolved, each range inside
 * its device and aligned to its logical blocks, every segment aligned to
 * the table's largest block, and no two ranges of one device
 * overlapping. nullopt when any check fails (or a device cannot be
 * resolved): volmapctl then leaves the table to the Qt path, which says
 * what is wrong with line numbers. It need not find every problem (the
 * helper validates every table itself); it must not miss one that the
 * helper finds only after authorization, or a person could be asked for a
 * password for a table that is then refused.
 */
std::optional<std::vector<PlainDeviceRange>> plainTableRanges(const Grammar::PlainParsedTable &table,
                                                              const PlainDeviceResolver &resolve);

} // namespace Volmap
