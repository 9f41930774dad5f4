// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// In-memory stand-ins for the helper's privileged parts, so the service
// logic and its D-Bus behaviour can be tested without root or a kernel.

#include "authorizer.h"
#include "deviceinspector.h"
#include "mappingbackend.h"
#include "moduleloader.h"
#include "tabletext.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <optional>

namespace Volmap::Fakes {

class FakeBackend final : public MappingBackend
{
public:
    bool hasDeviceMapper = true;
    std::optional<HelperError> failNextCreate;
    std::optional<HelperError> failNextReload;
    QMap<QString, MappingState> mappings;
    QList<QPair<QString, quint64>> messages; // (mapping, sector) of each message sent
    quint64 statusCalls = 0;                 // basic_target counters grow with each call
    bool errorsField = false;                // a 1.1 module's seventh status field
    int tableReads = 0;                      // mapping() calls: they read tables, info() does not

    Outcome<QString> driverVersion() override
    {
        if (!hasDeviceMapper) {
            return fail(
                HelperError{HelperProtocol::Error::kernelUnsupported(), QStringLiteral("no device-mapper")});
        }
        return QStringLiteral("4.47.0");
    }
    Outcome<QMap<QString, QString>> targetVersions() override
    {
        return QMap<QString, QString>{{QStringLiteral("linear"), QStringLiteral("1.4.0")}};
    }
    Outcome<QStringList> mappingNames() override { return mappings.keys(); }
    Outcome<MappingState> mapping(const QString &name) override
    {
        if (!mappings.contains(name)) {
            return fail(HelperError{HelperProtocol::Error::notFound(),
                                    QStringLiteral("no mapping named '%1'").arg(name)});
        }
        ++tableReads;
        return mappings.value(name);
    }
    Outcome<MappingState> info(const QString &name) override
    {
        if (!mappings.contains(name)) {
            return fail(HelperError{HelperProtocol::Error::notFound(),
                                    QStringLiteral("no mapping named '%1'").arg(name)});
        }
        MappingState state = mappings.value(name);
        state.table.clear();
        state.dependencies.clear();
        return state;
    }
    Outcome<QList<KernelSegment>> status(const QString &name) override
    {
        const auto state = mapping(name);
        if (!state) {
            return fail(state.error());
        }
        QList<KernelSegment> segments;
        const quint64 n = ++statusCalls;
        for (const KernelSegment &segment : state.value().table) {
            QString status = segment.target == u"basic_target"
                                 ? QStringLiteral("%1 %2 %3 %4 3 4").arg(n).arg(2 * n).arg(8 * n).arg(16 * n)
                                 : QString();
            if (errorsField && !status.isEmpty()) {
                status += QStringLiteral(" 5");
            }
            segments.append({segment.start, segment.length, segment.target, status});
        }
        return segments;
    }
    Outcome<QString> create(const QString &name, const QString &uuid, const MappingTable &table,
                            bool readOnly) override
    {
        if (failNextCreate) {
            const HelperError error = *failNextCreate;
            failNextCreate.reset();
            return fail(error);
        }
        if (mappings.contains(name)) {
            return fail(HelperError{HelperProtocol::Error::exists(), QStringLiteral("exists")});
        }
        MappingState state;
        state.name = name;
        state.uuid = uuid;
        state.major = 254;
        state.minor = quint32(mappings.size());
        state.readOnly = readOnly;
        state.liveTable = true;
        state.table = toKernel(table);
        mappings.insert(name, state);
        return QStringLiteral("/dev/mapper/") + name;
    }
    Outcome<Done> reload(const QString &name, const MappingTable &table) override
    {
        if (failNextReload) {
            const HelperError error = *failNextReload;
            failNextReload.reset();
            return fail(error);
        }
        mappings[name].table = toKernel(table);
        return Done{};
    }
    Outcome<Done> remove(const QString &name, bool deferred) override
    {
        if (!mappings.contains(name)) {
            return fail(HelperError{HelperProtocol::Error::notFound(), QStringLiteral("gone")});
        }
        if (mappings[name].openCount > 0 && !deferred) {
            return fail(
                HelperError{HelperProtocol::Error::deviceInUse(), QStringLiteral("'%1' is open").arg(name)});
        }
        if (mappings[name].openCount > 0) {
            mappings[name].deferredRemove = true;
        } else {
            mappings.remove(name);
        }
        return Done{};
    }
    Outcome<Done> sendMessage(const QString &name, quint64 sector, const QString &) override
    {
        messages.append({name, sector});
        return Done{};
    }

