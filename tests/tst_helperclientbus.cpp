// SPDX-License-Identifier: GPL-2.0-or-later
// What HelperClient asks of the bus itself, as dbus-monitor sees it on a
// private bus with the fake helper: a client that only calls (volmapctl:
// one call per process) adds no match rule and asks for no name owner
// (the generated proxy's watch of the helper's name would cost both, a
// blocking round trip among them); one with a receiver subscribes once
// and gets the signal.

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

/* The unique names that called the bus's GetNameOwner, as dbus-monitor printed them. */
QStringList nameOwnerCallers(const QString &monitorOutput)
{
    QStringList senders;
    for (const QString &line : monitorOutput.split(u'\n')) {
        if (line.startsWith(u"method call") && line.contains(u"member=GetNameOwner")) {
            senders.append(line.section(QStringLiteral("sender="), 1).section(u' ', 0, 0));
        }
    }
    return senders;
}

} // namespace

class TestHelperClientBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void followsChangesOnlyForAReceiver();
    void everyCallIsOneTheHelperKnows();

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
         QStringLiteral("type='method_call',interface='org.freedesktop.DBus',member='AddMatch'"),
         QStringLiteral("type='method_call',interface='org.freedesktop.DBus',member='GetNameOwner'")});
    QVERIFY2(m_monitor.waitForStarted(), "dbus-monitor is needed (package dbus-bin)");
    // It says NameLost once it is a monitor: from then on it sees every AddMatch and GetNameOwner.
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

    // The monitor has seen the listener's rule and name watch before the signal came.
    QString output;
    QTRY_VERIFY(nameOwnerCallers(output += QString::fromUtf8(m_monitor.readAllStandardOutput()))
                    .contains(listeningName));
    const QStringList rules = addedMatches(output);
    const auto changeRules = rules.filter(QStringLiteral("member='MappingsChanged'"));
    QCOMPARE(changeRules.size(), 1);
    QVERIFY2(changeRules.first().startsWith(listeningName + u' '), qPrintable(rules.join(u'\n')));
    // The calling client asked the bus for nothing but its calls; the
    // listening one watches the helper's name (the signal's sender).
    QVERIFY2(rules.filter(callingName + u' ').isEmpty(), qPrintable(rules.join(u'\n')));
    const QStringList ownerCallers = nameOwnerCallers(output);
    QVERIFY2(!ownerCallers.contains(callingName), qPrintable(ownerCallers.join(u' ')));
}

/*
 * HelperClient sends its calls by name, not through the generated proxy:
 * each must reach a method of the contract with arguments of its types.
 * The helper may refuse a call (no such mapping), never as unknown.
 */
void TestHelperClientBus::everyCallIsOneTheHelperKnows()
{
    HelperClient client(m_fake.connect(u"every"));
    QStringList answered;
    auto check = [&answered](const QString &what) {
        return [&answered, what](const auto &result) {
            const QString name = result.has_value() ? QString() : result.error().dbusName;
            QVERIFY2(!name.startsWith(u"org.freedesktop.DBus.Error."),
                     qPrintable(what + QStringLiteral(": ") + name));
            answered.append(what);
        };
    };
    const QString absent = QStringLiteral("absent");
    client.capabilities(check(QStringLiteral("GetCapabilities")));
    client.loadTargetModule(check(QStringLiteral("LoadTargetModule")));
    client.listMappings(check(QStringLiteral("ListMappings")));
    client.table(absent, check(QStringLiteral("GetTable")));
    client.status(absent, check(QStringLiteral("GetStatus")));
    client.create(absent, SdbTable, true, check(QStringLiteral("CreateMapping")));
    client.reload(QStringLiteral("nothing"), SdbTable, check(QStringLiteral("ReloadMapping")));
    client.resetCounters(QStringLiteral("nothing"), check(QStringLiteral("ResetCounters")));
    client.setPersistent(QStringLiteral("nothing"), true, check(QStringLiteral("SetPersistent")));
    client.listSaved(check(QStringLiteral("ListSavedMappings")));
    client.assembleSaved(check(QStringLiteral("AssembleSaved")));
    client.remove(absent, false, true, check(QStringLiteral("RemoveMapping")));
    QTRY_COMPARE(answered.size(), 12);
}

QTEST_GUILESS_MAIN(TestHelperClientBus)
#include "tst_helperclientbus.moc"
