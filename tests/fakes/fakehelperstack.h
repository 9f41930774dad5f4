#pragma once

// The real HelperService with fake kernel parts, on a private bus, plus
// the two clients the app uses: what the GUI tests run the window against.

#include "fakehelperparts.h"
#include "helper1adaptor.h"
#include "helperclient.h"
#include "helperprotocol.h"
#include "helperservice.h"
#include "privatebus.h"

#include <QTest>

namespace Volmap::Fakes {

class FakeHelperStack
{
public:
    ~FakeHelperStack() { stop(); }

    /* Starts the private bus once; a test failure if dbus-daemon is missing. */
    void startBus() { m_bus.start(); }

    /* A fresh service knowing FakeSystem::addStackDisks()' devices, and clients. */
    void start()
    {
        ++m_round;
        backend = std::make_unique<FakeBackend>();
        modules = std::make_unique<FakeModules>();
        devices = std::make_unique<FakeDevices>();
        authorizer = std::make_unique<FakeAuthorizer>();
        authorizer->delayMs = 20;
        devices->addDisk(QStringLiteral("/dev/sdb"), {8, 16}, 4194304);
        devices->addDisk(QStringLiteral("/dev/sdc"), {8, 32}, 2097152);
        devices->addPartition(QStringLiteral("/dev/sdc1"), {8, 33}, 1000000, {8, 32}, 2048);
        service = std::make_unique<HelperService>(*backend, *modules, *devices, *authorizer);
        new Helper1Adaptor(service.get());
        QDBusConnection connection = QDBusConnection::connectToBus(m_bus.address(), name(u"service"));
        service->watchCallersOn(connection);
        QVERIFY(connection.registerObject(HelperProtocol::objectPath(), service.get()));
        QVERIFY(connection.registerService(HelperProtocol::serviceName()));
        client = std::make_unique<HelperClient>(QDBusConnection::connectToBus(m_bus.address(), name(u"client")));
        samplingClient = std::make_unique<HelperClient>(QDBusConnection::connectToBus(m_bus.address(), name(u"sampling")));
        samplingClient->setInteractive(false);
    }

    /* The helper leaves the bus, as if it were not installed, and comes back. */
    void unregisterService() { QDBusConnection(name(u"service")).unregisterService(HelperProtocol::serviceName()); }
    void registerService() { QVERIFY(QDBusConnection(name(u"service")).registerService(HelperProtocol::serviceName())); }

    void stop()
    {
        if (!service) {
            return;
        }
        client.reset();
        samplingClient.reset();
        QDBusConnection::disconnectFromBus(name(u"client"));
        QDBusConnection::disconnectFromBus(name(u"sampling"));
        QDBusConnection connection(name(u"service"));
        connection.unregisterService(HelperProtocol::serviceName());
        connection.unregisterObject(HelperProtocol::objectPath());
        QDBusConnection::disconnectFromBus(name(u"service"));
        authorizer.reset(); // drops its pending answers before the service they call goes
        service.reset();
    }

    std::unique_ptr<FakeBackend> backend;
    std::unique_ptr<FakeModules> modules;
    std::unique_ptr<FakeDevices> devices;
    std::unique_ptr<FakeAuthorizer> authorizer;
    std::unique_ptr<HelperService> service;
    std::unique_ptr<HelperClient> client;
    std::unique_ptr<HelperClient> samplingClient;

private:
    QString name(QStringView role) const { return QStringLiteral("%1-%2").arg(role).arg(m_round); }

    PrivateBus m_bus;
    int m_round = 0;
};

} // namespace Volmap::Fakes
