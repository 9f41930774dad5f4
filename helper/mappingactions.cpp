// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingactions.h"

#include "helperlog.h"
#include "mappingclaims.h"
#include "mappingname.h"
#include "stackingloop.h"
#include "tabletext.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

namespace Volmap {

namespace {

// basic_target's status fields in order: reads, writes, read-sectors,
// write-sectors, flushes, discards; 1.1 appends errors. Fields only ever
// get appended, so a line of at least the six is parsed as far as it goes.
constexpr qsizetype MinimumCounters = 6;

bool isOurs(const MappingState &state)
{
    return state.uuid.startsWith(VolmapUuidPrefix);
}

Segment segmentFrom(const KernelSegment &kernel)
{
    return {kernel.start, kernel.length, kernel.target, kernel.parameters.split(u' ', Qt::SkipEmptyParts), 0};
}

// What another mapping's live table claims: one implementation with the app.
QList<DeviceClaim> claimsOf(const MappingState &state, DeviceInspector &devices)
{
    QList<Segment> table;
    table.reserve(state.table.size());
    for (const KernelSegment &kernel : state.table) {
        table.append(segmentFrom(kernel));
    }
    return claimsOfMapping(state.name, table, state.dependencies, devices);
}

/*
 * Where an action's time goes, step by step, in the calls log at debug
 * level (with the call's own timings there): the benchmark of the create
 * and remove cycle reads it. Costs nothing while that level is off.
 */
class StepClock final
{
public:
    explicit StepClock(const char *action)
        : m_enabled(callsLog().isDebugEnabled())
    {
        if (m_enabled) {
            m_text = QLatin1String(action);
            m_timer.start();
        }
    }
    ~StepClock()
    {
        if (m_enabled) {
            qCDebug(callsLog, "%s", qPrintable(m_text));
        }
    }
    StepClock(const StepClock &) = delete;
    StepClock &operator=(const StepClock &) = delete;

