// SPDX-License-Identifier: GPL-2.0-or-later
#include "helperclient.h"

#include "admission.h"
#include "helper1interface.h"
#include "helperprotocol.h"
#include "sealedtable.h"

#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QMetaMethod>

namespace Volmap {

namespace {

// Authentication dialogs can stay open for minutes; the bus default of
// 25 s would turn a slow password into a timeout.
constexpr int CallTimeoutMs = 10 * 60 * 1000;

QList<QVariantMap> mapList(const QDBusPendingCall &call)
{
    return QDBusPendingReply<QList<QVariantMap>>(call).value();
}

} // namespace

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
}

void HelperClient::connectNotify(const QMetaMethod &signal)
{
    // The generated proxy follows the helper's name from its constructor
    // on (a match rule and a blocking GetNameOwner, and two RemoveMatch on
    // exit): what a signal needs, and nothing a client like volmapctl
    // that makes one call and never listens should pay. So calls go
    // without it (call()), and it is made once someone listens.
    if (signal == QMetaMethod::fromSignal(&HelperClient::mappingsChanged) && !m_proxy) {
        m_proxy = std::make_unique<OrgVolmapHelper1Interface>(HelperProtocol::serviceName(),
                                                              HelperProtocol::objectPath(), m_bus);
        connect(m_proxy.get(), &OrgVolmapHelper1Interface::MappingsChanged, this,
                &HelperClient::mappingsChanged);
    }
}

QDBusPendingCall HelperClient::call(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
        HelperProtocol::serviceName(), HelperProtocol::objectPath(), HelperProtocol::interfaceName(), method);
    message.setArguments(arguments);
    return m_bus.asyncCall(message, CallTimeoutMs);
}

HelperClient::~HelperClient() = default;

QVariantMap HelperClient::options(QVariantMap extra) const
{
    if (!m_interactive) {
        extra.insert(HelperProtocol::Option::interactive(), false);
    }
    return extra;
}

ClientResult<QString> HelperClient::tableArgument(const QString &table, QVariantMap &extra) const
{
    if (table.size() <= Admission::MaxTextReadBeforeAuthorization) {
        return table;
    }
    // A long string would cost the helper (libdbus validates every byte)
    // before it could refuse a caller; a sealed memfd costs it an fstat.
    if (!(m_bus.connectionCapabilities() & QDBusConnection::UnixFileDescriptorPassing)) {
        return fail(ClientError{ClientErrorKind::Failed,
                                tr("The table is too long to send to the helper on this bus connection, "
                                   "which cannot pass file descriptors."),
                                {}});
    }
    auto sealed = sealedTable(table);
    if (!sealed) {
        return fail(sealed.error());
    }
    extra.insert(HelperProtocol::Option::tableFd(), QVariant::fromValue(sealed.value()));
    return QString();
}

template<typename T>
void HelperClient::failLater(Callback<T> done, const ClientError &error)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), error]() { done(fail(error)); }, Qt::QueuedConnection);
}

template<typename T, typename Convert>
void HelperClient::watch(const QDBusPendingCall &call, Callback<T> done, Convert convert)
{
    auto finish = [done = std::move(done), convert = std::move(convert)](const QDBusPendingCall &finished) {
        if (finished.isError()) {
            done(fail(ClientError::fromDBus(finished.error())));
        } else {
            done(convert(finished));
        }
    };
    // A call that never left (no system bus to send it on) comes back
    // finished, and Qt 6.4's watcher never reports such a call: answer it
    // from the event loop, as any other answer arrives.
    if (call.isFinished()) {
        QMetaObject::invokeMethod(
            this, [finish = std::move(finish), call]() { finish(call); }, Qt::QueuedConnection);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [finish = std::move(finish)](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                finish(*finished);
            });
}

void HelperClient::capabilities(Callback<QVariantMap> done)
{
    watch<QVariantMap>(
        call(QStringLiteral("GetCapabilities"), {options()}), std::move(done),
        [](const QDBusPendingCall &call) { return QDBusPendingReply<QVariantMap>(call).value(); });
}

void HelperClient::loadTargetModule(Callback<Done> done)
{
    watch<Done>(call(QStringLiteral("LoadTargetModule"), {options()}), std::move(done),
                [](const QDBusPendingCall &) { return Done{}; });
}

