// SPDX-License-Identifier: GPL-2.0-or-later
#include "spacemap.h"

#include "rangesignature.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace Volmap {

namespace {

bool isUse(SpaceKind kind)
{
    return kind == SpaceKind::InUse || kind == SpaceKind::WholeDeviceMapping || kind == SpaceKind::Mapping;
}

// Highest drawing priority first; among equals, the earlier range.
void sortByPriority(QList<int> &indexes, const QList<SpaceRange> &ranges)
{
    std::sort(indexes.begin(), indexes.end(), [&ranges](int a, int b) {
        if (ranges[a].kind != ranges[b].kind) {
            return ranges[a].kind > ranges[b].kind;
        }
        return a < b;
    });
}

SpaceMapSegment segmentOver(quint64 start, quint64 end, QList<int> covering, const QList<SpaceRange> &ranges)
{
    sortByPriority(covering, ranges);
    SpaceMapSegment segment{start, end - start, covering, -1, false};
    int drafts = 0;
    bool used = false;
    for (int index : covering) {
        const SpaceKind kind = ranges[index].kind;
        drafts += kind == SpaceKind::Draft ? 1 : 0;
        used = used || isUse(kind);
        if (kind == SpaceKind::Partition && segment.partition < 0) {
            segment.partition = index;
        }
    }
    segment.conflict = drafts > 1 || (drafts == 1 && used);
    return segment;
}

// What a device list entry says is on a device (no probe: udev or libblkid said it).
QString contentOf(const BlockDeviceInfo &device)
{
    if (!device.fsType.isEmpty()) {
        return RangeSignature{signatureKindOf(device.fsType, QString()),
                              device.fsType,
                              device.fsLabel,
                              device.fsUuid,
                              QString(),
                              false}
            .description();
    }
    return QString();
}

// Mounts, swap and holders of `device`, as claims on [start, start + length) of the map.
void addUsesOf(const BlockDeviceInfo &device, quint64 start, const QList<BlockDeviceInfo> &all,
               const QStringList &exactMappings, QList<SpaceRange> &ranges)
{
    const quint64 length = device.sizeInSectors;
    for (const QString &mount : device.mountPoints) {
        ranges.append({start, length, SpaceKind::InUse, device.kernelName, QString(),
                       QCoreApplication::translate("Volmap::SpaceMap", "mounted at %1").arg(mount),
                       contentOf(device), true, -1});
    }
    if (device.swap) {
        ranges.append({start, length, SpaceKind::InUse, device.kernelName, QString(),
                       QCoreApplication::translate("Volmap::SpaceMap", "active swap"), contentOf(device),
                       true, -1});
    }
    for (const QString &holderName : device.holders) {
        const auto holder = std::find_if(
            all.cbegin(), all.cend(),
            [&holderName](const BlockDeviceInfo &info) { return info.kernelName == holderName; });
        if (holder != all.cend() && holder->kind == DeviceKind::DeviceMapper && !holder->dmName.isEmpty()) {
            if (!exactMappings.contains(holder->dmName)) {
                ranges.append({start, length, SpaceKind::WholeDeviceMapping, holder->dmName, QString(),
                               QCoreApplication::translate("Volmap::SpaceMap", "used by %1 (whole device)")
                                   .arg(holder->dmName),
                               QString(), false, -1});
            }
        } else {
            ranges.append({start, length, SpaceKind::InUse, holderName, QString(),
                           QCoreApplication::translate("Volmap::SpaceMap", "used by %1").arg(holderName),
                           QString(), false, -1});
        }
    }
}

} // namespace

QList<SpaceMapSegment> layoutSpaceMap(const SpaceMapInput &input)
{
    const quint64 size = input.sizeInSectors;
    std::map<quint64, QList<int>> opens;
    std::map<quint64, QList<int>> closes;
    QList<quint64> boundaries{0, size};
    for (int index = 0; index < input.ranges.size(); ++index) {
        const SpaceRange &range = input.ranges[index];
        const quint64 start = qMin(range.start, size);
        // Clipped without overflow: a claim may come from a bigger device's numbers.
        const quint64 end = range.length > size - start ? size : start + range.length;
        if (end <= start) {
            continue;
        }
        opens[start].append(index);
        closes[end].append(index);
        boundaries << start << end;
    }
    std::sort(boundaries.begin(), boundaries.end());
    boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());

    QList<SpaceMapSegment> segments;
    QList<int> active;
    for (qsizetype i = 0; i + 1 < boundaries.size(); ++i) {
        const quint64 at = boundaries[i];
        for (int index : closes[at]) {
            active.removeOne(index);
        }
        active.append(opens[at]);
        SpaceMapSegment segment = segmentOver(at, boundaries[i + 1], active, input.ranges);
        if (!segments.isEmpty() && segments.last().ranges == segment.ranges) {
            segments.last().length += segment.length;
        } else {
            segments.append(segment);
        }
    }
    return segments;
}

SpaceMapInput spaceMapInputFor(const BlockDeviceInfo &device, const QList<BlockDeviceInfo> &all,
                               const QList<DeviceRangeClaim> &claims)
{
    SpaceMapInput input;
    input.sizeInSectors = device.sizeInSectors;
    QStringList exactMappings;
    for (const DeviceRangeClaim &claim : claims) {
        // A mapping the claims name is drawn from them, not again from the holders.
        if (claim.range.kind == SpaceKind::Mapping || claim.range.kind == SpaceKind::WholeDeviceMapping) {
            exactMappings.append(claim.range.owner);
        }
    }
    QList<BlockDeviceInfo> partitions;
    for (const BlockDeviceInfo &info : all) {
        if (info.kind == DeviceKind::Partition && info.parent == device.kernelName
            && !device.kernelName.isEmpty()) {
            partitions.append(info);
        }
    }
    std::sort(partitions.begin(), partitions.end(), [](const BlockDeviceInfo &a, const BlockDeviceInfo &b) {
        return a.partitionStart < b.partitionStart;
    });
    for (const BlockDeviceInfo &partition : partitions) {
        const QString content = contentOf(partition);
        input.ranges.append({partition.partitionStart, partition.sizeInSectors, SpaceKind::Partition,
                             partition.kernelName, QString(), partition.fsLabel, content, !content.isEmpty(),
                             -1});
    }
    addUsesOf(device, 0, all, exactMappings, input.ranges);
    for (const BlockDeviceInfo &partition : partitions) {
        addUsesOf(partition, partition.partitionStart, all, exactMappings, input.ranges);
    }
    for (const DeviceRangeClaim &claim : claims) {
        if (claim.device == device.number) {
            input.ranges.append(claim.range);
            continue;
        }
        for (const BlockDeviceInfo &partition : partitions) {
            if (claim.device == partition.number) {
                SpaceRange shifted = claim.range;
                shifted.start += partition.partitionStart;
                input.ranges.append(shifted);
            }
        }
    }
    return input;
}

} // namespace Volmap
