// SPDX-License-Identifier: GPL-2.0-or-later
#include "plaintablecheck.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>

namespace Volmap {

namespace {

constexpr std::uint64_t SectorSize = 512;
// The kernel refuses devices whose size in bytes does not fit in a loff_t.
constexpr std::uint64_t MaxTableSectors = std::uint64_t(std::numeric_limits<std::int64_t>::max()) >> 9;

const Grammar::TargetArity *arityOf(std::string_view target)
{
    for (const Grammar::TargetArity &arity : Grammar::SupportedTargets) {
        if (arity.name == target) {
            return &arity;
        }
    }
    return nullptr;
}

bool layoutHolds(const Grammar::PlainSegment &segment, std::uint64_t expectedStart)
{
    return segment.start == expectedStart && segment.length > 0
           && segment.length <= MaxTableSectors - std::min(segment.start, MaxTableSectors);
}

// No two ranges on one device share a sector.
bool rangesApart(const std::vector<PlainDeviceRange> &ranges)
{
    std::vector<std::pair<std::pair<unsigned, unsigned>, std::pair<std::uint64_t, std::uint64_t>>> sorted;
    sorted.reserve(ranges.size());
    for (const PlainDeviceRange &range : ranges) {
        sorted.push_back({{range.device.major, range.device.minor}, {range.offset, range.length}});
    }
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const auto &[device, range] = sorted[i];
        const auto &[previousDevice, previous] = sorted[i - 1];
        if (device == previousDevice && previous.first + previous.second > range.first) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::vector<PlainDeviceRange>> plainTableRanges(const Grammar::PlainParsedTable &table,
                                                              const PlainDeviceResolver &resolve)
{
    if (!table.ok() || table.segments.empty()) {
        return std::nullopt;
    }
    std::vector<PlainDeviceRange> ranges;
    // A table names few devices many times: each is resolved once.
    std::map<std::string_view, std::optional<PlainBlockDevice>> devices;
    std::uint64_t expectedStart = 0;
    std::uint64_t largestBlockSectors = 1;
    for (const Grammar::PlainSegment &segment : table.segments) {
        const Grammar::TargetArity *arity = arityOf(segment.target);
        if (!layoutHolds(segment, expectedStart) || !arity || segment.args.size() != arity->argumentCount) {
            return std::nullopt;
        }
        expectedStart = segment.start + segment.length;
        if (!arity->mapsDevice) {
            continue;
        }
        const auto offset = Grammar::parseDecimal(segment.args[1]);
        if (!offset) {
            return std::nullopt;
        }
        auto found = devices.find(segment.args[0]);
        if (found == devices.end()) {
            found = devices.emplace(segment.args[0], resolve(segment.args[0])).first;
        }
        if (!found->second) {
            return std::nullopt;
        }
        const PlainBlockDevice &device = *found->second;
        const std::uint64_t blockSectors = std::max<std::uint64_t>(1, device.logicalBlockSize / SectorSize);
        if (*offset > device.sizeInSectors || segment.length > device.sizeInSectors - *offset
            || *offset % blockSectors != 0) {
            return std::nullopt;
        }
        largestBlockSectors = std::max(largestBlockSectors, blockSectors);
        ranges.push_back({device, *offset, segment.length});
    }
    // The kernel aligns every boundary to the table's largest logical block.
    const bool aligned = std::all_of(
        table.segments.cbegin(), table.segments.cend(), [&](const auto &segment) {
            return segment.start % largestBlockSectors == 0 && segment.length % largestBlockSectors == 0;
        });
    if (!aligned || !rangesApart(ranges)) {
        return std::nullopt;
    }
    return ranges;
}

} // namespace Volmap