void HelperClient::listMappings(Callback<QList<MappingSummary>> done)
{
    watch<QList<MappingSummary>>(call(QStringLiteral("ListMappings"), {options()}), std::move(done),
                                 [](const QDBusPendingCall &call) {
                                     QList<MappingSummary> mappings;
                                     for (const QVariantMap &map : mapList(call)) {
                                         mappings.append(MappingSummary::fromMap(map));
                                     }
                                     return mappings;
                                 });
}

void HelperClient::table(const QString &name, Callback<QString> done)
{
    watch<QString>(call(QStringLiteral("GetTable"), {name, options()}), std::move(done),
                   [](const QDBusPendingCall &call) { return QDBusPendingReply<QString>(call).value(); });
}

void HelperClient::status(const QString &name, Callback<QList<SegmentStatus>> done)
{
    watch<QList<SegmentStatus>>(call(QStringLiteral("GetStatus"), {name, options()}), std::move(done),
                                [](const QDBusPendingCall &call) {
                                    QList<SegmentStatus> segments;
                                    for (const QVariantMap &map : mapList(call)) {
                                        segments.append(SegmentStatus::fromMap(map));
                                    }
                                    return segments;
                                });
}

void HelperClient::create(const QString &name, const QString &table, bool readOnly, Callback<QString> done)
{
    create(name, table, CreateFlags{readOnly, false}, std::move(done));
}

void HelperClient::create(const QString &name, const QString &table, CreateFlags flags,
                          Callback<QString> done)
{
    QVariantMap extra;
    if (flags.readOnly) {
        extra.insert(HelperProtocol::Option::readOnly(), true);
    }
    if (flags.persistent) {
        extra.insert(HelperProtocol::Option::persistent(), true);
    }
    const auto argument = tableArgument(table, extra);
    if (!argument) {
        failLater(std::move(done), argument.error());
        return;
    }
    watch<QString>(call(QStringLiteral("CreateMapping"), {name, argument.value(), options(extra)}),
                   std::move(done),
                   [](const QDBusPendingCall &call) { return QDBusPendingReply<QString>(call).value(); });
}

void HelperClient::reload(const QString &name, const QString &table, Callback<Done> done)
{
    QVariantMap extra;
    const auto argument = tableArgument(table, extra);
    if (!argument) {
        failLater(std::move(done), argument.error());
        return;
    }
    watch<Done>(call(QStringLiteral("ReloadMapping"), {name, argument.value(), options(extra)}),
                std::move(done), [](const QDBusPendingCall &) { return Done{}; });
}

void HelperClient::remove(const QString &name, bool deferred, Callback<Done> done)
{
    remove(name, deferred, false, std::move(done));
}

void HelperClient::remove(const QString &name, bool deferred, bool keepDefinition, Callback<Done> done)
{
    QVariantMap extra;
    if (deferred) {
        extra.insert(HelperProtocol::Option::deferred(), true);
    }
    if (keepDefinition) {
        extra.insert(HelperProtocol::Option::keepDefinition(), true);
    }
    watch<Done>(call(QStringLiteral("RemoveMapping"), {name, options(extra)}), std::move(done),
                [](const QDBusPendingCall &) { return Done{}; });
}

void HelperClient::resetCounters(const QString &name, Callback<Done> done)
{
    watch<Done>(call(QStringLiteral("ResetCounters"), {name, options()}), std::move(done),
                [](const QDBusPendingCall &) { return Done{}; });
}

void HelperClient::setPersistent(const QString &name, bool enabled, Callback<Done> done)
{
    watch<Done>(call(QStringLiteral("SetPersistent"), {name, enabled, options()}), std::move(done),
                [](const QDBusPendingCall &) { return Done{}; });
}

namespace {

QList<SavedMappingState> savedStates(const QDBusPendingCall &call)
{
    QList<SavedMappingState> saved;
    for (const QVariantMap &map : mapList(call)) {
        saved.append(SavedMappingState::fromMap(map));
    }
    return saved;
}

} // namespace

void HelperClient::listSaved(Callback<QList<SavedMappingState>> done)
{
    watch<QList<SavedMappingState>>(call(QStringLiteral("ListSavedMappings"), {options()}), std::move(done),
                                    savedStates);
}

void HelperClient::assembleSaved(Callback<QList<SavedMappingState>> done)
{
    watch<QList<SavedMappingState>>(call(QStringLiteral("AssembleSaved"), {options()}), std::move(done),
                                    savedStates);
}

} // namespace Volmap
