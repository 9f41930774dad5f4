// SPDX-License-Identifier: GPL-2.0-or-later
#include "assemblyplan.h"

#include "mappingclaims.h"
#include "mappingname.h"
#include "tablepreparation.h"
#include "tabletext.h"
#include "targetdevices.h"

#include <QHash>

namespace Volmap {

namespace {

using State = AssemblyPlan::State;

AssemblyPlan refused(const QString &reason)
{
    return {State::Refused, reason, {}};
}

// The claims every other live mapping makes, plus mounts, swap and holders.
QList<DeviceClaim> claimsAround(const QString &name, const QList<LiveMapping> &live,
                                DeviceInspector &inspector)
{
    QList<DeviceClaim> claims = inspector.systemClaims();
    for (const LiveMapping &mapping : live) {
        if (mapping.name != name) {
            claims += claimsOfMapping(mapping.name, mapping.table, mapping.dependencies, inspector);
        }
    }
    return claims;
}

// Adds the member for `device` unless it is known; or says why it cannot be saved.
Result<Done, QString> addMember(SavedDefinition &definition, QHash<QString, QString> &ids,
                                const DeviceReference &device, const QList<DeviceFacts> &devices)
{
    if (!device.isNumber()) {
        return fail(QStringLiteral("%1 is not given as major:minor").arg(quotedInput(device.toString())));
    }
    const QString number = device.toString();
    if (ids.contains(number)) {
        return Done{};
    }
    for (const DeviceFacts &facts : devices) {
        if (facts.number.toString() != number) {
            continue;
        }
        auto identity = identityOf(facts, devices);
        if (!identity) {
            return fail(std::move(identity).error());
        }
        const QString id = QStringLiteral("m%1").arg(definition.members.size() + 1);
        definition.members.append({id, *identity});
        ids.insert(number, QStringLiteral("$") + id);
        return Done{};
    }
    return fail(QStringLiteral("device %1 is gone").arg(number));
}

} // namespace

Result<SavedDefinition, QString> definitionOf(const QString &name, const QString &uuid,
                                              const MappingTable &table, const QList<DeviceFacts> &devices)
{
    SavedDefinition definition;
    definition.name = name;
    if (creatorOfUuid(uuid) && checkMappingUuid(uuid)) {
        definition.uuid = uuid;
    }
    QHash<QString, QString> ids; // "major:minor" -> "$m1"
    for (const Segment &segment : table.segments) {
        const auto uses = deviceUsesOf(segment);
        if (!uses) {
            return fail(QStringLiteral("the devices of a '%1' line cannot be told from its other arguments")
                            .arg(segment.target));
        }
        for (const TargetDeviceUse &use : *uses) {
            if (const auto checked = addMember(definition, ids, use.device, devices); !checked) {
                return fail(checked.error());
            }
        }
    }
    definition.table = table;
    for (Segment &segment : definition.table.segments) {
        for (QString &arg : segment.args) {
            arg = ids.value(arg, arg);
        }
    }
    return definition;
}

QString stateName(AssemblyPlan::State state)
{
    switch (state) {
    case State::Assembled:
        return QStringLiteral("assembled");
    case State::Ready:
    case State::Waiting:
        return QStringLiteral("waiting");
    case State::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

AssemblyPlan planAssembly(const SavedDefinition &definition, const QList<DeviceFacts> &devices,
                          const QList<LiveMapping> &live, DeviceInspector &inspector)
{
    QHash<QString, QString> numbers;
    for (const SavedMember &member : definition.members) {
        const MemberMatch match = findMember(member.identity, devices);
        if (match.result == MemberMatch::Result::Missing) {
            return {State::Waiting, match.reason, {}};
        }
        if (match.result == MemberMatch::Result::Mismatch) {
            return refused(match.reason);
        }
        numbers.insert(member.id, match.device.number.toString());
    }
    const MappingTable table = substituteMembers(definition.table, numbers);
    const QString text = formatTable(table);
    for (const LiveMapping &mapping : live) {
        if (mapping.name == definition.name) {
            if (MappingTable{mapping.table} == table) {
                return {State::Assembled, {}, text};
            }
            return refused(
                QStringLiteral("a mapping named '%1' exists with another table").arg(definition.name));
        }
        if (!definition.uuid.isEmpty() && mapping.uuid == definition.uuid) {
            return refused(
                QStringLiteral("mapping '%1' has the saved uuid %2").arg(mapping.name, definition.uuid));
        }
    }
    const Outcome<PreparedTable> prepared = prepareTable(text, inspector);
    if (!prepared) {
        return refused(prepared.error().message);
    }
    if (auto conflict = systemConflict(prepared.value().wanted,
                                       claimsAround(definition.name, live, inspector), false)) {
        return refused(conflict->error.message);
    }
    return {State::Ready, QStringLiteral("every member is present and free; not assembled yet"), text};
}

} // namespace Volmap