    void step(const char *name)
    {
        if (m_enabled) {
            const qint64 micro = m_timer.nsecsElapsed() / 1000;
            m_timer.restart();
            m_text += QStringLiteral(" %1 %2.%3 ms")
                          .arg(QLatin1String(name))
                          .arg(micro / 1000)
                          .arg(micro % 1000 / 100);
        }
    }

private:
    bool m_enabled;
    QString m_text;
    QElapsedTimer m_timer;
};

} // namespace

MappingActions::MappingActions(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                               std::function<void()> mappingsChanged)
    : m_backend(backend)
    , m_modules(modules)
    , m_devices(devices)
    , m_mappingsChanged(std::move(mappingsChanged))
{}

void MappingActions::cleanUpAbandoned()
{
    const auto names = m_backend.mappingNames();
    if (!names) {
        return; // no device-mapper, nothing of ours can exist
    }
    for (const QString &name : names.value()) {
        const auto state = m_backend.info(name);
        if (state && isOurs(state.value()) && !state.value().liveTable && state.value().openCount == 0) {
            const auto removed = m_backend.remove(name, false);
            qCInfo(helperLog, "removed abandoned mapping %s (no live table): %s", qPrintable(name),
                   removed ? "done" : qPrintable(removed.error().message));
        }
    }
}

Result<Done, HelperError> MappingActions::checkForeignRights(CallContext &context, const MappingState &state,
                                                             const QString &verb)
{
    if (isOurs(state) || context.isGranted(HelperProtocol::Action::manageForeign())) {
        return Done{};
    }
    return fail(context.requireAlso(
        HelperProtocol::Action::manageForeign(),
        QStringLiteral("%1 '%2', which Volume Mapper did not create").arg(verb, state.name)));
}

Result<Done, HelperError> MappingActions::checkForeignDeviceRights(CallContext &context,
                                                                   const PreparedTable &table)
{
    const QString manageForeign = HelperProtocol::Action::manageForeign();
    if (context.isGranted(manageForeign)) {
        return Done{};
    }
    const QList<DeviceClaim> foreign = m_devices.foreignClaims(table.disks);
    const auto collision = firstCollision(table.wanted, foreign);
    if (!collision) {
        return Done{};
    }
    return fail(context.requireAlso(
        manageForeign, QStringLiteral("use segment %1 (%2): %3; such devices belong to their owner")
                           .arg(collision->wanted->segment + 1)
                           .arg(collision->wanted->description(), collision->other->description)));
}

Result<Done, HelperError> MappingActions::checkConflicts(const PreparedTable &table,
                                                         const QString &exceptMapping, bool readOnly)
{
    QList<DeviceClaim> claims = m_devices.systemClaims();
    const auto names = m_backend.mappingNames();
    if (!names) {
        return fail(names.error());
    }
    for (const QString &name : names.value()) {
        if (name == exceptMapping) {
            continue;
        }
        if (const auto state = m_backend.mapping(name)) {
            claims.append(claimsOf(state.value(), m_devices));
        }
    }
    if (auto conflict = systemConflict(table.wanted, claims, readOnly)) {
        return fail(conflict->error);
    }
    return Done{};
}

Outcome<Done> MappingActions::loadModulesFor(bool usesBasicTarget)
{
    if (const auto loaded = m_modules.load(QStringLiteral("dm-mod")); !loaded && !m_backend.driverVersion()) {
        return fail(HelperError{
            HelperProtocol::Error::kernelUnsupported(),
            QStringLiteral("the running kernel has no device-mapper: %1").arg(loaded.error().message)});
    }
    if (const auto version = m_backend.driverVersion(); !version) {
        return fail(version.error());
    }
    if (usesBasicTarget) {
        if (auto loaded = m_modules.load(QStringLiteral("dm-basic-target")); !loaded) {
            return fail(loaded.error());
        }
    }
    return Done{};
}

Outcome<PreparedTable> MappingActions::prepareAuthorized(const AdmittedTable &admitted,
                                                         const QList<DeviceNumber> &authorized)
{
    // Devices again: polkit may have taken minutes, long enough to replug,
    // and a /dev/disk/by-* link may name another device by now.
    auto prepared = prepareAdmitted(admitted, m_devices);
    if (!prepared) {
        return prepared;
    }
    const QList<ResolvedDevice> &now = prepared.value().namedDevices;
    for (qsizetype i = 0; i < now.size(); ++i) {
        if (i >= authorized.size() || now[i].geometry.number != authorized[i]) {
            return fail(HelperError{
                HelperProtocol::Error::busy(),
                QStringLiteral("%1 is %2 now, not %3 as when authorization was asked; nothing was "
                               "done, try again")
                    .arg(now[i].geometry.displayName, now[i].geometry.number.toString(),
                         i < authorized.size() ? authorized[i].toString() : QStringLiteral("absent"))});
        }
    }
    return prepared;
}

Outcome<QVariant> MappingActions::capabilities()
{
    QVariantMap capabilities;
    capabilities.insert(HelperProtocol::Capability::helperVersion(), QCoreApplication::applicationVersion());
    capabilities.insert(HelperProtocol::Capability::kernelRelease(), kernelRelease());
    const auto version = m_backend.driverVersion();
    capabilities.insert(HelperProtocol::Capability::deviceMapper(), version.has_value());
    capabilities.insert(HelperProtocol::Capability::driverVersion(), version ? version.value() : QString());
    QVariantMap targets;
    if (const auto versions = m_backend.targetVersions()) {
        for (auto it = versions.value().cbegin(); it != versions.value().cend(); ++it) {
            targets.insert(it.key(), it.value());
        }
    }
    const QString basicTarget = HelperProtocol::BasicTargetName.toString();
    capabilities.insert(HelperProtocol::Capability::targets(), targets);
    capabilities.insert(HelperProtocol::Capability::basicTargetLoaded(), targets.contains(basicTarget));
    capabilities.insert(HelperProtocol::Capability::basicTargetAvailable(),
                        targets.contains(basicTarget)
                            || m_modules.isAvailable(QStringLiteral("dm-basic-target")));
    return QVariant(capabilities);
}

Outcome<QVariant> MappingActions::loadModule(CallContext &context)
{
    context.describe(QStringLiteral("load dm-mod and dm-basic-target"));
    if (auto loaded = loadModulesFor(true); !loaded) {
        return fail(loaded.error());
    }
    return QVariant();
}

Outcome<QVariant> MappingActions::create(CallContext &context, const QString &name, const QString &text,
                                         bool readOnly, const QList<DeviceNumber> &authorized,
                                         bool persistent)
{
    const auto admitted = admitTable(text);
    if (!admitted) {
        return fail(admitted.error());
    }
    return create(context, name, admitted.value(), readOnly, authorized, persistent);
}

Outcome<QVariant> MappingActions::create(CallContext &context, const QString &name,
                                         const AdmittedTable &admitted, bool readOnly,
                                         const QList<DeviceNumber> &authorized, bool persistent)
{
    StepClock clock("create:");
    const auto prepared = prepareAuthorized(admitted, authorized);
    clock.step("devices");
    if (!prepared) {
        return fail(prepared.error());
    }
    const PreparedTable &table = prepared.value();
    context.describe(
        QStringLiteral("create '%1'%2 from %3")
            .arg(name, readOnly ? QStringLiteral(" read-only") : QString(), tableSummary(table)));
    if (auto loaded = loadModulesFor(table.usesBasicTarget); !loaded) {
        return fail(loaded.error());
    }
    clock.step("modules");
    if (m_backend.info(name)) {
        return fail(HelperError{HelperProtocol::Error::exists(),
                                QStringLiteral("a mapping named '%1' exists").arg(name)});
    }
    if (auto conflict = checkConflicts(table, QString(), readOnly); !conflict) {
        return fail(conflict.error());
    }
    clock.step("conflicts");
    if (auto needed = checkForeignDeviceRights(context, table); !needed) {
        return fail(needed.error());
    }
    clock.step("foreign");
    const QString uuid = newVolmapUuid(context.uid());
    const auto staged = stageDefinition(context, name, uuid, table.table, persistent);
    if (!staged) {
        return fail(staged.error());
    }
    const auto created = m_backend.create(name, uuid, table.table, readOnly);
    clock.step("kernel");
    if (const auto saved = settleDefinition(staged.value(), created.has_value()); created && !saved) {
        // All or nothing: a mapping the caller wanted saved is not left unsaved.
        m_backend.remove(name, false);
        return fail(saved.error());
    }
    if (!created) {
        return fail(created.error());
    }
    m_mappingsChanged();
    return QVariant(created.value());
}

Outcome<QVariant> MappingActions::reload(CallContext &context, const QString &name,
                                         const AdmittedTable &admitted, const QList<DeviceNumber> &authorized)
{
    const auto current = m_backend.info(name);
    if (!current) {
        return fail(current.error());
    }
    if (auto needed = checkForeignRights(context, current.value(), QStringLiteral("change the table of"));
        !needed) {
        return fail(needed.error());
    }
    const auto prepared = prepareAuthorized(admitted, authorized);
    if (!prepared) {
        return fail(prepared.error());
    }
    const PreparedTable &table = prepared.value();
    context.describe(QStringLiteral("reload '%1' with %2").arg(name, tableSummary(table)));
    if (auto loop = stackingLoop(table.namedDevices,
                                 DeviceNumber{current.value().major, current.value().minor}, name,
                                 m_devices)) {
        return fail(*loop);
    }
    if (auto loaded = loadModulesFor(table.usesBasicTarget); !loaded) {
        return fail(loaded.error());
    }
    if (auto conflict = checkConflicts(table, name, current.value().readOnly); !conflict) {
        return fail(conflict.error());
    }
    if (auto needed = checkForeignDeviceRights(context, table); !needed) {
        return fail(needed.error());
    }
    // A saved mapping's definition changes with its table, or neither does.
    const auto staged = stageDefinition(context, name, current.value().uuid, table.table,
                                        m_saved && m_saved->isSaved(name));
    if (!staged) {
        return fail(staged.error());
    }
    const auto reloaded = m_backend.reload(name, table.table);
    const auto saved = settleDefinition(staged.value(), reloaded.has_value());
    if (!reloaded) {
        return fail(reloaded.error());
    }
    m_mappingsChanged();
    if (!saved) {
        return fail(
            failure(QStringLiteral("the table was reloaded, but its saved definition was not updated: %1")
                        .arg(saved.error().message)));
    }
    return QVariant();
}

Outcome<QVariant> MappingActions::remove(CallContext &context, const QString &name, bool deferred,
                                         bool keepDefinition)
{
    context.describe(
        QStringLiteral("remove '%1'%2").arg(name, deferred ? QStringLiteral(" (deferred)") : QString()));
    StepClock clock("remove:");
    const auto current = m_backend.info(name);
    if (!current) {
        return fail(current.error());
    }
    if (auto needed = checkForeignRights(context, current.value(), QStringLiteral("remove")); !needed) {
        return fail(needed.error());
    }
    const bool forget = !keepDefinition && m_saved && m_saved->isSaved(name);
    if (forget) {
        if (auto needed = checkPersistRights(context,
                                             QStringLiteral("forget the saved definition of '%1'").arg(name));
            !needed) {
            return fail(needed.error());
        }
    }
    clock.step("checks");
    const auto removed = m_backend.remove(name, deferred);
    clock.step("kernel");
    if (!removed) {
        return fail(removed.error());
    }
    m_mappingsChanged();
    if (forget) {
        if (const auto forgotten = m_saved->forget(name); !forgotten) {
            return fail(forgotten.error());
        }
    }
    return QVariant();
}

Outcome<QVariant> MappingActions::list()
{
    const auto names = m_backend.mappingNames();
    if (!names) {
        return fail(names.error());
    }
    QList<QVariantMap> mappings;
    for (const QString &name : names.value()) {
        const auto state = m_backend.mapping(name);
        if (!state) {
            continue;
        }
        const MappingState &s = state.value();
        QStringList targets;
        quint64 length = 0;
        for (const KernelSegment &segment : s.table) {
            if (!targets.contains(segment.target)) {
                targets.append(segment.target);
            }
            length = qMax(length, segment.start + segment.length);
        }
        mappings.append(MappingSummary{s, isOurs(s), targets, quint32(s.table.size()), length}.toMap());
    }
    return QVariant::fromValue(mappings);
}

Outcome<QVariant> MappingActions::table(const QString &name)
{
    const auto state = m_backend.mapping(name);
    if (!state) {
        return fail(state.error());
    }
    // The backend has already replaced key material (see tablesecrets.h).
    MappingTable table;
    for (const KernelSegment &segment : state.value().table) {
        table.segments.append(segmentFrom(segment));
    }
    return QVariant(formatTable(table));
}

Outcome<QVariant> MappingActions::status(const QString &name)
{
    const auto status = m_backend.status(name);
    if (!status) {
        return fail(status.error());
    }
    QList<QVariantMap> segments;
    for (const KernelSegment &segment : status.value()) {
        SegmentStatus entry;
        entry.start = segment.start;
        entry.length = segment.length;
        entry.target = segment.target;
        entry.status = segment.parameters;
        const QStringList counters = segment.parameters.split(u' ', Qt::SkipEmptyParts);
        if (segment.target == HelperProtocol::BasicTargetName && counters.size() >= MinimumCounters) {
            auto counter = [&](qsizetype i) { return parseDecimal(counters[i]).value_or(0); };
            entry.hasCounters = true;
            entry.reads = counter(0);
            entry.writes = counter(1);
            entry.readSectors = counter(2);
            entry.writeSectors = counter(3);
            entry.flushes = counter(4);
            entry.discards = counter(5);
            if (counters.size() > MinimumCounters) {
                entry.errors = counter(6);
            }
        }
        segments.append(entry.toMap());
    }
    return QVariant::fromValue(segments);
}

Outcome<QVariant> MappingActions::resetCounters(CallContext &context, const QString &name)
{
    context.describe(QStringLiteral("reset the counters of '%1'").arg(name));
    const auto current = m_backend.mapping(name);
    if (!current) {
        return fail(current.error());
    }
    if (auto needed = checkForeignRights(context, current.value(), QStringLiteral("reset the counters of"));
        !needed) {
        return fail(needed.error());
    }
    // Another user's counters are theirs to watch: only an administrator
    // may zero them. Mappings of unknown creator count as another user's.
    const auto creator = creatorOfUuid(current.value().uuid);
    const QString others = HelperProtocol::Action::resetCountersOfOthers();
    if (isOurs(current.value()) && creator != context.uid() && !context.isGranted(others)) {
        return fail(context.requireAlso(
            others, QStringLiteral("reset the counters of '%1', which another user created").arg(name)));
    }
    for (const KernelSegment &segment : current.value().table) {
        if (segment.target != HelperProtocol::BasicTargetName) {
            continue;
        }
        const auto sent = m_backend.sendMessage(name, segment.start, QStringLiteral("reset_counters"));
        if (!sent) {
            return fail(sent.error());
        }
    }
    return QVariant();
}

} // namespace Volmap
