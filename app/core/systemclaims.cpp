// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemclaims.h"

#include "deviceinspector.h"
#include "mappingclaims.h"
#include "tablepreparation.h"
#include "tabletext.h"

#include <QDir>

#include <algorithm>

namespace Volmap {

namespace {

// No probe: the app never asks for foreign claims, which need root to read devices.
ForeignSignature noProbe(const QString &, DeviceNumber)
{
    return {};
}

QHash<QString, ResolvedDevice> blockDevices(const QString &root)
{
    QHash<QString, ResolvedDevice> devices;
    const BlockDeviceResolver resolver(root);
    const QDir blockDir(root + QStringLiteral("/sys/dev/block"));
    for (const QString &entry : blockDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto number = parseDeviceNumber(entry);
        if (!number) {
            continue;
        }
        const auto described = resolver.describe(*number);
        if (described) {
            devices.insert(number->toString(), *described);
        }
    }
    return devices;
}

} // namespace

QList<DeviceClaim> ClaimsSnapshot::claimsExcept(const QString &mapping) const
{
    QList<DeviceClaim> claims = system;
    for (auto it = byMapping.cbegin(); it != byMapping.cend(); ++it) {
        if (it.key() != mapping) {
            claims.append(it.value());
        }
    }
    return claims;
}

QList<UsedRange> ClaimsSnapshot::usedRangesOn(const QString &number, const QString &mapping) const
{
    QList<UsedRange> used;
    const auto found = devices.constFind(number);
    if (found == devices.cend()) {
        return used;
    }
    const ResolvedDevice &device = *found;
    const quint64 first = device.startOnDisk;
    const quint64 end = first + device.geometry.sizeInSectors;
    const auto add = [&](quint64 begin, quint64 length, const QString &reason) {
        const quint64 from = qMax(begin, first);
        const quint64 to = qMin(begin + length, end);
        if (from < to) {
            used.append({from - first, to - first, reason});
        }
    };
    for (const DeviceClaim &claim : claimsExcept(mapping)) {
        if (claim.disk == device.disk && claim.kind != DeviceClaim::Kind::ReadOnly) {
            add(claim.start, claim.length, claim.description);
        }
    }
    // A disk's partitions are used, whatever is on them: a segment over
    // one would overwrite what the partition holds.
    if (device.disk == device.geometry.number) {
        for (const ResolvedDevice &other : devices) {
            if (other.disk == device.disk && other.geometry.number != device.disk) {
                add(other.startOnDisk, other.geometry.sizeInSectors,
                    QStringLiteral("partition %1").arg(other.geometry.displayName));
            }
        }
    }
    std::sort(used.begin(), used.end(),
              [](const UsedRange &a, const UsedRange &b) { return a.begin < b.begin; });
    return used;
}

ClaimsSnapshot collectClaims(const QString &root, const QList<MappingText> &mappings)
{
    ClaimsSnapshot snapshot;
    SystemDeviceInspector inspector(root, noProbe);
    snapshot.system = inspector.systemClaims();
    for (const MappingText &mapping : mappings) {
        // One line at a time: parseTable() stops at the first malformed line,
        // and each readable line still claims its devices.
        QList<Segment> segments;
        for (const QString &line : mapping.table.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
            const auto start = words.size() >= 3 ? parseDecimal(words[0]) : std::nullopt;
            const auto length = words.size() >= 3 ? parseDecimal(words[1]) : std::nullopt;
            if (start && length) {
                segments.append({*start, *length, words[2], words.mid(3), 0});
            }
        }
        if (mapping.readOnly) {
            snapshot.readOnlyMappings.insert(mapping.name);
        }
        snapshot.byMapping.insert(
            mapping.name,
            claimsOfMapping(mapping.name, segments, inspector.dependenciesOf(mapping.number), inspector));
    }
    snapshot.devices = blockDevices(root);
    return snapshot;
}

std::optional<Conflict> checkDraft(const QString &root, QStringView text, bool readOnly,
                                   const QList<DeviceClaim> &claims)
{
    SystemDeviceInspector inspector(root, noProbe);
    const auto prepared = prepareTable(text, inspector);
    if (!prepared) {
        return Conflict{prepared.error(), -1};
    }
    return systemConflict(prepared.value().wanted, claims, readOnly);
}

} // namespace Volmap
