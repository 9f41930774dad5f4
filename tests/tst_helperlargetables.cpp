// SPDX-License-Identifier: GPL-2.0-or-later
// Tables passed as a sealed memfd (table-fd) through the helper, on a
// private bus with fake privileged parts: such a table is read only once
// polkit allows the caller the verb, and polkit is then asked again with
// the devices it names; a short string as before.

#include "fakes/fakehelperservice.h"
#include "fakes/privatebus.h"
#include "fakes/tablefds.h"
#include "helper1interface.h"

#include <QDBusMetaType>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString Devices = QStringLiteral("volmap.devices");
const QString DeviceNumbers = QStringLiteral("volmap.device-numbers");
const QString Segments = QStringLiteral("volmap.segments");

bool waitFor(const QDBusPendingCall &call)
{
    return QTest::qWaitFor([&]() { return call.isFinished(); }, 60000);
}

QVariantMap fdOf(const QString &table, QVariantMap options = {})
{
    return withFd(memfdWith(table.toUtf8()), std::move(options));
}

} // namespace

class TestHelperLargeTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void smallTableIsReadBeforePolkitIsAsked();
    void refusedCallersLargeTableIsNotRead_data();
    void refusedCallersLargeTableIsNotRead();
    void allowedLargeTableIsAskedAboutTwice();
    void allowedCallersJunkIsStillInvalid();
    void secondCheckWithTheDevicesCanRefuse();
    void reloadOfALargeTable();
    void callerLeavingDuringTheSecondCheckGetsNothingDone();
    void onlyTwoReadTablesAreHeldAtOnce();

private:
    std::unique_ptr<OrgVolmapHelper1Interface> clientOn(QStringView role);
    void expectError(const QDBusPendingCall &call, const QString &errorName, const QString &messagePart = {});

    PrivateBus m_bus;
    FakeHelperService m_fake;
};

void TestHelperLargeTables::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.start();
}

void TestHelperLargeTables::init()
{
    m_fake.start(m_bus.address());
}

void TestHelperLargeTables::cleanup()
{
    m_fake.stop();
}

std::unique_ptr<OrgVolmapHelper1Interface> TestHelperLargeTables::clientOn(QStringView role)
{
    auto client = std::make_unique<OrgVolmapHelper1Interface>(
        HelperProtocol::serviceName(), HelperProtocol::objectPath(), m_fake.connect(role));
    client->setTimeout(120000);
    return client;
}

void TestHelperLargeTables::expectError(const QDBusPendingCall &call, const QString &errorName,
                                        const QString &messagePart)
{
    QVERIFY(waitFor(call));
    QVERIFY2(call.isError(), "the call succeeded");
    QCOMPARE(call.error().name(), errorName);
    QVERIFY2(call.error().message().contains(messagePart), qPrintable(call.error().message().left(300)));
}

void TestHelperLargeTables::smallTableIsReadBeforePolkitIsAsked()
{
    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::NotAuthorized;
    };
    auto client = clientOn(u"small");
    // At the bound: still admitted first, so junk is InvalidArgument and polkit is never asked.
    const QString text = junk(Admission::MaxTextReadBeforeAuthorization);
    QCOMPARE(text.size(), Admission::MaxTextReadBeforeAuthorization);
    expectError(client->CreateMapping(QStringLiteral("small"), text, {}),
                HelperProtocol::Error::invalidArgument(), QStringLiteral("line 1"));
    QVERIFY(m_fake.authorizer->requests.isEmpty());
    expectError(client->CreateMapping(QStringLiteral("small"), tableOn(2), {}),
                HelperProtocol::Error::notAuthorized());
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    QCOMPARE(m_fake.authorizer->requests[0].details.value(DeviceNumbers), QStringLiteral("8:16"));
    QCOMPARE(m_fake.devices->resolveCalls, 1);
}

void TestHelperLargeTables::refusedCallersLargeTableIsNotRead_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("result");
    QTest::newRow("100 bytes of junk, refused") << junk(100) << int(AuthorizationResult::NotAuthorized);
    QTest::newRow("junk just past the string bound, refused")
        << junk(Admission::MaxTextReadBeforeAuthorization + 2) << int(AuthorizationResult::NotAuthorized);
    QTest::newRow("8 MiB of junk, dismissed")
        << junk(Admission::MaxTableText) << int(AuthorizationResult::Dismissed);
    QTest::newRow("a valid 5000-segment table, no agent")
        << tableOn(5000) << int(AuthorizationResult::NoAuthenticationAgent);
}

