// SPDX-License-Identifier: GPL-2.0-or-later
#include "datawarning.h"

#include <QCoreApplication>

namespace Volmap {

namespace {

RangeSignature unresolved()
{
    return RangeSignature{RangeSignature::Kind::Unknown,
                          {},
                          {},
                          {},
                          QCoreApplication::translate("Volmap::DataWarning", "no such device"),
                          false};
}

} // namespace

QList<std::optional<ProbeTarget>> probeTargetsOf(const QString &root, const MappingTable &table)
{
    QList<std::optional<ProbeTarget>> targets;
    for (const DeviceUse &use : deviceUsesOf(table)) {
        targets.append(probeTargetOf(root, use.device, use.offset, use.length));
    }
    return targets;
}

QList<RangeData> rangeDataOf(const MappingTable &table, const QList<RangeSignature> &signatures)
{
    QList<RangeData> data;
    const QList<DeviceUse> uses = deviceUsesOf(table);
    for (qsizetype i = 0; i < uses.size(); ++i) {
        data.append({uses[i], i < signatures.size() ? signatures[i] : RangeSignature()});
    }
    return data;
}

QList<RangeData> probeTableRanges(const QString &root, const MappingTable &table)
{
    QList<RangeSignature> signatures;
    for (const std::optional<ProbeTarget> &target : probeTargetsOf(root, table)) {
        if (!target) {
            signatures.append(unresolved());
            continue;
        }
        signatures.append(
            signatureOfRange(root, target->node, target->key.device, target->key.offset, target->key.length));
    }
    return rangeDataOf(table, signatures);
}

void probeTableRangesAsync(RangeSignatureProbe *probe, const QString &root, const MappingTable &table,
                           QObject *context, std::function<void(const QList<RangeData> &)> done,
                           int timeoutMs)
{
    const QList<std::optional<ProbeTarget>> targets = probeTargetsOf(root, table);
    QList<ProbeTarget> resolved;
    for (const std::optional<ProbeTarget> &target : targets) {
        if (target) {
            resolved.append(*target);
        }
    }
    probe->probeAll(
        resolved, context,
        [table, targets, done](const QList<RangeSignature> &found) {
            // Back into table order, with the unresolved ranges in their places.
            QList<RangeSignature> signatures;
            qsizetype next = 0;
            for (const std::optional<ProbeTarget> &target : targets) {
                signatures.append(target ? found.value(next++) : unresolved());
            }
            done(rangeDataOf(table, signatures));
        },
        timeoutMs);
}

QList<RangeData> rangesNewTo(const QList<RangeData> &data, const MappingTable &old)
{
    const QList<DeviceUse> before = deviceUsesOf(old);
    QList<RangeData> added;
    for (const RangeData &range : data) {
        const bool known = std::any_of(before.cbegin(), before.cend(), [&range](const DeviceUse &use) {
            return use.device == range.use.device && use.offset <= range.use.offset
                   && range.use.offset + range.use.length <= use.offset + use.length;
        });
        if (!known) {
            added.append(range);
        }
    }
    return added;
}

bool anyHoldsData(const QList<RangeData> &data)
{
    return std::any_of(data.cbegin(), data.cend(),
                       [](const RangeData &range) { return range.signature.holdsData(); });
}

QStringList describeRangeData(const QList<RangeData> &data)
{
    QStringList lines;
    for (const RangeData &range : data) {
        const DeviceUse &use = range.use;
        MappingTable one;
        one.segments.append(
            {use.start, use.length, use.target, {use.device, QString::number(use.offset)}, 0});
        const QStringList where = describeDeviceUses(one);
        lines.append(QCoreApplication::translate("Volmap::DataWarning", "%1: %2")
                         .arg(where.value(0), range.signature.description()));
    }
    return lines;
}

} // namespace Volmap
