#include "helperservice.h"

#include "mappingname.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QHash>
#include <QUuid>

#include <sys/utsname.h>

namespace Volmap {

namespace {

const QString BasicTarget = QStringLiteral("basic_target");
const QStringList CounterNames = {QStringLiteral("reads"),         QStringLiteral("writes"),
                                  QStringLiteral("read-sectors"),  QStringLiteral("write-sectors"),
                                  QStringLiteral("flushes"),       QStringLiteral("discards")};

HelperError notAuthorized(AuthorizationResult result, const QString &action, const QString &detail)
{
    switch (result) {
    case AuthorizationResult::Dismissed:
        return {HelperProtocol::Error::dismissed(),
                QStringLiteral("authentication was dismissed, so Volume Mapper may not %1").arg(action)};
    case AuthorizationResult::NoAuthenticationAgent:
        return {HelperProtocol::Error::noAuthenticationAgent(),
                QStringLiteral("to %1 you must authenticate, but no polkit authentication agent is running for "
                               "this session (start one, e.g. pkttyagent in a terminal)")
                    .arg(action)};
    case AuthorizationResult::Failed:
        return {HelperProtocol::Error::notAuthorized(),
                QStringLiteral("cannot check authorization for %1 with polkit: %2").arg(action, detail)};
    default:
        return {HelperProtocol::Error::notAuthorized(), QStringLiteral("not authorized to %1").arg(action)};
    }
}

// What an action lets the caller do, for "not authorized to ..." messages.
QString actionPurpose(const QString &action)
{
    namespace A = HelperProtocol::Action;
    if (action == A::create()) {
        return QStringLiteral("create mappings");
    }
    if (action == A::reload()) {
        return QStringLiteral("change the table of mappings");
    }
    if (action == A::remove()) {
        return QStringLiteral("remove mappings");
    }
    if (action == A::loadModule()) {
        return QStringLiteral("load the basic_target kernel module");
    }
    if (action == A::resetCounters()) {
        return QStringLiteral("reset I/O counters");
    }
    if (action == A::manageForeign()) {
        return QStringLiteral("change or remove mappings that Volume Mapper did not create");
    }
    return QStringLiteral("read device-mapper mappings");
}

bool isOurs(const MappingState &state)
{
    return state.uuid.startsWith(VolmapUuidPrefix);
}

QString joinIssues(const TableIssues &issues)
{
    QStringList lines;
    for (const TableIssue &issue : issues) {
        lines.append(issue.toString());
    }
    return QStringLiteral("invalid table: ") + lines.join(QStringLiteral("; "));
}

QString kernelRelease()
{
    utsname name = {};
    ::uname(&name);
    return QString::fromUtf8(name.release);
}

Segment segmentFrom(const KernelSegment &kernel)
{
    return {kernel.start, kernel.length, kernel.target, kernel.parameters.split(u' ', Qt::SkipEmptyParts), 0};
}

// Tables are readable by anyone with the read action, so keys never leave
// the helper: dm-crypt's key (unless it names a keyring entry) becomes "-"
// as in `dmsetup table` without --showkeys, and targets that may carry
// secrets we do not parse show no parameters at all.
Segment withoutSecrets(Segment segment)
{
    static const QStringList keyFree = {
        QStringLiteral("basic_target"), QStringLiteral("linear"),   QStringLiteral("zero"),
        QStringLiteral("error"),        QStringLiteral("striped"),  QStringLiteral("mirror"),
        QStringLiteral("snapshot"),     QStringLiteral("snapshot-origin"), QStringLiteral("thin"),
        QStringLiteral("thin-pool"),    QStringLiteral("cache"),    QStringLiteral("raid"),
        QStringLiteral("multipath"),    QStringLiteral("delay"),    QStringLiteral("flakey"),
        QStringLiteral("verity"),       QStringLiteral("era"),      QStringLiteral("writecache")};
    if (segment.target == u"crypt") {
        if (segment.args.size() > 1 && !segment.args[1].startsWith(u':')) {
            segment.args[1] = QStringLiteral("-");
        }
    } else if (!keyFree.contains(segment.target)) {
        segment.args = {QStringLiteral("-")};
    }
    return segment;
}

} // namespace

HelperService::HelperService(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                             Authorizer &authorizer, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_modules(modules)
    , m_devices(devices)
    , m_authorizer(authorizer)
{
    m_lastActivity.start();
}

void HelperService::touch()
{
    m_lastActivity.restart();
}

void HelperService::cleanUpAbandoned()
{
    const auto names = m_backend.mappingNames();
    if (!names) {
        return; // no device-mapper, nothing of ours can exist
    }
    for (const QString &name : names.value()) {
        const auto state = m_backend.mapping(name);
        if (state && isOurs(state.value()) && !state.value().liveTable && state.value().openCount == 0) {
            const auto removed = m_backend.remove(name, false);
            qInfo("removed abandoned mapping %s (no live table): %s", qPrintable(name),
                  removed ? "done" : qPrintable(removed.error().message));
        }
    }
}

// ---- arguments ------------------------------------------------------------

std::variant<HelperService::Options, HelperError> HelperService::parseOptions(const QVariantMap &options,
                                                                              const QStringList &allowed) const
{
    Options parsed;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        if (key != u"interactive" && !allowed.contains(key)) {
            return invalidArgument(QStringLiteral("unknown option '%1'").arg(key));
        }
        if (it.value().metaType().id() != QMetaType::Bool) {
            return invalidArgument(QStringLiteral("option '%1' must be a boolean").arg(key));
        }
        const bool value = it.value().toBool();
        if (key == u"interactive") {
            parsed.interactive = value;
        } else if (key == u"read-only") {
            parsed.readOnly = value;
        } else if (key == u"deferred") {
            parsed.deferred = value;
        }
    }
    return parsed;
}

Outcome<HelperService::PreparedTable> HelperService::prepareTable(const QString &text)
{
    TableLimits limits;
    limits.maxTextLength = MaxTableText;
    if (text.size() > limits.maxTextLength) {
        return invalidArgument(validateTableText(text, {}, limits).value(0).message);
    }
    ParsedTable parsed = parseTable(text);
    if (!parsed.ok()) {
        return invalidArgument(joinIssues(parsed.issues));
    }
    // Resolve each reference once, so the check and the rewrite agree.
    QHash<QString, std::variant<ResolvedDevice, QString>> resolved;
    auto resolve = [&](const DeviceReference &reference) -> const std::variant<ResolvedDevice, QString> & {
        const QString key = reference.toString();
        auto it = resolved.find(key);
        if (it == resolved.end()) {
            it = resolved.insert(key, m_devices.resolve(reference));
        }
        return *it;
    };
    const DeviceResolver resolver = [&](const DeviceReference &reference) -> std::variant<BlockDeviceGeometry, QString> {
        const auto &device = resolve(reference);
        if (const auto *problem = std::get_if<QString>(&device)) {
            return *problem;
        }
        return std::get<ResolvedDevice>(device).geometry;
    };
    if (const TableIssues issues = validateTable(parsed.table, resolver, limits); !issues.isEmpty()) {
        return invalidArgument(joinIssues(issues));
    }

    PreparedTable prepared;
    prepared.table = parsed.table;
    for (int index = 0; index < prepared.table.segments.size(); ++index) {
        Segment &segment = prepared.table.segments[index];
        prepared.usesBasicTarget |= segment.target == BasicTarget;
        const auto range = deviceRangeOf(segment);
        if (!range) {
            continue;
        }
        const auto &device = std::get<ResolvedDevice>(resolve(range->device));
        // The kernel gets major:minor: a path could change under us.
        segment.args[0] = device.geometry.number.toString();
        prepared.devices.append(device.geometry.number);
        prepared.wanted.append({index, device.disk, device.startOnDisk + range->offset, range->length,
                                QStringLiteral("sectors %1-%2 of %3")
                                    .arg(range->offset)
                                    .arg(range->offset + range->length - 1)
                                    .arg(device.geometry.displayName)});
    }
    // The grammar compares ranges per device; a disk and its partition
    // are one set of sectors.
    for (int a = 0; a < prepared.wanted.size(); ++a) {
        for (int b = a + 1; b < prepared.wanted.size(); ++b) {
            const WantedRange &first = prepared.wanted[a];
            const WantedRange &second = prepared.wanted[b];
            if (first.disk == second.disk && first.start < second.start + second.length &&
                second.start < first.start + first.length) {
                return invalidArgument(QStringLiteral("invalid table: segments %1 (%2) and %3 (%4) use the same "
                                                      "sectors")
                                           .arg(first.segment + 1)
                                           .arg(first.description)
                                           .arg(second.segment + 1)
                                           .arg(second.description));
            }
        }
    }
    return prepared;
}

std::optional<HelperError> HelperService::findConflicts(const PreparedTable &table, const QString &exceptMapping)
{
    QList<DeviceClaim> claims = m_devices.systemClaims();
    const auto names = m_backend.mappingNames();
    if (!names) {
        return names.error();
    }
    for (const QString &name : names.value()) {
        if (name == exceptMapping) {
            continue;
        }
        const auto state = m_backend.mapping(name);
        if (!state) {
            continue; // removed meanwhile
        }
        bool opaque = false;
        QString opaqueTarget;
        for (const KernelSegment &kernel : state.value().table) {
            const auto range = deviceRangeOf(segmentFrom(kernel));
            if (!range) {
                if (kernel.target != u"zero" && kernel.target != u"error") {
                    opaque = true;
                    opaqueTarget = kernel.target;
                }
                continue;
            }
            const auto resolved = m_devices.resolve(range->device);
            if (const auto *device = std::get_if<ResolvedDevice>(&resolved)) {
                claims.append({DeviceClaim::Kind::Mapping, device->disk, device->startOnDisk + range->offset,
                               range->length,
                               QStringLiteral("sectors %1-%2 of %3 used by mapping '%4'")
                                   .arg(range->offset)
                                   .arg(range->offset + range->length - 1)
                                   .arg(device->geometry.displayName, name)});
            }
        }
        if (!opaque) {
            continue;
        }
        for (const DeviceNumber &dependency : state.value().dependencies) {
            const auto resolved = m_devices.resolve(DeviceReference{dependency});
            if (const auto *device = std::get_if<ResolvedDevice>(&resolved)) {
                claims.append({DeviceClaim::Kind::InUse, device->disk, device->startOnDisk,
                               device->geometry.sizeInSectors,
                               QStringLiteral("used by mapping '%1' (%2)").arg(name, opaqueTarget)});
            }
        }
    }
    return findConflict(table.wanted, claims);
}

Outcome<Done> HelperService::loadModulesFor(const PreparedTable &table)
{
    if (const auto loaded = m_modules.load(QStringLiteral("dm-mod")); !loaded && !m_backend.driverVersion()) {
        return HelperError{HelperProtocol::Error::kernelUnsupported(),
                           QStringLiteral("the running kernel has no device-mapper: %1").arg(loaded.error().message)};
    }
    if (const auto version = m_backend.driverVersion(); !version) {
        return version.error();
    }
    if (table.usesBasicTarget) {
        if (auto loaded = m_modules.load(QStringLiteral("dm-basic-target")); !loaded) {
            return loaded.error();
        }
    }
    return Done{};
}

QStringList HelperService::actionsFor(const QString &verbAction, const MappingState &state) const
{
    if (isOurs(state)) {
        return {verbAction};
    }
    return {verbAction, HelperProtocol::Action::manageForeign()};
}

std::optional<HelperService::Options> HelperService::acceptOptions(const QVariantMap &options,
                                                                  const QStringList &allowed)
{
    auto parsed = parseOptions(options, allowed);
    if (const auto *error = std::get_if<HelperError>(&parsed)) {
        refuse(*error);
        return std::nullopt;
    }
    return std::get<Options>(parsed);
}

std::optional<HelperService::Options> HelperService::acceptCall(const QString &name, const QVariantMap &options,
                                                               const QStringList &allowed)
{
    auto parsed = acceptOptions(options, allowed);
    if (parsed) {
        if (const auto problem = mappingNameProblem(name)) {
            refuse(invalidArgument(*problem));
            return std::nullopt;
        }
    }
    return parsed;
}

Outcome<MappingState> HelperService::sameMapping(const QString &name, const QString &uuid)
{
    auto current = m_backend.mapping(name);
    if (current && current.value().uuid != uuid) {
        return HelperError{HelperProtocol::Error::busy(),
                           QStringLiteral("'%1' was replaced meanwhile; try again").arg(name)};
    }
    return current;
}

// ---- authorization and replies -------------------------------------------

void HelperService::refuse(const HelperError &error)
{
    touch();
    sendErrorReply(error.name, error.message);
}

void HelperService::authorizeThenAct(const QStringList &actions, bool interactive, const QString &logWhat, Act act)
{
    touch();
    // Each waiting call holds its table; nobody needs more than a few.
    if (m_pendingBySender.value(message().service()) >= MaxPendingPerSender) {
        sendErrorReply(HelperProtocol::Error::busy(),
                       QStringLiteral("too many calls of yours are waiting for authorization; answer or cancel "
                                      "those first"));
        return;
    }
    setDelayedReply(true);
    // The caller's uid now: by the time the call is answered it may be gone.
    QString caller = message().service();
    if (!logWhat.isEmpty()) {
        const auto uid = connection().interface()->serviceUid(caller);
        caller = QStringLiteral("uid %1 (%2)").arg(uid.isValid() ? qint64(uid.value()) : -1).arg(caller);
    }
    auto call = std::make_shared<PendingCall>(
        PendingCall{connection(), message(), actions, interactive, logWhat, caller, std::move(act)});
    ++m_pendingCalls;
    ++m_pendingBySender[call->message.service()];
    checkNext(std::move(call));
}

void HelperService::checkNext(std::shared_ptr<PendingCall> call)
{
    if (call->actions.isEmpty()) {
        settle(*call);
        finish(*call, call->act());
        return;
    }
    const QString action = call->actions.takeFirst();
    m_authorizer.check(action, call->message.service(), call->interactive,
                       [this, call, action](AuthorizationResult result, const QString &detail) {
                           if (result == AuthorizationResult::Authorized) {
                               checkNext(call);
                               return;
                           }
                           settle(*call);
                           finish(*call, notAuthorized(result, actionPurpose(action), detail));
                       });
}

void HelperService::settle(const PendingCall &call)
{
    --m_pendingCalls;
    const QString sender = call.message.service();
    if (--m_pendingBySender[sender] <= 0) {
        m_pendingBySender.remove(sender);
    }
}

void HelperService::finish(const PendingCall &call, const Outcome<QVariant> &outcome)
{
    touch();
    if (!call.logWhat.isEmpty()) {
        qInfo("%s: %s: %s", qPrintable(call.caller), qPrintable(call.logWhat),
              outcome ? "done" : qPrintable(outcome.error().name + u' ' + outcome.error().message));
    }
    if (!outcome) {
        call.connection.send(call.message.createErrorReply(outcome.error().name, outcome.error().message));
        return;
    }
    QDBusMessage reply = call.message.createReply();
    if (outcome.value().isValid()) {
        reply << outcome.value();
    }
    call.connection.send(reply);
}

// ---- the methods ---------------------------------------------------------

QVariantMap HelperService::GetCapabilities(const QVariantMap &options)
{
    const auto parsed = acceptOptions(options, {});
    if (!parsed) {
        return {};
    }
    authorizeThenAct({HelperProtocol::Action::read()}, parsed->interactive, QString(),
                     [this]() -> Outcome<QVariant> {
                         QVariantMap capabilities;
                         capabilities.insert(QStringLiteral("helper-version"), QCoreApplication::applicationVersion());
                         capabilities.insert(QStringLiteral("kernel-release"), kernelRelease());
                         const auto version = m_backend.driverVersion();
                         capabilities.insert(QStringLiteral("device-mapper"), version.ok());
                         capabilities.insert(QStringLiteral("driver-version"), version ? version.value() : QString());
                         QVariantMap targets;
                         if (const auto versions = m_backend.targetVersions()) {
                             for (auto it = versions.value().cbegin(); it != versions.value().cend(); ++it) {
                                 targets.insert(it.key(), it.value());
                             }
                         }
                         capabilities.insert(QStringLiteral("targets"), targets);
                         capabilities.insert(QStringLiteral("basic-target-loaded"), targets.contains(BasicTarget));
                         capabilities.insert(QStringLiteral("basic-target-available"),
                                             targets.contains(BasicTarget) ||
                                                 m_modules.isAvailable(QStringLiteral("dm-basic-target")));
                         return QVariant(capabilities);
                     });
    return {};
}

void HelperService::LoadTargetModule(const QVariantMap &options)
{
    const auto parsed = acceptOptions(options, {});
    if (!parsed) {
        return;
    }
    authorizeThenAct({HelperProtocol::Action::loadModule()}, parsed->interactive,
                     QStringLiteral("load dm-mod and dm-basic-target"), [this]() -> Outcome<QVariant> {
                         PreparedTable basic;
                         basic.usesBasicTarget = true;
                         if (auto loaded = loadModulesFor(basic); !loaded) {
                             return loaded.error();
                         }
                         return QVariant();
                     });
}

QString HelperService::CreateMapping(const QString &name, const QString &table, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {QStringLiteral("read-only")});
    if (!parsed) {
        return {};
    }
    auto prepared = prepareTable(table);
    if (!prepared) {
        refuse(prepared.error());
        return {};
    }
    const Options flags = *parsed;
    const QString logWhat = QStringLiteral("create '%1'%2 with table [%3]")
                                .arg(name, flags.readOnly ? QStringLiteral(" read-only") : QString(),
                                     formatTable(prepared.value().table).trimmed().replace(u'\n', QStringLiteral("; ")));
    authorizeThenAct({HelperProtocol::Action::create()}, flags.interactive, logWhat,
                     [this, name, flags, text = table]() -> Outcome<QVariant> {
                         // Devices again: polkit may have taken minutes, long enough to replug.
                         const auto prepared = prepareTable(text);
                         if (!prepared) {
                             return prepared.error();
                         }
                         const PreparedTable &table = prepared.value();
                         if (auto loaded = loadModulesFor(table); !loaded) {
                             return loaded.error();
                         }
                         if (m_backend.mapping(name)) {
                             return HelperError{HelperProtocol::Error::exists(),
                                                QStringLiteral("a mapping named '%1' exists").arg(name)};
                         }
                         if (auto conflict = findConflicts(table, QString())) {
                             return *conflict;
                         }
                         const QString uuid =
                             VolmapUuidPrefix.toString() + QUuid::createUuid().toString(QUuid::WithoutBraces);
                         const auto created = m_backend.create(name, uuid, table.table, flags.readOnly);
                         if (!created) {
                             return created.error();
                         }
                         Q_EMIT MappingsChanged();
                         return QVariant(created.value());
                     });
    return {};
}

