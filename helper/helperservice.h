// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "authorizedcalls.h"
#include "mappingactions.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QList>
#include <QObject>
#include <QVariantMap>

#include <memory>

namespace Volmap {

/*
 * The object behind org.volmap.Helper1 (the generated adaptor forwards to
 * these slots). Every call goes admit -> authorize -> act -> reply:
 * admission (admission.h) checks only what is cheap and bounded before
 * polkit is asked; AuthorizedCalls delays the reply and asks polkit
 * asynchronously within its limits; MappingActions does the work. Nothing
 * in these slots blocks. Failures are sent as named errors.
 */
class HelperService final : public QObject, protected QDBusContext
{
    Q_OBJECT

public:
    HelperService(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                  Authorizer &authorizer, QObject *parent = nullptr);

    /* Follows callers leaving the bus of `connection`, where this object is registered. */
    void watchCallersOn(QDBusConnection connection) { m_calls.watchCallersOn(connection); }
    AuthorizedCalls &calls() { return m_calls; }
    /* Calls accepted but not yet answered (waiting for the bus or polkit). */
    int pendingCalls() const { return m_calls.pendingCalls(); }
    /* Milliseconds since the last call arrived or was answered. */
    qint64 idleMilliseconds() const { return m_calls.idleMilliseconds(); }
    void cleanUpAbandoned() { m_actions.cleanUpAbandoned(); }
    /* Where saved definitions live; see MappingActions::setSavedMappings(). */
    void setSavedMappings(SavedMappings *saved) { m_actions.setSavedMappings(saved); }
    MappingActions &actions() { return m_actions; }

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
    void SetPersistent(const QString &name, bool enabled, const QVariantMap &options);
    QList<QVariantMap> ListSavedMappings(const QVariantMap &options);
    QList<QVariantMap> AssembleSaved(const QVariantMap &options);

Q_SIGNALS:
    void MappingsChanged();

private:
    /* The options, or nullopt after refusing the call. */
    std::optional<CallOptions> admit(const QVariantMap &options, const QStringList &allowed);
    /* admit() for a call about mapping `name`, which must be a valid name too. */
    std::optional<CallOptions> admit(const QString &name, const QVariantMap &options,
                                     const QStringList &allowed);
    /* An action on an admitted table, told which devices polkit was asked about. */
    using TableAct = std::function<Outcome<QVariant>(CallContext &, const AdmittedTable &,
                                                     const QList<DeviceNumber> &authorizedDevices)>;
    /* A table call's table, read before polkit is asked or, if passed as table-fd, once the caller is
     * allowed. */
    struct TableOfCall
    {
        std::optional<Outcome<AdmittedTable>> admitted;
        QList<DeviceNumber> authorized; // the devices polkit was asked about
    };
    /*
     * Admits a table for `name` and sends it on with polkit details that name
     * what is at stake. A string of at most
     * Admission::MaxTextReadBeforeAuthorization characters is read before
     * polkit is asked; a longer one is refused. A table-fd (`fd`, taken out
     * of the options) is only checked (TableFd::checkTableFd()); it is read
     * once polkit allows the caller the verb, and then polkit is asked again.
     */
    void submitTableCall(const QString &verb, const QString &action, const QString &name, const QString &text,
                         const QVariant &fd, const CallOptions &options, TableAct act);
    void submitTableFdCall(CallRequest request, const std::shared_ptr<TableOfCall> &table,
                           const QString &text, const QVariant &fd);
    static AuthorizationDetails namedDetails(const QString &name, const CallOptions &options);
    /* `details` and the devices of the admitted table, which also become table.authorized. */
    Outcome<AuthorizationDetails> tableDetails(TableOfCall &table, AuthorizationDetails details);
    void submit(CallRequest request, Preparation preparation = {});
    void refuse(const HelperError &error);

    DeviceInspector &m_devices;
    MappingActions m_actions;
    AuthorizedCalls m_calls;
};

} // namespace Volmap
