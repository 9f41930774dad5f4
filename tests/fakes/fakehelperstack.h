// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The real HelperService with fake kernel parts, on a private bus, plus
// the two clients the app uses: what the GUI tests run the window against.

#include "fakehelperservice.h"
#include "helperclient.h"
#include "privatebus.h"

namespace Volmap::Fakes {

class FakeHelperStack : public FakeHelperService
{
public:
    ~FakeHelperStack() { stop(); }

    /* Starts the private bus once; a test failure if dbus-daemon is missing. */
    void startBus() { m_bus.start(); }

    /* A fresh service knowing FakeSystem::addStackDisks()' devices, and clients. */
    void start()
    {
        FakeHelperService::start(m_bus.address());
        authorizer->delayMs = 20;
        client = std::make_unique<HelperClient>(connect(u"client"));
        samplingClient = std::make_unique<HelperClient>(connect(u"sampling"));
        samplingClient->setInteractive(false);
    }

    /* The helper leaves the bus, as if it were not installed, and comes back. */
    void unregisterService()
    {
        QDBusConnection(connectionName(u"service")).unregisterService(HelperProtocol::serviceName());
    }
    void registerService()
    {
        QVERIFY(QDBusConnection(connectionName(u"service")).registerService(HelperProtocol::serviceName()));
    }

    void stop()
    {
        client.reset();
        samplingClient.reset();
        FakeHelperService::stop();
    }

    std::unique_ptr<HelperClient> client;
    std::unique_ptr<HelperClient> samplingClient;

private:
    PrivateBus m_bus;
};

} // namespace Volmap::Fakes
