// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablepreparation.h"

#include "devicerangereader.h"
#include "sizeunits.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QHash>

namespace Volmap {

namespace {

// What a log line or a prompt lists before it says "and N more".
constexpr qsizetype ListedDevices = 8;

QString listed(const QStringList &items)
{
    QStringList shown = items.first(qMin(items.size(), ListedDevices));
    if (items.size() > ListedDevices) {
        shown.append(QStringLiteral("and %1 more").arg(items.size() - ListedDevices));
    }
    return shown.join(QStringLiteral(", "));
}

} // namespace

Outcome<QList<ResolvedDevice>> resolveDevices(const AdmittedTable &table, DeviceInspector &devices)
{
    QList<ResolvedDevice> resolved;
    resolved.reserve(table.devices.size());
    for (const DeviceReference &reference : table.devices) {
        auto device = devices.resolve(reference);
        if (!device) {
            return fail(invalidArgument(QStringLiteral("invalid table: %1").arg(device.error())));
        }
        resolved.append(*std::move(device));
    }
    return resolved;
}

Outcome<PreparedTable> prepareTable(QStringView text, DeviceInspector &devices)
{
    auto admitted = admitTable(text);
    if (!admitted) {
        return fail(admitted.error());
    }
    return prepareAdmitted(std::move(admitted.value()), devices);
}

Outcome<PreparedTable> prepareAdmitted(AdmittedTable admitted, DeviceInspector &devices)
{
    const auto named = resolveDevices(admitted, devices);
    if (!named) {
        return fail(named.error());
    }
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < admitted.devices.size(); ++i) {
        indexOf.insert(admitted.devices[i].toString(), i);
    }
    const auto deviceOf = [&](const DeviceReference &reference) -> const ResolvedDevice & {
        return named.value()[indexOf.value(reference.toString())];
    };
    const DeviceResolver resolver =
        [&](const DeviceReference &reference) -> Result<BlockDeviceGeometry, QString> {
        return deviceOf(reference).geometry;
    };
    TableLimits limits;
    limits.maxSegments = Admission::MaxSegments;
    limits.maxIssues = Admission::MaxReportedIssues;
    if (const TableIssues issues = validateTable(admitted.table, resolver, limits); !issues.isEmpty()) {
        return fail(invalidArgument(invalidTableMessage(issues)));
    }

    PreparedTable prepared;
    prepared.table = std::move(admitted.table);
    prepared.usesBasicTarget = admitted.usesBasicTarget;
    prepared.namedDevices = named.value();
    for (const ResolvedDevice &device : prepared.namedDevices) {
        if (!prepared.disks.contains(device.disk)) {
            prepared.disks.append(device.disk);
        }
    }
    // Each device's number as text once: a table may have 100 000 segments.
    QStringList numberTexts;
    for (const ResolvedDevice &device : prepared.namedDevices) {
        numberTexts.append(device.geometry.number.toString());
    }
    prepared.wanted.reserve(prepared.table.segments.size());
    DeviceRangeReader ranges;
    QString lastDevice; // as written, and its index: no text to build per segment of a run
    qsizetype deviceIndex = -1;
    for (int index = 0; index < prepared.table.segments.size(); ++index) {
        Segment &segment = prepared.table.segments[index];
        const auto range = ranges.rangeOf(segment);
        if (!range) {
            continue;
        }
        if (deviceIndex < 0 || segment.args[0] != lastDevice) {
            lastDevice = segment.args[0];
            deviceIndex = indexOf.value(range->device.toString());
        }
        const ResolvedDevice &device = prepared.namedDevices[deviceIndex];
        segment.args[0] = numberTexts[deviceIndex];
        prepared.wanted.append({index, device.disk, device.startOnDisk + range->offset, range->length,
                                range->offset, device.geometry.displayName});
    }
    // The grammar compares ranges per device; a disk and its partition
    // are one set of sectors.
    if (const auto overlap = firstSelfOverlap(prepared.wanted)) {
        // One arg() pass: a description holds a path, which may hold a '%'.
        return fail(invalidArgument(
            QStringLiteral("invalid table: segments %1 (%2) and %3 (%4) use the same sectors")
                .arg(QString::number(overlap->wanted->segment + 1), overlap->wanted->description(),
                     QString::number(overlap->other->segment + 1), overlap->other->description())));
    }
    return prepared;
}

QString tableSummary(const PreparedTable &table)
{
    QStringList numbers;
    for (const ResolvedDevice &device : table.namedDevices) {
        numbers.append(device.geometry.number.toString());
    }
    const qsizetype count = table.table.segments.size();
    QString summary = count == 1 ? QStringLiteral("1 segment") : QStringLiteral("%1 segments").arg(count);
    if (!numbers.isEmpty()) {
        summary += QStringLiteral(" on ") + listed(numbers);
    }
    return summary;
}

QString deviceListForPrompt(const QList<ResolvedDevice> &devices)
{
    QStringList described;
    for (const ResolvedDevice &device : devices) {
        const QString size = formatSizeHuman(device.geometry.sizeInSectors * 512);
        described.append(
            device.model.isEmpty()
                ? QStringLiteral("%1 (%2)").arg(device.geometry.displayName, size)
                : QStringLiteral("%1 (%2, %3)").arg(device.geometry.displayName, device.model, size));
    }
    return described.isEmpty() ? QStringLiteral("no devices") : listed(described);
}

} // namespace Volmap
