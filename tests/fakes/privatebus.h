// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A dbus-daemon of the test's own, so services and clients meet without
// touching the machine's buses. Stopped when the object goes.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
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
    void start() { startWith({QStringLiteral("--session")}); }
    QString address() const { return m_address; }

    /*
     * A bus any uid may connect to and call anything on, as on the system
     * bus with the helper's policy: for tests whose clients run as other users.
     */
    void startForEveryUser()
    {
        QVERIFY(m_configDir.isValid());
        const QString config = m_configDir.filePath(QStringLiteral("bus.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                   " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\n"
                   "<policy context=\"default\"><allow user=\"*\"/><allow own=\"*\"/>"
                   "<allow send_destination=\"*\"/><allow receive_sender=\"*\"/></policy></busconfig>\n");
        file.close();
        startWith({QStringLiteral("--config-file=") + config});
    }

    /* Ends the daemon: every connection to it is dropped. */
    void kill()
    {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }

private:
    void startWith(QStringList arguments)
    {
        arguments << QStringLiteral("--nofork") << QStringLiteral("--print-address");
        m_daemon.start(QStringLiteral("dbus-daemon"), arguments);
        QVERIFY2(m_daemon.waitForStarted(), "dbus-daemon is not installed");
        QVERIFY(QTest::qWaitFor([&]() { return m_daemon.canReadLine(); }, 10000));
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    QTemporaryDir m_configDir;
    QProcess m_daemon;
    QString m_address;
};

} // namespace Volmap::Fakes
