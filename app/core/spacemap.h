// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"

#include <QList>
#include <QString>

#include <functional>

namespace Volmap {

/* What claims a range of a device on its space map, in drawing priority (lowest first). */
enum class SpaceKind {
    Partition,          // a partition of the disk shown
    InUse,              // mounted, swap, or held by something that is no mapping
    WholeDeviceMapping, // a mapping uses the device, which ranges is not known
    Mapping,            // an existing mapping's exact range
    Draft,              // the table being edited would use it
};

/* One claim on a range of the device shown (sectors on that device). */
struct SpaceRange
{
    quint64 start = 0;
    quint64 length = 0;
    SpaceKind kind = SpaceKind::Partition;
    QString owner;          // partition kernel name, mapping name; empty for the draft
    QString target;         // the device-mapper target, for mappings and the draft
    QString description;    // "mounted at /home", "segment 2", ...
    QString signature;      // what the range holds, when known
    bool holdsData = false; // the signature is somebody's data
    int draftRow = -1;      // the editor row of a Draft range

    quint64 end() const { return start + length; }
    bool operator==(const SpaceRange &) const = default;
};

struct SpaceMapInput
{
    quint64 sizeInSectors = 0;
    QList<SpaceRange> ranges;
};

/*
 * One stretch of the bar: where the same set of ranges applies. `ranges`
 * indexes SpaceMapInput::ranges, highest priority first (the one drawn);
 * empty means free space. `partition` is the partition it lies in (-1:
 * none). `conflict`: the draft overlaps a mapping, a device in use or
 * another draft segment.
 */
struct SpaceMapSegment
{
    quint64 start = 0;
    quint64 length = 0;
    QList<int> ranges;
    int partition = -1;
    bool conflict = false;

    bool isFree() const { return ranges.isEmpty(); }
    quint64 end() const { return start + length; }
    bool operator==(const SpaceMapSegment &) const = default;
};

/*
 * The bar, left to right, covering 0..sizeInSectors exactly: ranges are
 * clipped to the device, stretches covered by the same ranges merged, and
 * gaps are free segments. Pure, for tests.
 */
QList<SpaceMapSegment> layoutSpaceMap(const SpaceMapInput &input);

/*
 * A claim on some block device by number, as mappings and the draft make
 * them; spaceMapInputFor() places it on the device shown (or, for a
 * partition of that disk, shifted to where the partition starts).
 */
struct DeviceRangeClaim
{
    DeviceNumber device;
    SpaceRange range; // start/length on `device`
};

/*
 * Existing mappings' claims as the space map takes them: the DeviceClaim
 * of the claims library (kind, disk, start, length, description, owner,
 * target; on whole disks) without depending on it. A claim with an owner
 * becomes a Mapping range when its kind is Mapping (an exact range) and
 * a WholeDeviceMapping otherwise (a target whose ranges are opaque);
 * claims without an owner (mounts, swap, holders) are left out, since
 * spaceMapInputFor() reads those from the device list.
 */
template<typename Claim>
QList<DeviceRangeClaim> mappingRangesOf(const QList<Claim> &claims)
{
    QList<DeviceRangeClaim> ranges;
    for (const Claim &claim : claims) {
        if (claim.owner.isEmpty()) {
            continue;
        }
        const bool exact = claim.kind == Claim::Kind::Mapping;
        ranges.append(
            {claim.disk,
             SpaceRange{claim.start, claim.length, exact ? SpaceKind::Mapping : SpaceKind::WholeDeviceMapping,
                        claim.owner, claim.target, claim.description, QString(), false, -1}});
    }
    return ranges;
}

/*
 * Everything the space map of `device` shows: its partitions (if a disk),
 * what uses it or them as the device list says (dm holders become
 * whole-device mapping claims, unless `claims` names that mapping;
 * mounts, swap and other holders InUse), and `claims` that fall
 * on it or its partitions.
 */
SpaceMapInput spaceMapInputFor(const BlockDeviceInfo &device, const QList<BlockDeviceInfo> &all,
                               const QList<DeviceRangeClaim> &claims);

} // namespace Volmap
