// SPDX-License-Identifier: GPL-2.0-or-later
#include "authorizedcalls.h"

#include "admission.h"
#include "helperlog.h"
#include "helperprotocol.h"

#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

#include <dbus/dbus.h>

namespace Volmap {

namespace {

const QString BusService = QStringLiteral("org.freedesktop.DBus");
const QString BusPath = QStringLiteral("/org/freedesktop/DBus");

// What an action lets the caller do, for "not authorized to ..." messages.
QString actionPurpose(const QString &action)
{
    namespace A = HelperProtocol::Action;
    static const QHash<QString, QString> purposes = {
        {A::create(), QStringLiteral("create mappings")},
        {A::reload(), QStringLiteral("change the table of mappings")},
        {A::remove(), QStringLiteral("remove mappings")},
        {A::loadModule(), QStringLiteral("load the basic_target kernel module")},
        {A::resetCounters(), QStringLiteral("reset I/O counters")},
        {A::resetCountersOfOthers(), QStringLiteral("reset the I/O counters of another user's mapping")},
        {A::manageForeign(), QStringLiteral("change or remove mappings that Volume Mapper did not create")},
        {A::persist(), QStringLiteral("change which mappings are recreated at startup")},
    };
    return purposes.value(action, QStringLiteral("read device-mapper mappings"));
}

HelperError notAuthorized(AuthorizationResult result, const QString &purpose, const QString &detail)
{
    switch (result) {
    case AuthorizationResult::Dismissed:
        return {HelperProtocol::Error::dismissed(),
                QStringLiteral("authentication was dismissed, so Volume Mapper may not %1").arg(purpose)};
    case AuthorizationResult::NoAuthenticationAgent:
        return {
            HelperProtocol::Error::noAuthenticationAgent(),
            QStringLiteral("to %1 you must authenticate, but no polkit authentication agent is running for "
                           "this session (start one, e.g. pkttyagent in a terminal)")
                .arg(purpose)};
    case AuthorizationResult::Failed:
        return {HelperProtocol::Error::notAuthorized(),
                QStringLiteral("cannot check authorization to %1 with polkit: %2").arg(purpose, detail)};
    default:
        return {HelperProtocol::Error::notAuthorized(), QStringLiteral("not authorized to %1").arg(purpose)};
    }
}

HelperError limitsExceeded(const QString &whose)
{
    return {HelperProtocol::Error::limitsExceeded(),
            QStringLiteral("too many calls %1 are waiting for authorization; answer or cancel those first")
                .arg(whose)};
}

// An internal marker: never sent, the call is authorized further instead.
const QString FurtherAuthorization = QStringLiteral("org.volmap.Helper1.Internal.FurtherAuthorization");

} // namespace

HelperError CallContext::requireAlso(const QString &action, const QString &purpose)
{
    m_furtherAction = action;
    m_furtherPurpose = purpose;
    return {FurtherAuthorization, purpose};
}

AuthorizedCalls::AuthorizedCalls(Authorizer &authorizer, QObject *parent)
    : QObject(parent)
    , m_authorizer(authorizer)
{
    m_lastActivity.start();
    m_preparations.setMaxThreadCount(1);
}

void AuthorizedCalls::watchCallersOn(QDBusConnection connection)
{
    // libdbus stops reading a connection while 63 MiB of its messages are
    // alive. Under a flood of large calls that is soon, and then the bus's
    // queue to us fills and it refuses every caller, the harmless ones
    // too. Our own limits bound what stays alive (the waiting calls), so
    // let libdbus read on and let them decide.
    if (auto *raw = static_cast<DBusConnection *>(connection.internalPointer())) {
        dbus_connection_set_max_received_size(raw, ReceiveLimit);
    }
    // One subscription for every name: a match rule per caller would run
    // into the bus's per-connection limit under a flood.
    connection.connect(BusService, BusPath, BusService, QStringLiteral("NameOwnerChanged"), this,
                       SLOT(nameOwnerChanged(QString, QString, QString)));
}

Result<Done, HelperError> AuthorizedCalls::checkCapacity(const QString &sender, qsizetype heldBytes) const
{
    const Sender state = m_senders.value(sender);
    if (state.usage.calls >= m_limits.callsPerSender) {
        return fail(limitsExceeded(QStringLiteral("of this connection")));
    }
    if (m_total.calls >= m_limits.callsTotal) {
        return fail(limitsExceeded(QStringLiteral("of all users")));
    }
    if (!state.uid) {
        if (m_unidentified.bytes + heldBytes > m_limits.bytesUnidentified) {
            return fail(limitsExceeded(QStringLiteral("of callers not identified yet")));
        }
        return Done{};
    }
    return checkIdentifiedCapacity(*state.uid, heldBytes);
}

Result<Done, HelperError> AuthorizedCalls::checkIdentifiedCapacity(uint uid, qsizetype heldBytes) const
{
    const Usage usage = m_uids.value(uid);
    if (usage.calls >= m_limits.callsPerUid || usage.bytes + heldBytes > m_limits.bytesPerUid) {
        return fail(limitsExceeded(QStringLiteral("of this user")));
    }
    if (m_total.bytes + heldBytes > m_limits.bytesTotal) {
        return fail(limitsExceeded(QStringLiteral("of all users")));
    }
    return Done{};
}

void AuthorizedCalls::submit(const QDBusConnection &connection, const QDBusMessage &message,
                             CallRequest request, Preparation preparation)
{
    touch();
    const quint64 id = ++m_lastId;
    const QString sender = message.service();
    const qsizetype bytes = request.heldBytes;
    PendingCall call{
        connection,   message, std::move(request), std::move(preparation), std::nullopt, {}, {}, {},
        std::nullopt, false,   QElapsedTimer()};
    call.remaining = call.request.actions;
    call.age.start();
    qCDebug(callsLog, "call %llu from %s: %s", id, qPrintable(sender), qPrintable(call.request.what));
    m_calls.emplace(id, std::move(call));
    if (m_senders.size() > MaxRememberedSenders) {
        forgetIdleSenders();
    }
    Sender &state = m_senders[sender];
    ++state.usage.calls;
    state.usage.bytes += bytes;
    ++m_total.calls;
    ++m_unidentified.calls;
    m_unidentified.bytes += bytes;
    if (state.uid) {
        uidKnown(sender, *state.uid);
    } else if (!state.lookingUp) {
        state.lookingUp = true;
        lookUpUid(connection, sender);
    }
}

void AuthorizedCalls::lookUpUid(const QDBusConnection &connection, const QString &sender)
{
    // Asked of the bus, never of the caller; and asynchronously, so a
    // flood cannot hold the event loop in a blocking call. Once per
    // connection: its credentials are fixed when it connects.
    ++m_uidLookups;
    QDBusMessage query = QDBusMessage::createMethodCall(BusService, BusPath, BusService,
                                                        QStringLiteral("GetConnectionUnixUser"));
    query << sender;
    auto *watcher = new QDBusPendingCallWatcher(connection.asyncCall(query), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, sender]() {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (!m_senders.contains(sender)) {
            return; // it left meanwhile, and its calls with it
        }
        m_senders[sender].lookingUp = false;
        if (reply.isError()) {
            uidUnknown(sender, reply.error().message());
        } else {
            m_senders[sender].uid = reply.value();
            uidKnown(sender, reply.value());
        }
    });
}

