// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterror.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

class OrgVolmapHelper1Interface;
class QDBusPendingCall;

namespace Volmap {

/*
 * The app's side of org.volmap.Helper1 (the contract). Every call is asynchronous: the callback runs later
 * from the event loop with a value or a ClientError, never blocking the caller.
 */
class HelperClient final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const ClientResult<T> &)>;

    explicit HelperClient(const QDBusConnection &bus = QDBusConnection::systemBus(),
                          QObject *parent = nullptr);
    ~HelperClient() override;

    /* false: polkit must not ask for a password; calls that would need one fail. */
    void setInteractive(bool interactive) { m_interactive = interactive; }

    void capabilities(Callback<QVariantMap> done);
    void loadTargetModule(Callback<Done> done);
    void listMappings(Callback<QList<MappingSummary>> done);
    void table(const QString &name, Callback<QString> done);
    void status(const QString &name, Callback<QList<SegmentStatus>> done);
    void create(const QString &name, const QString &table, bool readOnly, Callback<QString> done);
    void reload(const QString &name, const QString &table, Callback<Done> done);
    void remove(const QString &name, bool deferred, Callback<Done> done);
    void resetCounters(const QString &name, Callback<Done> done);

    // Mappings that survive a restart (see the contract's "Saved mappings").
    struct CreateFlags
    {
        bool readOnly = false;
        bool persistent = false; // also save the definition
    };
    void create(const QString &name, const QString &table, CreateFlags flags, Callback<QString> done);
    /* `keepDefinition`: a saved definition stays, to be assembled at the next boot. */
    void remove(const QString &name, bool deferred, bool keepDefinition, Callback<Done> done);
    void setPersistent(const QString &name, bool enabled, Callback<Done> done);
    void listSaved(Callback<QList<SavedMappingState>> done);
    void assembleSaved(Callback<QList<SavedMappingState>> done);

Q_SIGNALS:
    /* The helper's MappingsChanged, followed from the first receiver on. */
    void mappingsChanged();

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    QVariantMap options(QVariantMap extra = {}) const;
    /*
     * The table argument for CreateMapping and ReloadMapping: `table` itself
     * up to Admission::MaxTextReadBeforeAuthorization characters, else ""
     * with the table in a sealed memfd put in `extra` as table-fd.
     */
    ClientResult<QString> tableArgument(const QString &table, QVariantMap &extra) const;
    /* Answers `done` with `error` from the event loop, as if the helper had. */
    template<typename T>
    void failLater(Callback<T> done, const ClientError &error);
    template<typename T, typename Convert>
    void watch(const QDBusPendingCall &call, Callback<T> done, Convert convert);
    /* The helper's `method` with `arguments`, sent as the generated proxy would, without its name watch. */
    QDBusPendingCall call(const QString &method, const QVariantList &arguments);

    QDBusConnection m_bus;
    /* Made for the first receiver of mappingsChanged (connectNotify). */
    std::unique_ptr<OrgVolmapHelper1Interface> m_proxy;
    bool m_interactive = true;
};

} // namespace Volmap
