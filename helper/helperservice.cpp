// SPDX-License-Identifier: GPL-2.0-or-later
#include "helperservice.h"

#include "tablefd.h"

#include <QDBusUnixFileDescriptor>

namespace Volmap {

namespace {

// Keys of the details polkit gets (documented in volmap-helper(8)).
const QString DetailName = QStringLiteral("volmap.name");
const QString DetailDevices = QStringLiteral("volmap.devices");
const QString DetailSegments = QStringLiteral("volmap.segments");
const QString DetailReadOnly = QStringLiteral("volmap.read-only");
const QString DetailDeviceCount = QStringLiteral("volmap.device-count");
const QString DetailDeviceNumbers = QStringLiteral("volmap.device-numbers");

// A table is held as text while its call waits (QString: two bytes a character).
qsizetype heldBytesOf(qsizetype characters)
{
    return characters * qsizetype(sizeof(QChar));
}

// The table-fd option is no boolean: taken out before admitOptions() sees the rest.
QVariantMap withoutTableFd(QVariantMap options)
{
    options.remove(HelperProtocol::Option::tableFd());
    return options;
}

} // namespace

HelperService::HelperService(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                             Authorizer &authorizer, QObject *parent)
    : QObject(parent)
    , m_devices(devices)
    , m_actions(backend, modules, devices, [this]() { Q_EMIT MappingsChanged(); })
    , m_calls(authorizer)
{}

void HelperService::refuse(const HelperError &error)
{
    m_calls.touch();
    sendErrorReply(error.name, boundedMessage(error.message));
}

std::optional<CallOptions> HelperService::admit(const QVariantMap &options, const QStringList &allowed)
{
    const auto parsed = admitOptions(options, allowed);
    if (!parsed) {
        refuse(parsed.error());
        return std::nullopt;
    }
    return parsed.value();
}

std::optional<CallOptions> HelperService::admit(const QString &name, const QVariantMap &options,
                                                const QStringList &allowed)
{
    auto parsed = admit(options, allowed);
    if (!parsed) {
        return std::nullopt;
    }
    if (const auto named = admitName(name); !named) {
        refuse(named.error());
        return std::nullopt;
    }
    return parsed;
}

void HelperService::submit(CallRequest request, Preparation preparation)
{
    if (const auto room = m_calls.checkCapacity(message().service(), request.heldBytes); !room) {
        refuse(room.error());
        return;
    }
    setDelayedReply(true);
    m_calls.submit(connection(), message(), std::move(request), std::move(preparation));
}

AuthorizationDetails HelperService::namedDetails(const QString &name, const CallOptions &options)
{
    AuthorizationDetails details{{DetailName, name}};
    if (options.readOnly) {
        details.insert(DetailReadOnly, QStringLiteral("true"));
    }
    return details;
}

Outcome<AuthorizationDetails> HelperService::tableDetails(TableOfCall &table, AuthorizationDetails details)
{
    if (!*table.admitted) {
        return fail(table.admitted->error());
    }
    const auto devices = resolveDevices(table.admitted->value(), m_devices);
    if (!devices) {
        return fail(devices.error());
    }
    QStringList numberTexts;
    for (const ResolvedDevice &device : devices.value()) {
        table.authorized.append(device.geometry.number);
        numberTexts.append(device.geometry.number.toString());
    }
    // The prompt names at most eight devices; rules can read them all.
    details.insert(DetailDevices, deviceListForPrompt(devices.value()));
    details.insert(DetailDeviceCount, QString::number(numberTexts.size()));
    details.insert(DetailDeviceNumbers, numberTexts.join(u' '));
    details.insert(DetailSegments, QString::number(table.admitted->value().table.segments.size()));
    return details;
}

void HelperService::submitTableCall(const QString &verb, const QString &action, const QString &name,
                                    const QString &text, const QVariant &fd, const CallOptions &options,
                                    TableAct act)
{
    auto table = std::make_shared<TableOfCall>();
    CallRequest request{QStringLiteral("%1 '%2'").arg(verb, name),
                        {action},
                        namedDetails(name, options),
                        options.interactive,
                        true,
                        heldBytesOf(text.size()),
                        [act = std::move(act), table](CallContext &context) {
                            return act(context, table->admitted->value(), table->authorized);
                        }};
    if (fd.isValid()) {
        submitTableFdCall(std::move(request), table, text, fd);
        return;
    }
    // libdbus has validated and QtDBus converted the whole string by now:
    // refusing a long one here bounds what follows, not that cost.
    if (text.size() > Admission::MaxTextReadBeforeAuthorization) {
        refuse(invalidArgument(QStringLiteral("the table is %1 characters long; a table of more than %2 "
                                              "characters must be passed as the table-fd option (a sealed "
                                              "memfd), with an empty table argument")
                                   .arg(text.size())
                                   .arg(Admission::MaxTextReadBeforeAuthorization)));
        return;
    }
    if (const auto room = m_calls.checkCapacity(message().service(), request.heldBytes); !room) {
        refuse(room.error());
        return;
    }
    table->admitted = admitTable(text);
    const auto details = tableDetails(*table, request.details);
    if (!details) {
        refuse(details.error());
        return;
    }
    request.details = details.value();
    submit(std::move(request));
}

void HelperService::submitTableFdCall(CallRequest request, const std::shared_ptr<TableOfCall> &table,
                                      const QString &text, const QVariant &fd)
{
    if (fd.metaType() != QMetaType::fromType<QDBusUnixFileDescriptor>()) {
        refuse(invalidArgument(QStringLiteral("option 'table-fd' must be a file descriptor (h)")));
        return;
    }
    if (!text.isEmpty()) {
        refuse(invalidArgument(QStringLiteral("with the table-fd option the table argument must be empty")));
        return;
    }
    // Only fstat and fcntl here: the fd is read once polkit allows the caller.
    const auto descriptor = fd.value<QDBusUnixFileDescriptor>();
    const auto size = TableFd::checkTableFd(descriptor.fileDescriptor());
    if (!size) {
        refuse(size.error());
        return;
    }
    // What the call will hold once the table is read (the limits count it from the start).
    request.heldBytes = heldBytesOf(size.value());
    request.details.insert(DetailDevices, QStringLiteral("the devices of a table of %1 bytes, "
                                                         "named once it is read")
                                              .arg(size.value()));
    // Reading costs: only for a caller polkit allows the verb, off the
    // event loop thread; then polkit is asked again with what the table
    // names. The call's message keeps the fd open until it is answered.
    Preparation preparation;
    preparation.work = [table, descriptor, bytes = size.value()]() {
        const auto read = TableFd::readTableFd(descriptor.fileDescriptor(), bytes);
        table->admitted = read ? admitTable(read.value()) : Outcome<AdmittedTable>(fail(read.error()));
    };
    // tableDetails() replaces the stand-in for the devices.
    preparation.details = [this, table, details = request.details]() {
        return tableDetails(*table, details);
    };
    submit(std::move(request), std::move(preparation));
}

// ---- the methods ---------------------------------------------------------

QVariantMap HelperService::GetCapabilities(const QVariantMap &options)
{
    if (const auto parsed = admit(options, {})) {
        submit({QStringLiteral("capabilities"),
                {HelperProtocol::Action::read()},
                {},
                parsed->interactive,
                false,
                0,
                [this](CallContext &) { return m_actions.capabilities(); }});
    }
    return {};
}

void HelperService::LoadTargetModule(const QVariantMap &options)
{
    if (const auto parsed = admit(options, {})) {
        submit({QStringLiteral("load the module"),
                {HelperProtocol::Action::loadModule()},
                {},
                parsed->interactive,
                true,
                0,
                [this](CallContext &context) { return m_actions.loadModule(context); }});
    }
}

QString HelperService::CreateMapping(const QString &name, const QString &table, const QVariantMap &options)
{
    if (const auto parsed = admit(
            name, withoutTableFd(options),
            {HelperProtocol::Option::readOnly(), HelperProtocol::Option::persistent()})) {
        const bool persistent = options.value(HelperProtocol::Option::persistent()).toBool();
        submitTableCall(
            QStringLiteral("create"), HelperProtocol::Action::create(), name, table,
            options.value(HelperProtocol::Option::tableFd()), *parsed,
            [this, name, readOnly = parsed->readOnly, persistent](
                CallContext &context, const AdmittedTable &admitted, const QList<DeviceNumber> &authorized) {
                return m_actions.create(context, name, admitted, readOnly, authorized, persistent);
            });
    }
    return {};
}

void HelperService::ReloadMapping(const QString &name, const QString &table, const QVariantMap &options)
{
    if (const auto parsed = admit(name, withoutTableFd(options), {})) {
        submitTableCall(QStringLiteral("reload"), HelperProtocol::Action::reload(), name, table,
                        options.value(HelperProtocol::Option::tableFd()), *parsed,
                        [this, name](CallContext &context, const AdmittedTable &admitted,
                                     const QList<DeviceNumber> &authorized) {
                            return m_actions.reload(context, name, admitted, authorized);
                        });
    }
}

void HelperService::RemoveMapping(const QString &name, const QVariantMap &options)
{
    if (const auto parsed = admit(
            name, options, {HelperProtocol::Option::deferred(), HelperProtocol::Option::keepDefinition()})) {
        const bool keep = options.value(HelperProtocol::Option::keepDefinition()).toBool();
        submit({QStringLiteral("remove '%1'").arg(name),
                {HelperProtocol::Action::remove()},
                {{DetailName, name}},
                parsed->interactive,
                true,
                0,
                [this, name, deferred = parsed->deferred, keep](CallContext &context) {
                    return m_actions.remove(context, name, deferred, keep);
                }});
    }
}

QList<QVariantMap> HelperService::ListMappings(const QVariantMap &options)
{
    if (const auto parsed = admit(options, {})) {
        submit({QStringLiteral("list"),
                {HelperProtocol::Action::read()},
                {},
                parsed->interactive,
                false,
                0,
                [this](CallContext &) { return m_actions.list(); }});
    }
    return {};
}

QString HelperService::GetTable(const QString &name, const QVariantMap &options)
{
    if (const auto parsed = admit(name, options, {})) {
        submit({QStringLiteral("table of '%1'").arg(name),
                {HelperProtocol::Action::read()},
                {{DetailName, name}},
                parsed->interactive,
                false,
                0,
                [this, name](CallContext &) { return m_actions.table(name); }});
    }
    return {};
}

QList<QVariantMap> HelperService::GetStatus(const QString &name, const QVariantMap &options)
{
    if (const auto parsed = admit(name, options, {})) {
        submit({QStringLiteral("status of '%1'").arg(name),
                {HelperProtocol::Action::read()},
                {{DetailName, name}},
                parsed->interactive,
                false,
                0,
                [this, name](CallContext &) { return m_actions.status(name); }});
    }
    return {};
}

void HelperService::ResetCounters(const QString &name, const QVariantMap &options)
{
    if (const auto parsed = admit(name, options, {})) {
        submit({QStringLiteral("reset the counters of '%1'").arg(name),
                {HelperProtocol::Action::resetCounters()},
                {{DetailName, name}},
                parsed->interactive,
                true,
                0,
                [this, name](CallContext &context) { return m_actions.resetCounters(context, name); }});
    }
}

void HelperService::SetPersistent(const QString &name, bool enabled, const QVariantMap &options)
{
    if (const auto parsed = admit(name, options, {})) {
        submit(
            {QStringLiteral("%1 '%2'").arg(enabled ? QStringLiteral("save") : QStringLiteral("forget"), name),
             {HelperProtocol::Action::persist()},
             {{DetailName, name}},
             parsed->interactive,
             true,
             0,
             [this, name, enabled](CallContext &context) {
                 return m_actions.setPersistent(context, name, enabled);
             }});
    }
}

QList<QVariantMap> HelperService::ListSavedMappings(const QVariantMap &options)
{
    if (const auto parsed = admit(options, {})) {
        submit({QStringLiteral("list saved"),
                {HelperProtocol::Action::read()},
                {},
                parsed->interactive,
                false,
                0,
                [this](CallContext &) { return m_actions.listSaved(); }});
    }
    return {};
}

QList<QVariantMap> HelperService::AssembleSaved(const QVariantMap &options)
{
    if (const auto parsed = admit(options, {})) {
        submit({QStringLiteral("assemble saved mappings"),
                {HelperProtocol::Action::persist()},
                {},
                parsed->interactive,
                true,
                0,
                [this](CallContext &context) { return m_actions.assembleSaved(context); }});
    }
    return {};
}

} // namespace Volmap
