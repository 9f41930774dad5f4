// SPDX-License-Identifier: GPL-2.0-or-later
#include "savedmappings.h"

#include "helperprotocol.h"
#include "mappingname.h"
#include "tabletext.h"
#include "tablevalidator.h"

namespace Volmap {

namespace {

HelperError noStableIdentity(const QString &message)
{
    return {HelperProtocol::Error::noStableIdentity(), message};
}

QList<Segment> segmentsOf(const QList<KernelSegment> &kernel)
{
    QList<Segment> segments;
    segments.reserve(kernel.size());
    for (const KernelSegment &segment : kernel) {
        segments.append({segment.start, segment.length, segment.target,
                         segment.parameters.split(u' ', Qt::SkipEmptyParts), 0});
    }
    return segments;
}

} // namespace

SavedMappings::SavedMappings(MappingBackend &backend, DeviceInspector &devices, DefinitionStore store,
                             Scan scan)
    : m_backend(backend)
    , m_devices(devices)
    , m_store(std::move(store))
    , m_scan(std::move(scan))
{}

bool SavedMappings::isSaved(const QString &name) const
{
    return m_store.read(name).has_value();
}

Outcome<SavedDefinition> SavedMappings::definitionFor(const QString &name, const QString &uuid,
                                                      const MappingTable &table)
{
    // Only the targets Volume Mapper creates: their arguments are known
    // and hold no secrets (a crypt key must never land in /etc).
    for (const Segment &segment : table.segments) {
        if (!isSupportedTarget(segment.target)) {
            return fail(noStableIdentity(QStringLiteral("'%1' cannot be saved: only tables of %2 can")
                                             .arg(name, supportedTargets().join(QStringLiteral(", ")))));
        }
    }
    auto definition = definitionOf(name, uuid, table, m_scan());
    if (!definition) {
        return fail(
            noStableIdentity(QStringLiteral("'%1' cannot be saved: %2").arg(name, definition.error())));
    }
    return *std::move(definition);
}

Outcome<SavedDefinition> SavedMappings::definitionOfLive(const QString &name)
{
    const auto state = m_backend.mapping(name);
    if (!state) {
        return fail(state.error());
    }
    return definitionFor(name, state.value().uuid, MappingTable{segmentsOf(state.value().table)});
}

Outcome<DefinitionStore::Staged> SavedMappings::stage(const SavedDefinition &definition)
{
    auto staged = m_store.stage(definition);
    if (!staged) {
        return fail(failure(staged.error()));
    }
    return *std::move(staged);
}

Outcome<Done> SavedMappings::commit(const DefinitionStore::Staged &staged)
{
    if (const auto committed = m_store.commit(staged); !committed) {
        return fail(failure(committed.error()));
    }
    return Done{};
}

Outcome<Done> SavedMappings::forget(const QString &name)
{
    if (!isSaved(name)) {
        return fail(
            HelperError{HelperProtocol::Error::notFound(), QStringLiteral("'%1' is not saved").arg(name)});
    }
    if (const auto removed = m_store.remove(name); !removed) {
        return fail(failure(removed.error()));
    }
    return Done{};
}

QList<LiveMapping> SavedMappings::liveMappings()
{
    QList<LiveMapping> live;
    const auto names = m_backend.mappingNames();
    for (const QString &name : names ? names.value() : QStringList()) {
        if (const auto state = m_backend.mapping(name)) {
            live.append(
                {name, segmentsOf(state.value().table), state.value().dependencies, state.value().uuid});
        }
    }
    return live;
}

QList<SavedMappings::Saved> SavedMappings::plans()
{
    QList<Saved> saved;
    const QList<DefinitionStore::Entry> entries = m_store.readAll();
    if (entries.isEmpty()) {
        return saved;
    }
    const QList<DeviceFacts> devices = m_scan();
    const QList<LiveMapping> live = liveMappings();
    for (const DefinitionStore::Entry &entry : entries) {
        if (!entry.definition) {
            // A file name that is no mapping name may hold newlines or
            // terminal escapes: shown quoted, it cannot forge a line.
            const QString name = checkMappingName(entry.name) ? entry.name : quotedInput(entry.name);
            saved.append({name,
                          {},
                          {AssemblyPlan::State::Refused,
                           QStringLiteral("definition refused: ") + entry.definition.error(),
                           {}}});
            continue;
        }
        const SavedDefinition &definition = *entry.definition;
        saved.append({entry.name, definition.uuid, planAssembly(definition, devices, live, m_devices)});
    }
    return saved;
}

QList<QVariantMap> SavedMappings::describe(const QList<Saved> &saved)
{
    QList<QVariantMap> list;
    for (const Saved &entry : saved) {
        list.append(SavedMappingState{entry.name, stateName(entry.plan.state), entry.plan.reason}.toMap());
    }
    return list;
}

} // namespace Volmap