void TestHelperLargeTables::refusedCallersLargeTableIsNotRead()
{
    QFETCH(QString, table);
    QFETCH(int, result);
    m_fake.authorizer->policy = [result](const QString &, const QString &) {
        return AuthorizationResult(result);
    };
    auto client = clientOn(u"refused");
    auto call = client->CreateMapping(QStringLiteral("big"), {}, fdOf(table));
    QVERIFY(waitFor(call));
    QVERIFY(call.isError());
    // Junk would be InvalidArgument had it been read: polkit's answer is
    // all the caller gets, and no device was looked up.
    QVERIFY2(call.error().name() != HelperProtocol::Error::invalidArgument(),
             qPrintable(call.error().message().left(300)));
    QVERIFY2(call.error().message().contains(u"create mappings"), qPrintable(call.error().message()));
    QCOMPARE(m_fake.devices->resolveCalls, 0);
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    const FakeAuthorizer::Request &asked = m_fake.authorizer->requests[0];
    QCOMPARE(asked.action, HelperProtocol::Action::create());
    QCOMPARE(asked.details.value(QStringLiteral("volmap.name")), QStringLiteral("big"));
    QVERIFY(!asked.details.contains(DeviceNumbers));
    QVERIFY(!asked.details.contains(Segments));
    // The prompt's message names the devices: it says they are not read yet.
    QVERIFY2(asked.details.value(Devices).contains(QString::number(table.size())),
             qPrintable(asked.details.value(Devices)));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    // Nothing waits and no descriptor is held once the client lets go of its own.
    QCOMPARE(m_fake.service->pendingCalls(), 0);
    QVERIFY(openMemfds() > 0); // the sent message's, which the pending call keeps
    call = QDBusPendingCall::fromCompletedCall(QDBusMessage());
    QTRY_COMPARE(openMemfds(), 0);
}

void TestHelperLargeTables::allowedLargeTableIsAskedAboutTwice()
{
    auto client = clientOn(u"allowed");
    auto call = client->CreateMapping(QStringLiteral("big"), {},
                                      fdOf(tableOn(5000), {{HelperProtocol::Option::readOnly(), true}}));
    QVERIFY(waitFor(call));
    QVERIFY2(!call.isError(), qPrintable(call.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), 2);
    const FakeAuthorizer::Request &first = m_fake.authorizer->requests[0];
    const FakeAuthorizer::Request &second = m_fake.authorizer->requests[1];
    QCOMPARE(first.action, HelperProtocol::Action::create());
    QCOMPARE(second.action, HelperProtocol::Action::create());
    QVERIFY(!first.details.contains(DeviceNumbers));
    QCOMPARE(second.details.value(DeviceNumbers), QStringLiteral("8:16"));
    QCOMPARE(second.details.value(QStringLiteral("volmap.device-count")), QStringLiteral("1"));
    QCOMPARE(second.details.value(Segments), QStringLiteral("5000"));
    QVERIFY2(second.details.value(Devices).startsWith(u"/dev/sdb"),
             qPrintable(second.details.value(Devices)));
    for (const FakeAuthorizer::Request &request : {first, second}) {
        QCOMPARE(request.details.value(QStringLiteral("volmap.name")), QStringLiteral("big"));
        QCOMPARE(request.details.value(QStringLiteral("volmap.read-only")), QStringLiteral("true"));
        QCOMPARE(request.allowInteraction, true);
    }
    // Resolved for polkit, and again when acting: each distinct device once each time.
    QCOMPARE(m_fake.devices->resolveCalls, 2);
    const MappingState created = m_fake.backend->mappings.value(QStringLiteral("big"));
    QCOMPARE(created.table.size(), 5000);
    QCOMPARE(created.table.last().parameters, QStringLiteral("8:16 39992"));
    QVERIFY(created.readOnly);
    QVERIFY(openMemfds() > 0); // the sent message's, which the pending call keeps
    call = QDBusPendingCall::fromCompletedCall(QDBusMessage());
    QTRY_COMPARE(openMemfds(), 0);
}