    static QList<KernelSegment> toKernel(const MappingTable &table)
    {
        QList<KernelSegment> segments;
        for (const Segment &segment : table.segments) {
            segments.append({segment.start, segment.length, segment.target, segment.args.join(u' ')});
        }
        return segments;
    }
};

class FakeModules final : public ModuleLoader
{
public:
    QSet<QString> available{QStringLiteral("dm-mod"), QStringLiteral("dm-basic-target")};
    QStringList loaded;

    Outcome<Done> load(const QString &moduleName) override
    {
        if (!available.contains(moduleName)) {
            return fail(HelperError{HelperProtocol::Error::moduleUnavailable(),
                                    QStringLiteral("no kernel module %1").arg(moduleName)});
        }
        loaded.append(moduleName);
        return Done{};
    }
    bool isAvailable(const QString &moduleName) override { return available.contains(moduleName); }
};

// Devices by the text a table uses for them (path or major:minor).
class FakeDevices final : public DeviceInspector
{
public:
    QHash<QString, ResolvedDevice> devices;
    QList<DeviceClaim> claims;

    void addDisk(const QString &path, DeviceNumber number, quint64 sectors)
    {
        ResolvedDevice device{{number, sectors, 512, path}, number, 0, {}};
        devices.insert(path, device);
        devices.insert(number.toString(), device);
    }
    void addPartition(const QString &path, DeviceNumber number, quint64 sectors, DeviceNumber disk,
                      quint64 start)
    {
        ResolvedDevice device{{number, sectors, 512, path}, disk, start, {}};
        devices.insert(path, device);
        devices.insert(number.toString(), device);
    }
    int resolveCalls = 0;

    Result<ResolvedDevice, QString> resolve(const DeviceReference &reference) override
    {
        ++resolveCalls;
        const QString key = reference.toString();
        if (!devices.contains(key)) {
            return fail(QStringLiteral("%1 does not exist").arg(key));
        }
        return devices.value(key);
    }
    QList<DeviceClaim> systemClaims() override { return claims; }
    QList<DeviceClaim> foreign; // Foreign claims, answered for the disks asked about
    QList<DeviceClaim> foreignClaims(const QList<DeviceNumber> &disks) override
    {
        QList<DeviceClaim> onDisks;
        std::copy_if(foreign.cbegin(), foreign.cend(), std::back_inserter(onDisks),
                     [&](const DeviceClaim &claim) { return disks.contains(claim.disk); });
        return onDisks;
    }
    QMultiHash<QString, QString> builtOn; // "254:1" -> "254:0": 254:1 uses 254:0
    bool dependsOn(DeviceNumber device, DeviceNumber on) override
    {
        if (device == on) {
            return true;
        }
        const QStringList below = builtOn.values(device.toString());
        return std::any_of(below.cbegin(), below.cend(),
                           [&](const QString &next) { return dependsOn(*parseDeviceNumber(next), on); });
    }
};

// Answers from a policy after `delayMs`, from the event loop like polkit.
class FakeAuthorizer final : public Authorizer
{
public:
    struct Request
    {
        QString action;
        QString busName;
        bool allowInteraction;
        AuthorizationDetails details;
    };
    std::function<AuthorizationResult(const QString &action, const QString &busName)> policy =
        [](const QString &, const QString &) { return AuthorizationResult::Authorized; };
    int delayMs = 0;
    QList<Request> requests;
    QList<Ticket> cancelled;

    Ticket check(const QString &actionId, const QString &busName, const AuthorizationDetails &details,
                 bool allowInteraction,
                 std::function<void(AuthorizationResult, const QString &)> done) override
    {
        requests.append({actionId, busName, allowInteraction, details});
        const AuthorizationResult result = policy(actionId, busName);
        const Ticket ticket = ++m_lastTicket;
        // Owned by this object: an answer still pending when a test tears down never arrives.
        auto *timer = new QTimer(&m_context);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, timer,
                         [this, ticket, timer, done = std::move(done), result]() {
                             m_running.remove(ticket);
                             timer->deleteLater();
                             done(result, QString());
                         });
        m_running.insert(ticket, timer);
        timer->start(delayMs);
        return ticket;
    }
    void cancel(Ticket ticket) override
    {
        if (QTimer *timer = m_running.take(ticket)) {
            cancelled.append(ticket);
            timer->deleteLater();
        }
    }
    /* Checks asked for and not answered or cancelled yet. */
    int running() const { return int(m_running.size()); }

private:
    QObject m_context;
    Ticket m_lastTicket = 0;
    QHash<Ticket, QTimer *> m_running;
};

} // namespace Volmap::Fakes
