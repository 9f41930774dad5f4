// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "authorizer.h"
#include "calllog.h"
#include "outcome.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QVariant>

#include <deque>
#include <map>
#include <optional>

namespace Volmap {

/*
 * What an action knows of its call, and how it asks for more: an action
 * that finds it needs a further polkit action (a foreign mapping, a
 * foreign owner's device) returns requireAlso(); the call is then
 * authorized for that action too and the action runs again from the start,
 * on the system as it is by then.
 */
class CallContext final
{
public:
    CallContext(uint uid, QString busName, QStringList granted)
        : m_uid(uid)
        , m_busName(std::move(busName))
        , m_granted(std::move(granted))
    {}

    uint uid() const { return m_uid; }
    const QString &busName() const { return m_busName; }
    bool isGranted(const QString &action) const { return m_granted.contains(action); }

    /* The error to return from the action; `purpose` completes "not authorized to ...". */
    HelperError requireAlso(const QString &action, const QString &purpose);
    /* What the call did, for the log: devices as the kernel got them, bounded. */
    void describe(const QString &summary) { m_summary = summary; }

    const QString &furtherAction() const { return m_furtherAction; }
    const QString &furtherPurpose() const { return m_furtherPurpose; }
    const QString &summary() const { return m_summary; }

private:
    uint m_uid;
    QString m_busName;
    QStringList m_granted;
    QString m_furtherAction;
    QString m_furtherPurpose;
    QString m_summary;
};

using Act = std::function<Outcome<QVariant>(CallContext &)>;

struct CallRequest
{
    QString what;        // "create 'x'": names the call in the log
    QStringList actions; // asked of polkit in turn before the action
    AuthorizationDetails details;
    bool interactive = true;
    bool logged = true;      // changes are logged, reads are not
    qsizetype heldBytes = 0; // what the call keeps in memory while it waits
    Act act;
};

/*
 * Work only an authorized caller may cause (reading a large table): once a
 * call's actions are granted, `work` runs off the event loop thread, then
 * `details` on it; the actions are asked again with the details it gives
 * (or the call fails with its error) before the call acts.
 */
struct Preparation
{
    std::function<void()> work;
    std::function<Outcome<AuthorizationDetails>()> details;
};

/*
 * The calls that wait for polkit, and the limits on them. A call's reply is
 * delayed; the caller's uid is asked of the bus asynchronously; each action
 * is checked with polkit asynchronously; then the action runs on the event
 * loop thread, so changes never interleave. Nothing here blocks: a call's
 * Preparation runs on a worker thread of its own, one
 * at a time, so that what it holds stays bounded too.
 *
 * Limits hold per connection, per uid and in total, in calls and in bytes
 * held; a caller that leaves the bus takes its waiting calls (and their
 * polkit checks) with it.
 */
class AuthorizedCalls final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int callsPerSender = 16;
        int callsPerUid = 32;
        int callsTotal = 128;
        // One largest table (8 Mi characters, 16 MiB as QString) per uid,
        // three in all: each waiting call also keeps its D-Bus message alive.
        qsizetype bytesPerUid = 16 * 1024 * 1024;
        qsizetype bytesTotal = 48 * 1024 * 1024;
        // Calls of connections whose uid the bus has not told us yet: kept
        // apart, so that a flood of new connections cannot fill the pool
        // identified users share before the per-uid limit applies to it.
        qsizetype bytesUnidentified = 16 * 1024 * 1024;
    };

    /*
     * What libdbus may hold of a connection's messages before it stops
     * reading (see watchCallersOn()). A message read and not yet handled
     * costs about three times its size (raw, decoded, queued), so this and
     * the limits below stay within the unit's MemoryMax=512M.
     */
    static constexpr long ReceiveLimit = 128L * 1024 * 1024;

    explicit AuthorizedCalls(Authorizer &authorizer, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }
    /*
     * Follows callers leaving `connection`'s bus (one match rule, set up
     * once), and lets libdbus keep reading it under a flood.
     */
    void watchCallersOn(QDBusConnection connection);

    /*
     * LimitsExceeded if the sender, its uid (once known), the callers not
     * yet identified, or everyone together have too much waiting to take
     * one more call.
     */
    Result<Done, HelperError> checkCapacity(const QString &sender, qsizetype heldBytes) const;
    /* Takes over `message`, whose reply the caller has delayed. */
    void submit(const QDBusConnection &connection, const QDBusMessage &message, CallRequest request,
                Preparation preparation = {});

    int pendingCalls() const { return int(m_calls.size()); }
    /* Milliseconds since a call last arrived or was answered. */
    qint64 idleMilliseconds() const { return m_lastActivity.elapsed(); }
    void touch() { m_lastActivity.restart(); }
    const CallLog &log() const { return m_log; }
    /*
     * How often the bus was asked for a caller's uid, and whether a bus
     * name's uid is remembered: a connection's uid is asked once and kept
     * until the bus says the name is gone (unique names are never reused).
     */
    int uidLookups() const { return m_uidLookups; }
    bool remembersCaller(const QString &busName) const { return m_senders.contains(busName); }

private Q_SLOTS:
    void nameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    struct PendingCall
    {
        QDBusConnection connection;
        QDBusMessage message;
        CallRequest request;
        Preparation preparation;
        std::optional<uint> uid;
        QStringList remaining; // actions still to check
        QStringList granted;
        QHash<QString, QString> purposes; // of actions an act asked for
        std::optional<Authorizer::Ticket> ticket;
        bool holdsPreparation = false; // counted in m_preparationsHeld
        QElapsedTimer age;             // since it arrived: the debug log times each step
    };
    struct Usage
    {
        int calls = 0;
        qsizetype bytes = 0;
    };
    struct Sender
    {
        Usage usage;
        std::optional<uint> uid;
        bool lookingUp = false;
    };

    // The bus tells us of leaving callers; this bounds the rest.
    static constexpr qsizetype MaxRememberedSenders = 4096;
    // Calls whose preparation runs or whose result waits for polkit or its
    // action: a read table takes several times its text's memory, which
    // the limits above count, so only this many are held at once.
    static constexpr int MaxPreparationsHeld = 2;

    Result<Done, HelperError> checkIdentifiedCapacity(uint uid, qsizetype heldBytes) const;
    void forgetIdleSenders();
    void lookUpUid(const QDBusConnection &connection, const QString &sender);
    void uidKnown(const QString &sender, uint uid);
    void uidUnknown(const QString &sender, const QString &why);
    void checkNext(quint64 id);
    /* Starts the preparations waiting, as far as MaxPreparationsHeld allows. */
    void startPreparations();
    void prepared(quint64 id);
    void act(quint64 id);
    void finish(quint64 id, const Outcome<QVariant> &outcome);
    void forget(quint64 id);
    QString callerOf(const PendingCall &call) const;

    Authorizer &m_authorizer;
    Limits m_limits;
    std::map<quint64, PendingCall> m_calls;
    quint64 m_lastId = 0;
    int m_uidLookups = 0;
    QHash<QString, Sender> m_senders; // until they leave the bus: their uid stays known
    QHash<uint, Usage> m_uids;
    Usage m_total;        // every call; bytes of identified calls only
    Usage m_unidentified; // calls waiting for their caller's uid
    CallLog m_log;
    QElapsedTimer m_lastActivity;
    std::deque<quint64> m_preparationsWaiting;
    int m_preparationsHeld = 0;
    // Last: destroyed first, waiting for a preparation still running.
    QThreadPool m_preparations;
};

} // namespace Volmap
