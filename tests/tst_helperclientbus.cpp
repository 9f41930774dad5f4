// SPDX-License-Identifier: GPL-2.0-or-later
// What HelperClient asks of the bus itself, as dbus-monitor sees it on a
// private bus with the fake helper: a client that only calls (volmapctl:
// one call per process) does not subscribe to MappingsChanged, which
// would cost it a match rule and a blocking GetNameOwner; one with a
// receiver subscribes once and gets the signal.

#include "fakes/fakehelperservice.h"
#include "fakes/privatebus.h"
#include "helperclient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Volmap;

namespace {

const QString SdbTable = QStringLiteral("0 2048 linear /dev/sdb 0\n");

/* The AddMatch rules dbus-monitor printed, one per line, with the sender's unique name in front. */
QStringList addedMatches(const QString &monitorOutput)
{
    QStringList rules;
    QString sender;
    bool inAddMatch = false;
    for (const QString &line : monitorOutput.split(u'\n')) {
        if (line.startsWith(u"method call")) {
            inAddMatch = line.contains(u"member=AddMatch");
            sender = line.section(QStringLiteral("sender="), 1).section(u' ', 0, 0);
        } else if (inAddMatch && line.trimmed().startsWith(u"string ")) {
            rules.append(sender + u' ' + line.trimmed());
            inAddMatch = false;
        }
    }
    return rules;
}

} // namespace

class TestHelperClientBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void followsChangesOnlyForAReceiver();

private:
    Fakes::PrivateBus m_bus;
    Fakes::FakeHelperService m_fake;
    QProcess m_monitor;
};

void TestHelperClientBus::initTestCase()
{
    m_bus.start();
    m_fake.start(m_bus.address());
    m_monitor.start(
        QStringLiteral("dbus-monitor"),
        {QStringLiteral("--address"), m_bus.address(),
         QStringLiteral("type='method_call',interface='org.freedesktop.DBus',member='AddMatch'")});
    QVERIFY2(m_monitor.waitForStarted(), "dbus-monitor is needed (package dbus-bin)");
    // It says NameLost once it is a monitor: from then on it sees every AddMatch.
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += m_monitor.readAllStandardOutput()).contains("member=NameLost")
                                 || m_monitor.state() == QProcess::NotRunning,
                             10000);
    QCOMPARE(m_monitor.state(), QProcess::Running);
}

void TestHelperClientBus::cleanupTestCase()
{
    m_monitor.kill();
    m_monitor.waitForFinished();
    m_fake.stop();
}

void TestHelperClientBus::followsChangesOnlyForAReceiver()
{
    HelperClient calling(m_fake.connect(u"calling"));
    const QString callingName = m_fake.connect(u"calling").baseService();
    std::optional<ClientResult<QList<MappingSummary>>> listed;
    calling.listMappings([&](const ClientResult<QList<MappingSummary>> &result) { listed = result; });
    QTRY_VERIFY(listed.has_value());
    QVERIFY(listed->has_value());

    HelperClient listening(m_fake.connect(u"listening"));
    const QString listeningName = m_fake.connect(u"listening").baseService();
    QSignalSpy changed(&listening, &HelperClient::mappingsChanged);
    QSignalSpy alsoChanged(&listening, &HelperClient::mappingsChanged); // a second receiver: no second rule
    std::optional<ClientResult<QString>> created;
    calling.create(QStringLiteral("data"), SdbTable, false,
                   [&](const ClientResult<QString> &result) { created = result; });
    QTRY_VERIFY(created.has_value());
    QVERIFY2(created->has_value(), created->has_value() ? "" : qPrintable(created->error().message));
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(alsoChanged.size(), 1);

    // The monitor has seen the listener's rule before the signal came.
    QString output;
    QTRY_VERIFY((output += QString::fromUtf8(m_monitor.readAllStandardOutput())).contains(listeningName));
    const QStringList rules = addedMatches(output);
    const auto changeRules = rules.filter(QStringLiteral("member='MappingsChanged'"));
    QCOMPARE(changeRules.size(), 1);
    QVERIFY2(changeRules.first().startsWith(listeningName + u' '), qPrintable(rules.join(u'\n')));
    // The calling client's own rules: the proxy's watch of the helper's name, nothing more.
    QVERIFY2(!rules.filter(callingName + u' ').isEmpty(), qPrintable(rules.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestHelperClientBus)
#include "tst_helperclientbus.moc"
