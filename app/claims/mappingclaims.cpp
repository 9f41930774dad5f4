// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingclaims.h"

#include "targetdevices.h"

#include <algorithm>
#include <iterator>

namespace Volmap {

namespace {

QString sectors(quint64 offset, quint64 length, const QString &device)
{
    return QStringLiteral("sectors %1-%2 of %3").arg(offset).arg(offset + length - 1).arg(device);
}

// Whole devices are claimed once per mapping, however many lines name them.
void claimWhole(QList<DeviceClaim> &claims, const ResolvedDevice &device, const QString &name,
                const QString &target)
{
    const bool known = std::any_of(claims.cbegin(), claims.cend(), [&](const DeviceClaim &claim) {
        return claim.kind == DeviceClaim::Kind::InUse && claim.disk == device.disk
               && claim.start == device.startOnDisk && claim.length == device.geometry.sizeInSectors;
    });
    if (!known) {
        claims.append(
            {DeviceClaim::Kind::InUse, device.disk, device.startOnDisk, device.geometry.sizeInSectors,
             QStringLiteral("used by mapping '%1' (%2), whole device").arg(name, target), name, target});
    }
}

void claimUse(QList<DeviceClaim> &claims, const TargetDeviceUse &use, const QString &name,
              const QString &target, DeviceInspector &devices)
{
    const auto resolved = devices.resolve(use.device);
    if (!resolved) {
        return;
    }
    const ResolvedDevice *device = &*resolved;
    const quint64 size = device->geometry.sizeInSectors;
    if (use.wholeDevice || use.offset >= size) {
        claimWhole(claims, *device, name, target);
        return;
    }
    const quint64 length = qMin(use.length.value_or(size - use.offset), size - use.offset);
    if (length == 0) {
        return;
    }
    const QString range = sectors(use.offset, length, device->geometry.displayName);
    claims.append({DeviceClaim::Kind::Mapping, device->disk, device->startOnDisk + use.offset, length,
                   QStringLiteral("%1 used by mapping '%2'").arg(range, name), name, target});
}

} // namespace

QList<DeviceClaim> claimsOfMapping(const QString &name, const QList<Segment> &table,
                                   const QList<DeviceNumber> &dependencies, DeviceInspector &devices)
{
    QList<DeviceClaim> claims;
    QString opaqueTarget;
    for (const Segment &segment : table) {
        const auto uses = deviceUsesOf(segment);
        if (!uses) {
            opaqueTarget = segment.target;
            continue;
        }
        for (const TargetDeviceUse &use : *uses) {
            claimUse(claims, use, name, segment.target, devices);
        }
    }
    if (opaqueTarget.isEmpty()) {
        return claims;
    }
    for (const DeviceNumber &dependency : dependencies) {
        const auto resolved = devices.resolve(DeviceReference{dependency});
        if (resolved) {
            claimWhole(claims, *resolved, name, opaqueTarget);
        }
    }
    return claims;
}

std::optional<Conflict> systemConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims,
                                       bool readOnlyTable)
{
    if (!readOnlyTable) {
        return firstConflict(wanted, claims);
    }
    QList<DeviceClaim> relevant;
    relevant.reserve(claims.size());
    std::copy_if(claims.cbegin(), claims.cend(), std::back_inserter(relevant),
                 [](const DeviceClaim &claim) { return claim.kind != DeviceClaim::Kind::ReadOnly; });
    return firstConflict(wanted, relevant);
}

} // namespace Volmap