void AuthorizedCalls::uidKnown(const QString &sender, uint uid)
{
    QList<quint64> waiting;
    for (const auto &[id, call] : m_calls) {
        if (!call.uid && call.message.service() == sender) {
            waiting.append(id);
        }
    }
    for (const quint64 id : waiting) {
        PendingCall &call = m_calls.at(id);
        const qsizetype bytes = call.request.heldBytes;
        if (const auto room = checkIdentifiedCapacity(uid, bytes); !room) {
            if (call.request.logged) {
                m_log.refused(uid, QStringLiteral("uid %1 (%2)").arg(uid).arg(sender), call.request.what,
                              room.error());
            }
            finish(id, fail(room.error())); // still unidentified in the books: forget() takes it from there
            continue;
        }
        qCDebug(callsLog, "call %llu: uid %u after %lld ms", id, uid, call.age.elapsed());
        --m_unidentified.calls;
        m_unidentified.bytes -= bytes;
        call.uid = uid;
        Usage &usage = m_uids[uid];
        ++usage.calls;
        usage.bytes += bytes;
        m_total.bytes += bytes;
        checkNext(id);
    }
}

void AuthorizedCalls::uidUnknown(const QString &sender, const QString &why)
{
    QList<quint64> waiting;
    for (const auto &[id, call] : m_calls) {
        if (call.message.service() == sender) {
            waiting.append(id);
        }
    }
    for (const quint64 id : waiting) {
        finish(id, fail(failure(QStringLiteral("cannot find out who is calling: %1").arg(why))));
    }
}

void AuthorizedCalls::checkNext(quint64 id)
{
    PendingCall &call = m_calls.at(id);
    if (call.remaining.isEmpty()) {
        if (call.preparation.work) {
            m_preparationsWaiting.push_back(id);
            startPreparations();
        } else {
            act(id);
        }
        return;
    }
    const QString action = call.remaining.takeFirst();
    const Authorizer::Ticket ticket = m_authorizer.check(
        action, call.message.service(), call.request.details, call.request.interactive,
        [this, id, action](AuthorizationResult result, const QString &detail) {
            const auto it = m_calls.find(id);
            if (it == m_calls.end()) {
                return;
            }
            PendingCall &answered = it->second;
            answered.ticket.reset();
            qCDebug(callsLog, "call %llu: %s %s after %lld ms", id, qPrintable(action),
                    result == AuthorizationResult::Authorized ? "granted" : "refused",
                    answered.age.elapsed());
            if (result == AuthorizationResult::Authorized) {
                answered.granted.append(action);
                checkNext(id);
                return;
            }
            const HelperError refusal = notAuthorized(
                result, answered.purposes.value(action, actionPurpose(action)), detail);
            if (answered.request.logged) {
                m_log.refused(*answered.uid, callerOf(answered), answered.request.what, refusal);
            }
            finish(id, fail(refusal));
        });
    // The answer may have come already (polkit unreachable): then the call is gone or moved on.
    if (const auto it = m_calls.find(id); it != m_calls.end() && !it->second.granted.contains(action)) {
        it->second.ticket = ticket;
    }
}

