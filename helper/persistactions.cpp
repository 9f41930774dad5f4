// SPDX-License-Identifier: GPL-2.0-or-later
// MappingActions for mappings that survive a restart: saving and
// forgetting definitions, and assembling the saved ones.
#include "mappingactions.h"

#include "mappingname.h"
#include "tabletext.h"

namespace Volmap {

namespace {

HelperError noSavedDefinitions()
{
    return failure(QStringLiteral("this helper keeps no saved definitions"));
}

} // namespace

Result<Done, HelperError> MappingActions::checkPersistRights(CallContext &context, const QString &purpose)
{
    if (context.isGranted(HelperProtocol::Action::persist())) {
        return Done{};
    }
    return fail(context.requireAlso(HelperProtocol::Action::persist(), purpose));
}

Outcome<std::optional<DefinitionStore::Staged>>
MappingActions::stageDefinition(CallContext &context, const QString &name, const QString &uuid,
                                const MappingTable &table, bool wanted)
{
    if (!wanted) {
        return std::optional<DefinitionStore::Staged>();
    }
    if (!m_saved) {
        return fail(noSavedDefinitions());
    }
    if (auto needed = checkPersistRights(context,
                                         QStringLiteral("save '%1' to be recreated at startup").arg(name));
        !needed) {
        return fail(needed.error());
    }
    const auto definition = m_saved->definitionFor(name, uuid, table);
    if (!definition) {
        return fail(definition.error());
    }
    const auto staged = m_saved->stage(definition.value());
    if (!staged) {
        return fail(staged.error());
    }
    return std::optional(staged.value());
}

Outcome<Done> MappingActions::settleDefinition(const std::optional<DefinitionStore::Staged> &staged,
                                               bool changed)
{
    if (!staged) {
        return Done{};
    }
    if (!changed) {
        m_saved->discard(*staged);
        return Done{};
    }
    return m_saved->commit(*staged);
}

Outcome<QVariant> MappingActions::setPersistent(CallContext &context, const QString &name, bool enabled)
{
    context.describe(
        QStringLiteral("%1 '%2'").arg(enabled ? QStringLiteral("save") : QStringLiteral("forget"), name));
    if (!m_saved) {
        return fail(noSavedDefinitions());
    }
    if (!enabled) {
        if (auto forgotten = m_saved->forget(name); !forgotten) {
            return fail(forgotten.error());
        }
        m_mappingsChanged();
        return QVariant();
    }
    const auto current = m_backend.info(name);
    if (!current) {
        return fail(current.error());
    }
    if (auto needed = checkForeignRights(context, current.value(), QStringLiteral("save")); !needed) {
        return fail(needed.error());
    }
    const auto definition = m_saved->definitionOfLive(name);
    if (!definition) {
        return fail(definition.error());
    }
    const auto staged = m_saved->stage(definition.value());
    if (!staged) {
        return fail(staged.error());
    }
    if (auto committed = m_saved->commit(staged.value()); !committed) {
        return fail(committed.error());
    }
    m_mappingsChanged();
    return QVariant();
}

Outcome<QVariant> MappingActions::listSaved()
{
    if (!m_saved) {
        return fail(noSavedDefinitions());
    }
    return QVariant::fromValue(SavedMappings::describe(m_saved->plans()));
}

Outcome<QVariant> MappingActions::assembleSaved(CallContext &context)
{
    if (!m_saved) {
        return fail(noSavedDefinitions());
    }
    const AssemblyResult result = assembleAll();
    context.describe(
        result.created.isEmpty()
            ? QStringLiteral("assemble saved mappings: none ready")
            : QStringLiteral("assemble saved mappings: created %1").arg(result.created.join(u' ')));
    return QVariant::fromValue(result.saved);
}

MappingActions::AssemblyResult MappingActions::assembleAll()
{
    AssemblyResult result;
    if (!m_saved) {
        result.broke = true;
        return result;
    }
    QList<SavedMappings::Saved> saved = m_saved->plans();
    for (SavedMappings::Saved &entry : saved) {
        if (entry.plan.state != AssemblyPlan::State::Ready) {
            continue;
        }
        ParsedTable parsed = parseTable(entry.plan.table);
        const bool usesBasicTarget = std::any_of(
            parsed.table.segments.cbegin(), parsed.table.segments.cend(),
            [](const Segment &s) { return s.target == HelperProtocol::BasicTargetName; });
        Outcome<QString> created = fail(HelperError{});
        if (auto loaded = loadModulesFor(usesBasicTarget); !loaded) {
            created = fail(loaded.error());
        } else {
            // The saved uuid brings back the mapping's owner; a definition
            // without one (hand-written, or older) is root's.
            const QString uuid = entry.uuid.isEmpty() ? newVolmapUuid(0) : entry.uuid;
            created = m_backend.create(entry.name, uuid, parsed.table, false);
        }
        if (created) {
            entry.plan.state = AssemblyPlan::State::Assembled;
            result.created.append(entry.name);
        } else {
            entry.plan = {AssemblyPlan::State::Refused, created.error().message, {}};
            result.broke = true;
        }
    }
    if (!result.created.isEmpty()) {
        m_mappingsChanged();
    }
    result.saved = SavedMappings::describe(saved);
    return result;
}

} // namespace Volmap
