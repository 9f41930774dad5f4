// SPDX-License-Identifier: GPL-2.0-or-later
// The table-fd option at admission, on a private bus with fake privileged
// parts: what is not a sealed memfd of 1 byte to 8 MiB, a table-fd beside
// a non-empty table, and a string over 64 Ki characters are refused with
// InvalidArgument before polkit is asked. And HelperClient's side: a
// string up to 64 Ki characters, a sealed memfd past that.

#include "fakes/fakehelperservice.h"
#include "fakes/privatebus.h"
#include "fakes/tablefds.h"
#include "helper1interface.h"
#include "helperclient.h"

#include <QDBusMetaType>
#include <QTemporaryFile>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

bool waitFor(const QDBusPendingCall &call)
{
    return QTest::qWaitFor([&]() { return call.isFinished(); }, 60000);
}

QDBusUnixFileDescriptor pipeReadEnd()
{
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        return {};
    }
    QDBusUnixFileDescriptor descriptor(ends[0]);
    ::close(ends[0]);
    ::close(ends[1]);
    return descriptor;
}

// A valid table of exactly `characters` characters: segments, then a comment.
QString tableOfLength(qsizetype characters)
{
    QString text = tableOn(2) + QStringLiteral("# ");
    text += QString(characters - text.size() - 1, u'x') + u'\n';
    return text;
}

} // namespace

class TestHelperTableFd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void refusedAtAdmission_data();
    void refusedAtAdmission();
    void fileOnDiskIsRefused();
    void smallSealedTableTakesTheLongWay();
    void clientSendsLongTablesAsFd_data();
    void clientSendsLongTablesAsFd();

private:
    PrivateBus m_bus;
    FakeHelperService m_fake;
};

void TestHelperTableFd::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.start();
}

void TestHelperTableFd::init()
{
    m_fake.start(m_bus.address());
}

void TestHelperTableFd::cleanup()
{
    m_fake.stop();
}

void TestHelperTableFd::refusedAtAdmission_data()
{
    const QByteArray table = tableOn(2).toUtf8();
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("unsealed memfd") << QString() << withFd(memfdWith(table, 0))
                                    << QStringLiteral("not sealed");
    QTest::newRow("sealed against writing only")
        << QString() << withFd(memfdWith(table, F_SEAL_WRITE)) << QStringLiteral("not sealed");
    QTest::newRow("pipe") << QString() << withFd(pipeReadEnd()) << QStringLiteral("not a regular file");
    QTest::newRow("empty") << QString() << withFd(memfdWith({})) << QStringLiteral("empty");
    QTest::newRow("one byte over 8 MiB")
        << QString() << withFd(memfdWith(QByteArray(Admission::MaxTableText + 1, '#')))
        << QStringLiteral("holds 8388609 bytes");
    QTest::newRow("table-fd and a table")
        << tableOn(2) << withFd(memfdWith(table)) << QStringLiteral("table argument must be empty");
    QTest::newRow("table-fd not a descriptor")
        << QString() << QVariantMap{{QStringLiteral("table-fd"), QStringLiteral("3")}}
        << QStringLiteral("must be a file descriptor");
    QTest::newRow("string one past 64 Ki")
        << tableOfLength(Admission::MaxTextReadBeforeAuthorization + 1) << QVariantMap()
        << QStringLiteral("must be passed as the table-fd option");
    QTest::newRow("8 MiB string") << junk(Admission::MaxTableText) << QVariantMap()
                                  << QStringLiteral("must be passed as the table-fd option");
}

void TestHelperTableFd::refusedAtAdmission()
{
    QFETCH(QString, text);
    QFETCH(QVariantMap, options);
    QFETCH(QString, message);
    OrgVolmapHelper1Interface client(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                     m_fake.connect(u"refused"));
    for (const bool reload : {false, true}) {
        auto call = reload ? QDBusPendingCall(client.ReloadMapping(QStringLiteral("t"), text, options))
                           : QDBusPendingCall(client.CreateMapping(QStringLiteral("t"), text, options));
        QVERIFY(waitFor(call));
        QVERIFY2(call.isError(), "the call succeeded");
        QCOMPARE(call.error().name(), HelperProtocol::Error::invalidArgument());
        QVERIFY2(call.error().message().contains(message), qPrintable(call.error().message()));
    }
    QVERIFY(m_fake.authorizer->requests.isEmpty());
    QCOMPARE(m_fake.service->pendingCalls(), 0);
}

void TestHelperTableFd::fileOnDiskIsRefused()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(tableOn(2).toUtf8());
    file.flush();
    OrgVolmapHelper1Interface client(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                     m_fake.connect(u"disk"));
    auto call = client.CreateMapping(QStringLiteral("t"), {}, withFd(QDBusUnixFileDescriptor(file.handle())));
    QVERIFY(waitFor(call));
    QCOMPARE(call.error().name(), HelperProtocol::Error::invalidArgument());
    QVERIFY2(call.error().message().contains(u"not sealed"), qPrintable(call.error().message()));
    QVERIFY(m_fake.authorizer->requests.isEmpty());
}

void TestHelperTableFd::smallSealedTableTakesTheLongWay()
{
    // Whatever its size, a table-fd is read only for a caller allowed the verb.
    OrgVolmapHelper1Interface client(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                     m_fake.connect(u"small"));
    auto call = client.CreateMapping(QStringLiteral("small"), {}, withFd(memfdWith(tableOn(2).toUtf8())));
    QVERIFY(waitFor(call));
    QVERIFY2(!call.isError(), qPrintable(call.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), 2);
    QVERIFY(!m_fake.authorizer->requests[0].details.contains(QStringLiteral("volmap.device-numbers")));
    QCOMPARE(m_fake.authorizer->requests[1].details.value(QStringLiteral("volmap.device-numbers")),
             QStringLiteral("8:16"));
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("small")).table.size(), 2);
}

void TestHelperTableFd::clientSendsLongTablesAsFd_data()
{
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<int>("checks");
    QTest::newRow("64 Ki: a string, checked once") << Admission::MaxTextReadBeforeAuthorization << 1;
    QTest::newRow("64 Ki + 1: a memfd, checked twice") << Admission::MaxTextReadBeforeAuthorization + 1 << 2;
}

void TestHelperTableFd::clientSendsLongTablesAsFd()
{
    QFETCH(qsizetype, length);
    QFETCH(int, checks);
    const QString table = tableOfLength(length);
    QCOMPARE(table.size(), length);
    HelperClient client(m_fake.connect(u"client"));
    std::optional<ClientResult<QString>> created;
    client.create(QStringLiteral("c"), table, false,
                  [&](const ClientResult<QString> &result) { created = result; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 60000);
    QVERIFY2(created->has_value(), qPrintable(created->has_value() ? QString() : created->error().message));
    QCOMPARE(m_fake.authorizer->requests.size(), checks);
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("c")).table.size(), 2);
    // Reload goes the same way.
    m_fake.authorizer->requests.clear();
    std::optional<ClientResult<Done>> reloaded;
    client.reload(QStringLiteral("c"), table, [&](const ClientResult<Done> &result) { reloaded = result; });
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.has_value(), 60000);
    QVERIFY2(reloaded->has_value(),
             qPrintable(reloaded->has_value() ? QString() : reloaded->error().message));
    QCOMPARE(m_fake.authorizer->requests.size(), checks);
}

QTEST_GUILESS_MAIN(TestHelperTableFd)
#include "tst_helpertablefd.moc"
