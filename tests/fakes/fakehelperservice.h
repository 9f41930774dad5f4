// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The real HelperService with fake kernel parts, registered on a bus the
// test runs: what the dbus tests call, and what the GUI tests' stack
// builds on. Each start() makes fresh fakes knowing sdb, sdc and sdc1.

#include "fakehelperparts.h"
#include "helper1adaptor.h"
#include "helperprotocol.h"
#include "helperservice.h"

#include <QTest>

namespace Volmap::Fakes {

class FakeHelperService
{
public:
    ~FakeHelperService() { stop(); }

    void start(const QString &busAddress)
    {
        ++m_round;
        m_busAddress = busAddress;
        backend = std::make_unique<FakeBackend>();
        modules = std::make_unique<FakeModules>();
        devices = std::make_unique<FakeDevices>();
        authorizer = std::make_unique<FakeAuthorizer>();
        devices->addDisk(QStringLiteral("/dev/sdb"), {8, 16}, 4194304);
        devices->addDisk(QStringLiteral("/dev/sdc"), {8, 32}, 2097152);
        devices->addPartition(QStringLiteral("/dev/sdc1"), {8, 33}, 1000000, {8, 32}, 2048);
        service = std::make_unique<HelperService>(*backend, *modules, *devices, *authorizer);
        new Helper1Adaptor(service.get());
        QDBusConnection connection = QDBusConnection::connectToBus(busAddress, connectionName(u"service"));
        QVERIFY(connection.isConnected());
        service->watchCallersOn(connection);
        QVERIFY(connection.registerObject(HelperProtocol::objectPath(), service.get()));
        QVERIFY(connection.registerService(HelperProtocol::serviceName()));
    }

    void stop()
    {
        if (!service) {
            return;
        }
        for (const QString &name : std::as_const(m_clientConnections)) {
            QDBusConnection::disconnectFromBus(name);
        }
        m_clientConnections.clear();
        QDBusConnection connection(connectionName(u"service"));
        connection.unregisterService(HelperProtocol::serviceName());
        connection.unregisterObject(HelperProtocol::objectPath());
        QDBusConnection::disconnectFromBus(connectionName(u"service"));
        authorizer.reset(); // drops its pending answers before the service they call goes
        service.reset();
    }

    /* A new connection to the bus, closed by stop(); `role` names it for this round. */
    QDBusConnection connect(QStringView role)
    {
        m_clientConnections.append(connectionName(role));
        return QDBusConnection::connectToBus(m_busAddress, m_clientConnections.constLast());
    }
    /* Closes a connection connect() made: the bus tells the service its caller left. */
    void disconnect(QStringView role)
    {
        m_clientConnections.removeAll(connectionName(role));
        QDBusConnection::disconnectFromBus(connectionName(role));
    }

    std::unique_ptr<FakeBackend> backend;
    std::unique_ptr<FakeModules> modules;
    std::unique_ptr<FakeDevices> devices;
    std::unique_ptr<FakeAuthorizer> authorizer;
    std::unique_ptr<HelperService> service;

protected:
    QString connectionName(QStringView role) const { return QStringLiteral("%1-%2").arg(role).arg(m_round); }

private:
    QString m_busAddress;
    QStringList m_clientConnections;
    int m_round = 0;
};

} // namespace Volmap::Fakes