void HelperService::ReloadMapping(const QString &name, const QString &table, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {});
    if (!parsed) {
        return;
    }
    const auto state = m_backend.mapping(name);
    if (!state) {
        refuse(state.error());
        return;
    }
    auto prepared = prepareTable(table);
    if (!prepared) {
        refuse(prepared.error());
        return;
    }
    const QString logWhat = QStringLiteral("reload '%1' with table [%2]")
                                .arg(name, formatTable(prepared.value().table).trimmed().replace(
                                               u'\n', QStringLiteral("; ")));
    authorizeThenAct(actionsFor(HelperProtocol::Action::reload(), state.value()), parsed->interactive,
                     logWhat, [this, name, uuid = state.value().uuid, text = table]() -> Outcome<QVariant> {
                         // The mapping may have been replaced while polkit asked.
                         const auto current = sameMapping(name, uuid);
                         if (!current) {
                             return current.error();
                         }
                         const auto prepared = prepareTable(text);
                         if (!prepared) {
                             return prepared.error();
                         }
                         const PreparedTable &table = prepared.value();
                         // A mapping built on this one would make I/O go round in circles.
                         const DeviceNumber self{current.value().major, current.value().minor};
                         for (const DeviceNumber &device : table.devices) {
                             if (m_devices.dependsOn(device, self)) {
                                 return invalidArgument(QStringLiteral("invalid table: %1 is '%2' itself or built "
                                                                       "on it")
                                                            .arg(device.toString(), name));
                             }
                         }
                         if (auto loaded = loadModulesFor(table); !loaded) {
                             return loaded.error();
                         }
                         if (auto conflict = findConflicts(table, name)) {
                             return *conflict;
                         }
                         const auto reloaded = m_backend.reload(name, table.table);
                         if (!reloaded) {
                             return reloaded.error();
                         }
                         Q_EMIT MappingsChanged();
                         return QVariant();
                     });
}

