#pragma once

// A dbus-daemon of the test's own, so services and clients meet without
// touching the machine's buses. Stopped when the object goes.

#include <QProcess>
#include <QTest>

namespace Volmap::Fakes {

class PrivateBus
{
public:
    ~PrivateBus()
    {
        m_daemon.terminate();
        m_daemon.waitForFinished();
    }

    /* A test failure if dbus-daemon is missing or says no address. */
    void start()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        QVERIFY2(m_daemon.waitForStarted(), "dbus-daemon is not installed");
        QVERIFY(QTest::qWaitFor([&]() { return m_daemon.canReadLine(); }, 10000));
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    QString address() const { return m_address; }

private:
    QProcess m_daemon;
    QString m_address;
};

} // namespace Volmap::Fakes
