#pragma once

#include "authorizer.h"
#include "deviceinspector.h"
#include "mappingbackend.h"
#include "moduleloader.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QVariantMap>

#include <memory>

namespace Volmap {

/*
 * The object behind org.volmap.Helper1 (the generated adaptor forwards to
 * these slots). Every call goes validate -> authorize -> act -> reply:
 * arguments are checked before anything else, polkit is asked
 * asynchronously (the D-Bus reply is delayed, nothing blocks), and the
 * privileged step runs on the event loop thread, so mutations never
 * interleave. Failures are sent as named errors.
 */
class HelperService final : public QObject, protected QDBusContext
{
    Q_OBJECT

public:
    HelperService(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                  Authorizer &authorizer, QObject *parent = nullptr);

    /* Calls accepted but not yet answered (waiting for polkit). */
    int pendingCalls() const { return m_pendingCalls; }
    /* Milliseconds since the last call arrived or was answered. */
    qint64 idleMilliseconds() const { return m_lastActivity.elapsed(); }

    /*
     * Removes mappings of ours that have no live table: what a helper
     * killed between "create device" and "load table" leaves behind.
     */
    void cleanUpAbandoned();

public Q_SLOTS:
    QVariantMap GetCapabilities(const QVariantMap &options);
    void LoadTargetModule(const QVariantMap &options);
    QString CreateMapping(const QString &name, const QString &table, const QVariantMap &options);
    void ReloadMapping(const QString &name, const QString &table, const QVariantMap &options);
    void RemoveMapping(const QString &name, const QVariantMap &options);
    QList<QVariantMap> ListMappings(const QVariantMap &options);
    QString GetTable(const QString &name, const QVariantMap &options);
    QList<QVariantMap> GetStatus(const QString &name, const QVariantMap &options);
    void ResetCounters(const QString &name, const QVariantMap &options);

Q_SIGNALS:
    void MappingsChanged();

private:
    struct Options
    {
        bool interactive = true;
        bool readOnly = false;
        bool deferred = false;
    };
    struct PreparedTable
    {
        MappingTable table; // devices rewritten as major:minor
        QList<WantedRange> wanted;
        QList<DeviceNumber> devices; // as the table names them (not their disks)
        bool usesBasicTarget = false;
    };
    using Act = std::function<Outcome<QVariant>()>;
    struct PendingCall
    {
        QDBusConnection connection;
        QDBusMessage message;
        QStringList actions; // still to authorize
        bool interactive = true;
        QString logWhat;     // empty for read-only calls, which are not logged
        QString caller;      // "uid N (:1.42)" as the call arrived, for the log
        Act act;
    };

    std::variant<Options, HelperError> parseOptions(const QVariantMap &options, const QStringList &allowed) const;
    /* The call's options, or nullopt after refusing the call with the reason. */
    std::optional<Options> acceptOptions(const QVariantMap &options, const QStringList &allowed);
    /* acceptOptions() for a call about mapping `name`, which must be a valid name too. */
    std::optional<Options> acceptCall(const QString &name, const QVariantMap &options, const QStringList &allowed);
    Outcome<PreparedTable> prepareTable(const QString &text);
    std::optional<HelperError> findConflicts(const PreparedTable &table, const QString &exceptMapping);
    Outcome<Done> loadModulesFor(const PreparedTable &table);
    QStringList actionsFor(const QString &verbAction, const MappingState &state) const;
    /* `name` as it is now, if it is still the mapping (uuid) that was authorized. */
    Outcome<MappingState> sameMapping(const QString &name, const QString &uuid);

    /* Delays the reply, asks polkit for each action in turn, then acts. */
    void authorizeThenAct(const QStringList &actions, bool interactive, const QString &logWhat, Act act);
    void checkNext(std::shared_ptr<PendingCall> call);
    void settle(const PendingCall &call);
    void finish(const PendingCall &call, const Outcome<QVariant> &outcome);
    void refuse(const HelperError &error);
    void touch();

    MappingBackend &m_backend;
    ModuleLoader &m_modules;
    DeviceInspector &m_devices;
    Authorizer &m_authorizer;
    static constexpr int MaxPendingPerSender = 16;
    static constexpr qsizetype MaxTableText = 8 * 1024 * 1024;
    int m_pendingCalls = 0;
    QHash<QString, int> m_pendingBySender;
    QElapsedTimer m_lastActivity;
};

} // namespace Volmap