void HelperService::RemoveMapping(const QString &name, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {QStringLiteral("deferred")});
    if (!parsed) {
        return;
    }
    const auto state = m_backend.mapping(name);
    if (!state) {
        refuse(state.error());
        return;
    }
    const Options flags = *parsed;
    authorizeThenAct(actionsFor(HelperProtocol::Action::remove(), state.value()), flags.interactive,
                     QStringLiteral("remove '%1'%2").arg(name, flags.deferred ? QStringLiteral(" (deferred)") : QString()),
                     [this, name, uuid = state.value().uuid, flags]() -> Outcome<QVariant> {
                         const auto current = sameMapping(name, uuid);
                         if (!current) {
                             return current.error();
                         }
                         const auto removed = m_backend.remove(name, flags.deferred);
                         if (!removed) {
                             return removed.error();
                         }
                         Q_EMIT MappingsChanged();
                         return QVariant();
                     });
}

QList<QVariantMap> HelperService::ListMappings(const QVariantMap &options)
{
    const auto parsed = acceptOptions(options, {});
    if (!parsed) {
        return {};
    }
    authorizeThenAct({HelperProtocol::Action::read()}, parsed->interactive, QString(),
                     [this]() -> Outcome<QVariant> {
                         const auto names = m_backend.mappingNames();
                         if (!names) {
                             return names.error();
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
                             mappings.append({{QStringLiteral("name"), s.name},
                                              {QStringLiteral("uuid"), s.uuid},
                                              {QStringLiteral("major"), s.major},
                                              {QStringLiteral("minor"), s.minor},
                                              {QStringLiteral("open-count"), s.openCount},
                                              {QStringLiteral("suspended"), s.suspended},
                                              {QStringLiteral("read-only"), s.readOnly},
                                              {QStringLiteral("created-by-volmap"), isOurs(s)},
                                              {QStringLiteral("deferred-remove"), s.deferredRemove},
                                              {QStringLiteral("live-table"), s.liveTable},
                                              {QStringLiteral("targets"), targets},
                                              {QStringLiteral("segment-count"), quint32(s.table.size())},
                                              {QStringLiteral("length"), length}});
                         }
                         return QVariant::fromValue(mappings);
                     });
    return {};
}