void AuthorizedCalls::startPreparations()
{
    while (m_preparationsHeld < MaxPreparationsHeld && !m_preparationsWaiting.empty()) {
        const auto it = m_calls.find(m_preparationsWaiting.front());
        m_preparationsWaiting.pop_front();
        if (it == m_calls.end()) {
            continue; // its caller left
        }
        it->second.holdsPreparation = true;
        ++m_preparationsHeld;
        // A caller that leaves meanwhile only has the result dropped. The
        // answer is queued to this thread; m_preparations, destroyed
        // first, waits for the work.
        m_preparations.start([this, id = it->first, work = std::exchange(it->second.preparation.work, {})]() {
            work();
            QMetaObject::invokeMethod(
                this, [this, id]() { prepared(id); }, Qt::QueuedConnection);
        });
    }
}

void AuthorizedCalls::prepared(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    PendingCall &call = it->second;
    const auto details = std::exchange(call.preparation.details, {})();
    if (!details) {
        finish(id, fail(details.error()));
        return;
    }
    // Asked again from the start, now with what is at stake.
    call.request.details = details.value();
    call.remaining = call.request.actions;
    call.granted.clear();
    checkNext(id);
}

void AuthorizedCalls::act(quint64 id)
{
    PendingCall &call = m_calls.at(id);
    CallContext context(*call.uid, call.message.service(), call.granted);
    const qint64 acting = call.age.elapsed();
    const Outcome<QVariant> outcome = call.request.act(context);
    qCDebug(callsLog, "call %llu: acted in %lld ms, %lld ms after it arrived", id,
            call.age.elapsed() - acting, call.age.elapsed());
    const QString further = context.furtherAction();
    if (!outcome && outcome.error().name == FurtherAuthorization) {
        // Once per action: an action never asks twice for what it was granted.
        if (further.isEmpty() || call.granted.contains(further) || call.purposes.contains(further)) {
            finish(id, fail(failure(QStringLiteral("internal error: authorization asked for twice"))));
            return;
        }
        call.purposes.insert(further, context.furtherPurpose());
        call.remaining.append(further);
        checkNext(id);
        return;
    }
    if (call.request.logged) {
        m_log.acted(callerOf(call), context.summary().isEmpty() ? call.request.what : context.summary(),
                    outcome);
    }
    finish(id, outcome);
}

void AuthorizedCalls::finish(quint64 id, const Outcome<QVariant> &outcome)
{
    touch();
    const auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    const PendingCall &call = it->second;
    if (!outcome) {
        call.connection.send(
            call.message.createErrorReply(outcome.error().name, boundedMessage(outcome.error().message)));
    } else {
        QDBusMessage reply = call.message.createReply();
        if (outcome.value().isValid()) {
            reply << outcome.value();
        }
        call.connection.send(reply);
    }
    forget(id);
}

void AuthorizedCalls::forget(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    const PendingCall &call = it->second;
    const qsizetype bytes = call.request.heldBytes;
    if (call.ticket) {
        m_authorizer.cancel(*call.ticket);
    }
    if (call.uid) {
        Usage &usage = m_uids[*call.uid];
        --usage.calls;
        usage.bytes -= bytes;
        if (usage.calls == 0) {
            m_uids.remove(*call.uid);
        }
        m_total.bytes -= bytes;
    } else {
        --m_unidentified.calls;
        m_unidentified.bytes -= bytes;
    }
    Sender &state = m_senders[call.message.service()];
    --state.usage.calls;
    state.usage.bytes -= bytes;
    --m_total.calls;
    const bool heldPreparation = call.holdsPreparation;
    m_calls.erase(it);
    if (heldPreparation) {
        --m_preparationsHeld;
        startPreparations();
    }
}

void AuthorizedCalls::nameOwnerChanged(const QString &name, const QString &, const QString &newOwner)
{
    if (!newOwner.isEmpty() || !m_senders.contains(name)) {
        return;
    }
    QList<quint64> gone;
    for (const auto &[id, call] : m_calls) {
        if (call.message.service() == name) {
            gone.append(id);
        }
    }
    for (const quint64 id : gone) {
        forget(id); // no reply: nobody is there to read it
    }
    m_senders.remove(name);
    touch();
}

void AuthorizedCalls::forgetIdleSenders()
{
    for (auto it = m_senders.begin(); it != m_senders.end();) {
        if (it->usage.calls == 0 && !it->lookingUp) {
            it = m_senders.erase(it);
        } else {
            ++it;
        }
    }
}

QString AuthorizedCalls::callerOf(const PendingCall &call) const
{
    return QStringLiteral("uid %1 (%2)").arg(call.uid ? qint64(*call.uid) : -1).arg(call.message.service());
}

} // namespace Volmap