void TestHelperLargeTables::allowedCallersJunkIsStillInvalid()
{
    auto client = clientOn(u"junk");
    expectError(client->CreateMapping(QStringLiteral("junk"), {}, fdOf(junk(Admission::MaxTableText))),
                HelperProtocol::Error::invalidArgument(), QStringLiteral("more problems"));
    // Asked once, without devices; what the table is came after.
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    QVERIFY(!m_fake.authorizer->requests[0].details.contains(DeviceNumbers));
    expectError(client->CreateMapping(
                    QStringLiteral("gone"), {},
                    fdOf(tableOn(5000).replace(QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdx")))),
                HelperProtocol::Error::invalidArgument(), QStringLiteral("/dev/sdx"));
    QCOMPARE(m_fake.authorizer->requests.size(), 2);
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperLargeTables::secondCheckWithTheDevicesCanRefuse()
{
    // A rule that allows the verb and refuses once it sees the devices.
    auto asked = std::make_shared<int>(0);
    m_fake.authorizer->policy = [asked](const QString &, const QString &) {
        return ++*asked == 1 ? AuthorizationResult::Authorized : AuthorizationResult::NotAuthorized;
    };
    auto client = clientOn(u"rules");
    expectError(client->CreateMapping(QStringLiteral("big"), {}, fdOf(tableOn(5000))),
                HelperProtocol::Error::notAuthorized(), QStringLiteral("create mappings"));
    QCOMPARE(*asked, 2);
    QCOMPARE(m_fake.authorizer->requests[1].details.value(DeviceNumbers), QStringLiteral("8:16"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QVERIFY(m_fake.modules->loaded.isEmpty());
}

void TestHelperLargeTables::reloadOfALargeTable()
{
    auto client = clientOn(u"reload");
    auto created = client->CreateMapping(QStringLiteral("big"), tableOn(2), {});
    QVERIFY(waitFor(created));
    QVERIFY2(!created.isError(), qPrintable(created.error().message()));
    m_fake.authorizer->requests.clear();
    auto reloaded = client->ReloadMapping(QStringLiteral("big"), {}, fdOf(tableOn(4000)));
    QVERIFY(waitFor(reloaded));
    QVERIFY2(!reloaded.isError(), qPrintable(reloaded.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), 2);
    QCOMPARE(m_fake.authorizer->requests[0].action, HelperProtocol::Action::reload());
    QCOMPARE(m_fake.authorizer->requests[1].details.value(Segments), QStringLiteral("4000"));
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("big")).table.size(), 4000);
}

void TestHelperLargeTables::callerLeavingDuringTheSecondCheckGetsNothingDone()
{
    // The first check is answered at once; the second, with the devices, takes a minute.
    auto asked = std::make_shared<int>(0);
    FakeAuthorizer *authorizer = m_fake.authorizer.get();
    authorizer->policy = [asked, authorizer](const QString &, const QString &) {
        if (++*asked == 2) {
            authorizer->delayMs = 60000;
        }
        return AuthorizationResult::Authorized;
    };
    auto client = clientOn(u"leaving");
    client->CreateMapping(QStringLiteral("big"), {}, fdOf(tableOn(20000)));
    QTRY_COMPARE_WITH_TIMEOUT(*asked, 2, 30000);
    QCOMPARE(m_fake.authorizer->requests[1].details.value(Segments), QStringLiteral("20000"));
    QCOMPARE(m_fake.authorizer->running(), 1);
    client.reset();
    m_fake.disconnect(u"leaving");
    QTRY_COMPARE_WITH_TIMEOUT(m_fake.service->pendingCalls(), 0, 30000);
    QCOMPARE(m_fake.authorizer->running(), 0);
    QCOMPARE(m_fake.authorizer->cancelled.size(), 1);
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperLargeTables::onlyTwoReadTablesAreHeldAtOnce()
{
    // First checks are answered at once, those with the devices never:
    // every call that got that far holds its read table.
    FakeAuthorizer *authorizer = m_fake.authorizer.get();
    authorizer->policy = [authorizer](const QString &, const QString &) {
        authorizer->delayMs = authorizer->requests.last().details.contains(DeviceNumbers) ? 600000 : 0;
        return AuthorizationResult::Authorized;
    };
    const auto secondChecks = [authorizer]() {
        return std::count_if(
            authorizer->requests.cbegin(), authorizer->requests.cend(),
            [](const FakeAuthorizer::Request &request) { return request.details.contains(DeviceNumbers); });
    };
    auto first = clientOn(u"first");
    first->CreateMapping(QStringLiteral("a1"), {}, fdOf(tableOn(3000)));
    first->CreateMapping(QStringLiteral("a2"), {}, fdOf(tableOn(3000)));
    QTRY_COMPARE_WITH_TIMEOUT(secondChecks(), 2, 30000);
    auto second = clientOn(u"second");
    second->CreateMapping(QStringLiteral("b1"), {}, fdOf(tableOn(3000)));
    // Two first checks and two second ones, then b1's first.
    QTRY_COMPARE_WITH_TIMEOUT(authorizer->requests.size(), 5, 30000);
    // b1 was allowed the verb, and waits to be read.
    QTest::qWait(300);
    QCOMPARE(secondChecks(), 2);
    QCOMPARE(m_fake.service->pendingCalls(), 3);
    // The first caller leaves with both its calls: b1 is read and asked about.
    first.reset();
    m_fake.disconnect(u"first");
    QTRY_COMPARE_WITH_TIMEOUT(secondChecks(), 3, 30000);
    QCOMPARE(authorizer->requests.last().details.value(QStringLiteral("volmap.name")), QStringLiteral("b1"));
    QCOMPARE(m_fake.service->pendingCalls(), 1);
}

QTEST_GUILESS_MAIN(TestHelperLargeTables)
#include "tst_helperlargetables.moc"