QString HelperService::GetTable(const QString &name, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {});
    if (!parsed) {
        return {};
    }
    authorizeThenAct({HelperProtocol::Action::read()}, parsed->interactive, QString(),
                     [this, name]() -> Outcome<QVariant> {
                         const auto state = m_backend.mapping(name);
                         if (!state) {
                             return state.error();
                         }
                         MappingTable table;
                         for (const KernelSegment &segment : state.value().table) {
                             table.segments.append(withoutSecrets(segmentFrom(segment)));
                         }
                         return QVariant(formatTable(table));
                     });
    return {};
}

QList<QVariantMap> HelperService::GetStatus(const QString &name, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {});
    if (!parsed) {
        return {};
    }
    authorizeThenAct({HelperProtocol::Action::read()}, parsed->interactive, QString(),
                     [this, name]() -> Outcome<QVariant> {
                         const auto status = m_backend.status(name);
                         if (!status) {
                             return status.error();
                         }
                         QList<QVariantMap> segments;
                         for (const KernelSegment &segment : status.value()) {
                             QVariantMap entry{{QStringLiteral("start"), segment.start},
                                               {QStringLiteral("length"), segment.length},
                                               {QStringLiteral("target"), segment.target},
                                               {QStringLiteral("status"), segment.parameters}};
                             const QStringList counters = segment.parameters.split(u' ', Qt::SkipEmptyParts);
                             if (segment.target == BasicTarget && counters.size() == CounterNames.size()) {
                                 for (int i = 0; i < counters.size(); ++i) {
                                     entry.insert(CounterNames[i], parseDecimal(counters[i]).value_or(0));
                                 }
                             }
                             segments.append(entry);
                         }
                         return QVariant::fromValue(segments);
                     });
    return {};
}

void HelperService::ResetCounters(const QString &name, const QVariantMap &options)
{
    const auto parsed = acceptCall(name, options, {});
    if (!parsed) {
        return;
    }
    const auto state = m_backend.mapping(name);
    if (!state) {
        refuse(state.error());
        return;
    }
    authorizeThenAct(actionsFor(HelperProtocol::Action::resetCounters(), state.value()), parsed->interactive,
                     QStringLiteral("reset the counters of '%1'").arg(name),
                     [this, name, uuid = state.value().uuid]() -> Outcome<QVariant> {
                         const auto current = sameMapping(name, uuid);
                         if (!current) {
                             return current.error();
                         }
                         for (const KernelSegment &segment : current.value().table) {
                             if (segment.target != BasicTarget) {
                                 continue;
                             }
                             const auto sent =
                                 m_backend.sendMessage(name, segment.start, QStringLiteral("reset_counters"));
                             if (!sent) {
                                 return sent.error();
                             }
                         }
                         return QVariant();
                     });
}

} // namespace Volmap
