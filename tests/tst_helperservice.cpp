// SPDX-License-Identifier: GPL-2.0-or-later
// The helper service on a private D-Bus bus with fake privileged parts:
// every named error, delayed replies around polkit, serialization, and
// hostile arguments sent over the wire.

#include "fakes/fakehelperservice.h"
#include "fakes/privatebus.h"
#include "helper1interface.h"
#include "helperclient.h"
#include "helperservice.h"
#include "mappinglistmodel.h"
#include "segmentsampler.h"

#include <QAbstractItemModelTester>

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString SdbTable = QStringLiteral("0 2048 basic_target /dev/sdb 0\n2048 2048 linear /dev/sdc1 0\n");

bool waitFor(const QDBusPendingCall &call)
{
    return QTest::qWaitFor([&]() { return call.isFinished(); }, 10000);
}

} // namespace

class TestHelperService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void capabilities();
    void createListStatusTableResetRemove();
    void statusReadsTheErrorsFieldOfNewerModules();
    void createPassesDevicesAsMajorMinor();
    void createReadOnlyAndInteractiveFlags();
    void hostileArgumentsAreInvalid_data();
    void hostileArgumentsAreInvalid();
    void authorizationErrors_data();
    void authorizationErrors();
    void notFoundAndExists();
    void busyAndFailedFromBackend();
    void deviceInUse();
    void overlapNamesTheOtherMapping();
    void overlapAcrossPartitionAndDisk();
    void opaqueMappingHoldsItsDevices();
    void kernelWithoutDeviceMapper();
    void moduleUnavailable();
    void foreignMappingsNeedManageForeign();
    void foreignOwnersDevicesNeedManageForeign();
    void reloadKeepsOwnRangesAndReportsFailure();
    void removeOpenMapping();
    void repliesAreDelayedNotBlocking();
    void concurrentCreatesOfOneName();
    void cleansUpAbandonedMappings();
    void clientAndMappingModelFollowChanges();
    void segmentSamplerComputesRates();
    void foreignTablesAreNotReadBeforeAuthorization();
    void diskAndPartitionRangesCollideWithinATable();
    void resetCountersOfForeignNeedsManageForeign();
    void reloadRefusesStackingOnItself();

private:
    void expectError(const QDBusPendingCall &call, const QString &errorName, const QString &messagePart = {});
    std::unique_ptr<OrgVolmapHelper1Interface> clientOn(QStringView role);

    Volmap::Fakes::PrivateBus m_bus;
    Volmap::Fakes::FakeHelperService m_fake;
    std::unique_ptr<OrgVolmapHelper1Interface> m_client;
};

void TestHelperService::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.start();
}

void TestHelperService::cleanupTestCase() {}

void TestHelperService::init()
{
    m_fake.start(m_bus.address());
    m_client = clientOn(u"client");
}

void TestHelperService::cleanup()
{
    m_client.reset();
    m_fake.stop();
}

std::unique_ptr<OrgVolmapHelper1Interface> TestHelperService::clientOn(QStringView role)
{
    return std::make_unique<OrgVolmapHelper1Interface>(HelperProtocol::serviceName(),
                                                       HelperProtocol::objectPath(), m_fake.connect(role));
}

void TestHelperService::expectError(const QDBusPendingCall &call, const QString &errorName,
                                    const QString &messagePart)
{
    QVERIFY(waitFor(call));
    QVERIFY2(call.isError(), "the call succeeded");
    QCOMPARE(call.error().name(), errorName);
    QVERIFY2(call.error().message().contains(messagePart), qPrintable(call.error().message()));
}

void TestHelperService::capabilities()
{
    auto reply = m_client->GetCapabilities({});
    QVERIFY(waitFor(reply));
    QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
    const QVariantMap capabilities = reply.value();
    QCOMPARE(capabilities.value(QStringLiteral("device-mapper")).toBool(), true);
    QCOMPARE(capabilities.value(QStringLiteral("driver-version")).toString(), QStringLiteral("4.47.0"));
    QCOMPARE(capabilities.value(QStringLiteral("basic-target-loaded")).toBool(), false);
    QCOMPARE(capabilities.value(QStringLiteral("basic-target-available")).toBool(), true);
    QVERIFY(!capabilities.value(QStringLiteral("kernel-release")).toString().isEmpty());
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    QCOMPARE(m_fake.authorizer->requests[0].action, HelperProtocol::Action::read());
}

void TestHelperService::createListStatusTableResetRemove()
{
    QSignalSpy changed(m_client.get(), &OrgVolmapHelper1Interface::MappingsChanged);
    auto created = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QVERIFY(waitFor(created));
    QVERIFY2(created.isValid(), qPrintable(created.error().message()));
    QCOMPARE(created.value(), QStringLiteral("/dev/mapper/data"));
    QCOMPARE(m_fake.modules->loaded,
             QStringList({QStringLiteral("dm-mod"), QStringLiteral("dm-basic-target")}));
    QTRY_COMPARE(changed.count(), 1);

    auto listed = m_client->ListMappings({});
    QVERIFY(waitFor(listed));
    QVERIFY2(listed.isValid(), qPrintable(listed.error().message()));
    QCOMPARE(listed.value().size(), 1);
    const QVariantMap mapping = listed.value().first();
    QCOMPARE(mapping.value(QStringLiteral("name")).toString(), QStringLiteral("data"));
    QVERIFY(mapping.value(QStringLiteral("uuid")).toString().startsWith(u"VOLMAP-"));
    QCOMPARE(mapping.value(QStringLiteral("created-by-volmap")).toBool(), true);
    QCOMPARE(mapping.value(QStringLiteral("targets")).toStringList(),
             QStringList({QStringLiteral("basic_target"), QStringLiteral("linear")}));
    QCOMPARE(mapping.value(QStringLiteral("segment-count")).toUInt(), 2u);
    QCOMPARE(mapping.value(QStringLiteral("length")).toULongLong(), 4096u);

    auto table = m_client->GetTable(QStringLiteral("data"), {});
    QVERIFY(waitFor(table));
    QCOMPARE(table.value(), QStringLiteral("0 2048 basic_target 8:16 0\n2048 2048 linear 8:33 0\n"));

    auto status = m_client->GetStatus(QStringLiteral("data"), {});
    QVERIFY(waitFor(status));
    QVERIFY2(status.isValid(), qPrintable(status.error().message()));
    QCOMPARE(status.value().size(), 2);
    const QVariantMap basic = status.value()[0];
    QCOMPARE(basic.value(QStringLiteral("target")).toString(), QStringLiteral("basic_target"));
    QCOMPARE(basic.value(QStringLiteral("reads")).toULongLong(), 1u);
    QCOMPARE(basic.value(QStringLiteral("writes")).toULongLong(), 2u);
    QCOMPARE(basic.value(QStringLiteral("read-sectors")).toULongLong(), 8u);
    QCOMPARE(basic.value(QStringLiteral("write-sectors")).toULongLong(), 16u);
    QCOMPARE(basic.value(QStringLiteral("flushes")).toULongLong(), 3u);
    QCOMPARE(basic.value(QStringLiteral("discards")).toULongLong(), 4u);
    QVERIFY(!status.value()[1].contains(QStringLiteral("reads")));
    QVERIFY(!basic.contains(QStringLiteral("errors"))); // a 1.0 module's six fields

    auto reset = m_client->ResetCounters(QStringLiteral("data"), {});
    QVERIFY(waitFor(reset));
    QVERIFY2(reset.isValid(), qPrintable(reset.error().message()));
    QCOMPARE(m_fake.backend->messages.size(), 1); // the basic_target segment only
    QCOMPARE(m_fake.backend->messages[0].second, 0u);

    auto removed = m_client->RemoveMapping(QStringLiteral("data"), {});
    QVERIFY(waitFor(removed));
    QVERIFY2(removed.isValid(), qPrintable(removed.error().message()));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QTRY_COMPARE(changed.count(), 2);

    QStringList actions;
    for (const auto &request : std::as_const(m_fake.authorizer->requests)) {
        actions.append(request.action);
    }
    QCOMPARE(actions,
             QStringList({HelperProtocol::Action::create(), HelperProtocol::Action::read(),
                          HelperProtocol::Action::read(), HelperProtocol::Action::read(),
                          HelperProtocol::Action::resetCounters(), HelperProtocol::Action::remove()}));
}

// basic_target 1.1 appends an errors field; the six before it keep their order.
void TestHelperService::statusReadsTheErrorsFieldOfNewerModules()
{
    m_fake.backend->errorsField = true;
    auto created = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QVERIFY(waitFor(created));
    QVERIFY2(created.isValid(), qPrintable(created.error().message()));

    auto status = m_client->GetStatus(QStringLiteral("data"), {});
    QVERIFY(waitFor(status));
    QVERIFY2(status.isValid(), qPrintable(status.error().message()));
    const QVariantMap basic = status.value()[0];
    QCOMPARE(basic.value(QStringLiteral("reads")).toULongLong(), 1u);
    QCOMPARE(basic.value(QStringLiteral("discards")).toULongLong(), 4u);
    QCOMPARE(basic.value(QStringLiteral("errors")).toULongLong(), 5u);
    QCOMPARE(SegmentStatus::fromMap(basic).errors, std::optional<quint64>(5));
    QVERIFY(!status.value()[1].contains(QStringLiteral("errors")));
}

void TestHelperService::createPassesDevicesAsMajorMinor()
{
    auto created = m_client->CreateMapping(QStringLiteral("plain"), QStringLiteral("0 100 linear /dev/sdb 7"),
                                           {});
    QVERIFY(waitFor(created));
    QVERIFY2(created.isValid(), qPrintable(created.error().message()));
    QCOMPARE(m_fake.backend->mappings[QStringLiteral("plain")].table.first().parameters,
             QStringLiteral("8:16 7"));
    // No basic_target in the table: only dm-mod is loaded.
    QCOMPARE(m_fake.modules->loaded, QStringList(QStringLiteral("dm-mod")));
}

void TestHelperService::createReadOnlyAndInteractiveFlags()
{
    auto created = m_client->CreateMapping(
        QStringLiteral("ro"), SdbTable,
        {{QStringLiteral("read-only"), true}, {QStringLiteral("interactive"), false}});
    QVERIFY(waitFor(created));
    QVERIFY2(created.isValid(), qPrintable(created.error().message()));
    QVERIFY(m_fake.backend->mappings[QStringLiteral("ro")].readOnly);
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    QCOMPARE(m_fake.authorizer->requests[0].allowInteraction, false);
    QCOMPARE(m_fake.authorizer->requests[0].busName, m_client->connection().baseService());
}

void TestHelperService::hostileArgumentsAreInvalid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("beforePolkit"); // false: only the devices show it, looked at once authorized
    const QVariantMap none;
    QTest::newRow("newline in name") << QStringLiteral("a\nb") << SdbTable << none
                                     << QStringLiteral("may only") << true;
    QTest::newRow("space in name") << QStringLiteral("a b") << SdbTable << none << QStringLiteral("may only")
                                   << true;
    QTest::newRow("traversal name") << QStringLiteral("../control") << SdbTable << none
                                    << QStringLiteral("may only") << true;
    QTest::newRow("dot-dot") << QStringLiteral("..") << SdbTable << none << QStringLiteral("start with")
                             << true;
    QTest::newRow("300-char name") << QString(300, u'x') << SdbTable << none << QStringLiteral("at most 127")
                                   << true;
    QTest::newRow("empty name") << QString() << SdbTable << none << QStringLiteral("must not be empty")
                                << true;
    QTest::newRow("empty table") << QStringLiteral("t") << QString() << none << QStringLiteral("no segments")
                                 << true;
    QTest::newRow("2^64 length") << QStringLiteral("t") << QStringLiteral("0 18446744073709551616 zero")
                                 << none << QStringLiteral("line 1: length") << true;
    QTest::newRow("negative offset") << QStringLiteral("t") << QStringLiteral("0 8 linear /dev/sdb -1")
                                     << none << QStringLiteral("offset '-1'") << true;
    QTest::newRow("unknown target") << QStringLiteral("t") << QStringLiteral("0 8 crypt x") << none
                                    << QStringLiteral("unsupported target 'crypt'") << true;
    QTest::newRow("extra argument") << QStringLiteral("t") << QStringLiteral("0 8 linear /dev/sdb 0 0")
                                    << none << QStringLiteral("exactly 2 arguments") << true;
    QTest::newRow("/dev/null") << QStringLiteral("t") << QStringLiteral("0 8 linear /dev/null 0") << none
                               << QStringLiteral("/dev/null does not exist") << true;
    QTest::newRow("outside /dev") << QStringLiteral("t") << QStringLiteral("0 8 linear /etc/passwd 0") << none
                                  << QStringLiteral("must be major:minor") << true;
    QTest::newRow("escape /dev") << QStringLiteral("t") << QStringLiteral("0 8 linear /dev/../etc/passwd 0")
                                 << none << QStringLiteral("'..'") << true;
    QTest::newRow("past device end") << QStringLiteral("t")
                                     << QStringLiteral("0 4096 linear /dev/sdc1 999000") << none
                                     << QStringLiteral("lie past its end") << false;
    QTest::newRow("gap") << QStringLiteral("t") << QStringLiteral("0 8 zero\n16 8 zero") << none
                         << QStringLiteral("line 2: gap") << true;
    QTest::newRow("range twice") << QStringLiteral("t")
                                 << QStringLiteral("0 8 linear /dev/sdb 0\n8 8 linear 8:16 4") << none
                                 << QStringLiteral("overlap the range segment 1") << false;
    QTest::newRow("unknown option") << QStringLiteral("t") << SdbTable
                                    << QVariantMap{{QStringLiteral("force"), true}}
                                    << QStringLiteral("unknown option 'force'") << true;
    QTest::newRow("non-bool option") << QStringLiteral("t") << SdbTable
                                     << QVariantMap{{QStringLiteral("read-only"), QStringLiteral("yes")}}
                                     << QStringLiteral("must be a boolean") << true;
    QTest::newRow("control") << QStringLiteral("control") << SdbTable << none << QStringLiteral("reserved")
                             << true;
    QTest::newRow("128-char name") << QString(128, u'x') << SdbTable << none << QStringLiteral("at most 127")
                                   << true;
    QTest::newRow("21 digits") << QStringLiteral("t") << QStringLiteral("0 000000000000000000008 zero")
                               << none << QStringLiteral("line 1: length '000000000000000000008'") << true;
    QTest::newRow("huge table") << QStringLiteral("t") << QString(17 * 1024 * 1024, u'#') << none
                                << QStringLiteral("must be passed as the table-fd option") << true;
}

void TestHelperService::hostileArgumentsAreInvalid()
{
    QFETCH(QString, name);
    QFETCH(QString, table);
    QFETCH(QVariantMap, options);
    QFETCH(QString, messagePart);
    QFETCH(bool, beforePolkit);
    expectError(m_client->CreateMapping(name, table, options), HelperProtocol::Error::invalidArgument(),
                messagePart);
    // Refused before polkit is even asked where admission can tell, and nothing changed.
    QCOMPARE(m_fake.authorizer->requests.isEmpty(), beforePolkit);
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QVERIFY(m_fake.modules->loaded.isEmpty());
}

void TestHelperService::authorizationErrors_data()
{
    QTest::addColumn<int>("result");
    QTest::addColumn<QString>("errorName");
    QTest::newRow("denied") << int(AuthorizationResult::NotAuthorized)
                            << HelperProtocol::Error::notAuthorized();
    QTest::newRow("dismissed") << int(AuthorizationResult::Dismissed) << HelperProtocol::Error::dismissed();
    QTest::newRow("no agent") << int(AuthorizationResult::NoAuthenticationAgent)
                              << HelperProtocol::Error::noAuthenticationAgent();
    QTest::newRow("polkit failed") << int(AuthorizationResult::Failed)
                                   << HelperProtocol::Error::notAuthorized();
}

void TestHelperService::authorizationErrors()
{
    QFETCH(int, result);
    QFETCH(QString, errorName);
    m_fake.authorizer->policy = [result](const QString &, const QString &) {
        return AuthorizationResult(result);
    };
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}), errorName,
                QStringLiteral("create mappings"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QVERIFY(m_fake.modules->loaded.isEmpty());
}

void TestHelperService::notFoundAndExists()
{
    expectError(m_client->RemoveMapping(QStringLiteral("nothere"), {}), HelperProtocol::Error::notFound(),
                QStringLiteral("nothere"));
    expectError(m_client->GetStatus(QStringLiteral("nothere"), {}), HelperProtocol::Error::notFound());
    expectError(m_client->ReloadMapping(QStringLiteral("nothere"), SdbTable, {}),
                HelperProtocol::Error::notFound());
    auto created = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QVERIFY(waitFor(created));
    expectError(m_client->CreateMapping(QStringLiteral("data"), QStringLiteral("0 8 zero"), {}),
                HelperProtocol::Error::exists(), QStringLiteral("'data' exists"));
}

void TestHelperService::busyAndFailedFromBackend()
{
    m_fake.backend->failNextCreate = HelperError{HelperProtocol::Error::busy(),
                                                 QStringLiteral("the device is busy")};
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}), HelperProtocol::Error::busy());
    m_fake.backend->failNextCreate = failure(QStringLiteral("creating 'data' failed: ioctl said no"));
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}),
                HelperProtocol::Error::failed(), QStringLiteral("ioctl said no"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperService::deviceInUse()
{
    m_fake.devices->claims.append(
        {DeviceClaim::Kind::InUse, {8, 32}, 2048, 1000000, QStringLiteral("mounted at /home")});
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}),
                HelperProtocol::Error::deviceInUse(),
                QStringLiteral("segment 2 (sectors 0-2047 of /dev/sdc1): the device is mounted at /home"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperService::overlapNamesTheOtherMapping()
{
    auto first = m_client->CreateMapping(QStringLiteral("first"), QStringLiteral("0 1000 linear /dev/sdb 0"),
                                         {});
    QVERIFY(waitFor(first));
    QVERIFY(first.isValid());
    expectError(m_client->CreateMapping(QStringLiteral("second"),
                                        QStringLiteral("0 10 basic_target /dev/sdb 995"), {}),
                HelperProtocol::Error::overlap(), QStringLiteral("used by mapping 'first'"));
    auto adjacent = m_client->CreateMapping(QStringLiteral("third"),
                                            QStringLiteral("0 10 basic_target 8:16 1000"), {});
    QVERIFY(waitFor(adjacent));
    QVERIFY2(adjacent.isValid(), qPrintable(adjacent.error().message()));
}

void TestHelperService::overlapAcrossPartitionAndDisk()
{
    // sdc1 starts at sector 2048 of sdc: sdc sectors 2048.. are sdc1's.
    auto partition = m_client->CreateMapping(QStringLiteral("part"),
                                             QStringLiteral("0 100 linear /dev/sdc1 0"), {});
    QVERIFY(waitFor(partition));
    QVERIFY(partition.isValid());
    expectError(
        m_client->CreateMapping(QStringLiteral("disk"), QStringLiteral("0 100 linear /dev/sdc 2100"), {}),
        HelperProtocol::Error::overlap(), QStringLiteral("'part'"));
    auto before = m_client->CreateMapping(QStringLiteral("disk"), QStringLiteral("0 2048 linear /dev/sdc 0"),
                                          {});
    QVERIFY(waitFor(before));
    QVERIFY2(before.isValid(), qPrintable(before.error().message()));
}

void TestHelperService::opaqueMappingHoldsItsDevices()
{
    MappingState crypt;
    crypt.name = QStringLiteral("cryptroot");
    crypt.uuid = QStringLiteral("CRYPT-LUKS2-abc-cryptroot");
    crypt.liveTable = true;
    crypt.table = {
        {0, 1000, QStringLiteral("crypt"), QStringLiteral("aes-xts-plain64 :64:logon:k 0 8:16 4096")}};
    crypt.dependencies = {{8, 16}};
    m_fake.backend->mappings.insert(crypt.name, crypt);
    expectError(
        m_client->CreateMapping(QStringLiteral("data"), QStringLiteral("0 8 linear /dev/sdb 4000000"), {}),
        HelperProtocol::Error::deviceInUse(), QStringLiteral("used by mapping 'cryptroot' (crypt)"));
}

void TestHelperService::kernelWithoutDeviceMapper()
{
    m_fake.backend->hasDeviceMapper = false;
    m_fake.modules->available.remove(QStringLiteral("dm-mod"));
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}),
                HelperProtocol::Error::kernelUnsupported(), QStringLiteral("no device-mapper"));
    auto capabilities = m_client->GetCapabilities({});
    QVERIFY(waitFor(capabilities));
    QCOMPARE(capabilities.value().value(QStringLiteral("device-mapper")).toBool(), false);
}

void TestHelperService::moduleUnavailable()
{
    m_fake.modules->available.remove(QStringLiteral("dm-basic-target"));
    expectError(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}),
                HelperProtocol::Error::moduleUnavailable(), QStringLiteral("dm-basic-target"));
    expectError(m_client->LoadTargetModule({}), HelperProtocol::Error::moduleUnavailable());
    // linear needs no module of ours.
    auto linear = m_client->CreateMapping(QStringLiteral("data"), QStringLiteral("0 8 linear /dev/sdb 0"),
                                          {});
    QVERIFY(waitFor(linear));
    QVERIFY2(linear.isValid(), qPrintable(linear.error().message()));
}

void TestHelperService::foreignMappingsNeedManageForeign()
{
    MappingState lvm;
    lvm.name = QStringLiteral("vg-home");
    lvm.uuid = QStringLiteral("LVM-abc");
    lvm.liveTable = true;
    lvm.table = {{0, 1000, QStringLiteral("linear"), QStringLiteral("8:16 0")}};
    m_fake.backend->mappings.insert(lvm.name, lvm);
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::manageForeign() ? AuthorizationResult::NotAuthorized
                                                                 : AuthorizationResult::Authorized;
    };
    expectError(m_client->RemoveMapping(lvm.name, {}), HelperProtocol::Error::notAuthorized(),
                QStringLiteral("remove 'vg-home', which Volume Mapper did not create"));
    expectError(m_client->ReloadMapping(lvm.name, QStringLiteral("0 1000 linear /dev/sdb 0"), {}),
                HelperProtocol::Error::notAuthorized(),
                QStringLiteral("change the table of 'vg-home', which Volume Mapper did not create"));
    QVERIFY(m_fake.backend->mappings.contains(lvm.name));
    QCOMPARE(m_fake.backend->mappings[lvm.name].table.first().parameters, QStringLiteral("8:16 0"));

    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::Authorized;
    };
    auto removed = m_client->RemoveMapping(lvm.name, {});
    QVERIFY(waitFor(removed));
    QVERIFY2(removed.isValid(), qPrintable(removed.error().message()));
    QCOMPARE(m_fake.authorizer->requests.last().action, HelperProtocol::Action::manageForeign());
}

void TestHelperService::foreignOwnersDevicesNeedManageForeign()
{
    // sdc1 (sectors 2048.. of sdc) is an LVM physical volume.
    m_fake.devices->foreign = {{DeviceClaim::Kind::Foreign,
                                {8, 32},
                                2048,
                                1000000,
                                QStringLiteral("/dev/sdc1 holds an LVM physical volume (LVM2_member)")}};
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::manageForeign() ? AuthorizationResult::NotAuthorized
                                                                 : AuthorizationResult::Authorized;
    };
    // Through the disk as well as the partition: the sectors are the same.
    for (const QString &table :
         {QStringLiteral("0 8 linear /dev/sdc1 0"), QStringLiteral("0 8 linear /dev/sdc 4096")}) {
        expectError(m_client->CreateMapping(QStringLiteral("pv"), table, {}),
                    HelperProtocol::Error::notAuthorized(),
                    QStringLiteral("/dev/sdc1 holds an LVM physical volume (LVM2_member)"));
    }
    QVERIFY(m_fake.backend->mappings.isEmpty());
    // The rest of the disk is free to use.
    auto beside = m_client->CreateMapping(QStringLiteral("beside"), QStringLiteral("0 8 linear /dev/sdc 0"),
                                          {});
    QVERIFY(waitFor(beside));
    QVERIFY2(beside.isValid(), qPrintable(beside.error().message()));
    // A reload onto the PV is refused the same way, and the table stays.
    expectError(
        m_client->ReloadMapping(QStringLiteral("beside"), QStringLiteral("0 8 linear /dev/sdc1 0"), {}),
        HelperProtocol::Error::notAuthorized(), QStringLiteral("LVM2_member"));
    QCOMPARE(m_fake.backend->mappings[QStringLiteral("beside")].table.first().parameters,
             QStringLiteral("8:32 0"));

    // With manage-foreign the owner's device may be mapped (polkit asked twice).
    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::Authorized;
    };
    m_fake.authorizer->requests.clear();
    auto pv = m_client->CreateMapping(QStringLiteral("pv"), QStringLiteral("0 8 linear /dev/sdc1 0"), {});
    QVERIFY(waitFor(pv));
    QVERIFY2(pv.isValid(), qPrintable(pv.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), 2);
    QCOMPARE(m_fake.authorizer->requests.last().action, HelperProtocol::Action::manageForeign());
}

void TestHelperService::reloadKeepsOwnRangesAndReportsFailure()
{
    auto created = m_client->CreateMapping(QStringLiteral("data"), QStringLiteral("0 1000 linear /dev/sdb 0"),
                                           {});
    QVERIFY(waitFor(created));
    // Its own current ranges do not count as an overlap.
    auto reloaded = m_client->ReloadMapping(QStringLiteral("data"),
                                            QStringLiteral("0 2000 basic_target /dev/sdb 500"), {});
    QVERIFY(waitFor(reloaded));
    QVERIFY2(reloaded.isValid(), qPrintable(reloaded.error().message()));
    QCOMPARE(m_fake.backend->mappings[QStringLiteral("data")].table.first().parameters,
             QStringLiteral("8:16 500"));

    m_fake.backend->failNextReload = failure(QStringLiteral("resuming 'data' failed; the old table is live"));
    expectError(m_client->ReloadMapping(QStringLiteral("data"), QStringLiteral("0 8 zero"), {}),
                HelperProtocol::Error::failed(), QStringLiteral("old table"));
    QCOMPARE(m_fake.backend->mappings[QStringLiteral("data")].table.first().target,
             QStringLiteral("basic_target"));
}

void TestHelperService::removeOpenMapping()
{
    auto created = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QVERIFY(waitFor(created));
    m_fake.backend->mappings[QStringLiteral("data")].openCount = 1;
    expectError(m_client->RemoveMapping(QStringLiteral("data"), {}), HelperProtocol::Error::deviceInUse(),
                QStringLiteral("is open"));
    auto deferred = m_client->RemoveMapping(QStringLiteral("data"), {{QStringLiteral("deferred"), true}});
    QVERIFY(waitFor(deferred));
    QVERIFY2(deferred.isValid(), qPrintable(deferred.error().message()));
    QVERIFY(m_fake.backend->mappings[QStringLiteral("data")].deferredRemove);
}

void TestHelperService::repliesAreDelayedNotBlocking()
{
    // Polkit takes its time for create; a read from another client sent
    // later is answered first: the helper waits without blocking.
    m_fake.authorizer->policy = [this](const QString &action, const QString &) {
        m_fake.authorizer->delayMs = action == HelperProtocol::Action::create() ? 400 : 0;
        return AuthorizationResult::Authorized;
    };
    auto slow = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QTRY_COMPARE(m_fake.authorizer->requests.size(), 1);
    QCOMPARE(m_fake.service->pendingCalls(), 1);
    auto other = clientOn(u"other");
    auto fast = other->ListMappings({});
    QVERIFY(waitFor(fast));
    QVERIFY(!slow.isFinished());
    QVERIFY(fast.value().isEmpty()); // the create has not acted yet
    QVERIFY(waitFor(slow));
    QVERIFY2(slow.isValid(), qPrintable(slow.error().message()));
    QCOMPARE(m_fake.service->pendingCalls(), 0);
}

void TestHelperService::concurrentCreatesOfOneName()
{
    m_fake.authorizer->delayMs = 50;
    std::vector<std::unique_ptr<OrgVolmapHelper1Interface>> clients;
    QList<QDBusPendingReply<QString>> replies;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(clientOn(QStringLiteral("racer-%1").arg(i)));
        replies.append(clients.back()->CreateMapping(QStringLiteral("same"), SdbTable, {}));
    }
    int successes = 0;
    int exists = 0;
    for (auto &reply : replies) {
        QVERIFY(waitFor(reply));
        if (reply.isValid()) {
            ++successes;
        } else if (reply.error().name() == HelperProtocol::Error::exists()) {
            ++exists;
        }
    }
    QCOMPARE(successes, 1);
    QCOMPARE(exists, 3);
    QCOMPARE(m_fake.backend->mappings.size(), 1);
}

void TestHelperService::cleansUpAbandonedMappings()
{
    MappingState abandoned;
    abandoned.name = QStringLiteral("half");
    abandoned.uuid = QStringLiteral("VOLMAP-1234");
    abandoned.liveTable = false;
    MappingState foreignEmpty = abandoned;
    foreignEmpty.name = QStringLiteral("other");
    foreignEmpty.uuid = QStringLiteral("LVM-x");
    MappingState live = abandoned;
    live.name = QStringLiteral("live");
    live.liveTable = true;
    for (const MappingState &state : {abandoned, foreignEmpty, live}) {
        m_fake.backend->mappings.insert(state.name, state);
    }
    m_fake.service->cleanUpAbandoned();
    QCOMPARE(m_fake.backend->mappings.keys(), QStringList({QStringLiteral("live"), QStringLiteral("other")}));
}

void TestHelperService::clientAndMappingModelFollowChanges()
{
    // The app's side: HelperClient and a MappingListModel that follows
    // MappingsChanged, against the service on the bus.
    HelperClient client(m_fake.connect(u"app"));
    MappingListModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    std::optional<ClientResult<QString>> created;
    client.create(QStringLiteral("data"), SdbTable, false,
                  [&](const ClientResult<QString> &result) { created = result; });
    QTRY_VERIFY(created.has_value());
    QCOMPARE(created->value(), QStringLiteral("/dev/mapper/data"));
    QTRY_COMPARE(model.rowCount(), 1); // refreshed by MappingsChanged
    QCOMPARE(model.index(0, MappingListModel::NameColumn).data().toString(), QStringLiteral("data"));
    QCOMPARE(model.index(0, MappingListModel::OriginColumn).data().toString(),
             QStringLiteral("Volume Mapper"));

    std::optional<ClientResult<QList<SegmentStatus>>> status;
    client.status(QStringLiteral("data"),
                  [&](const ClientResult<QList<SegmentStatus>> &result) { status = result; });
    QTRY_VERIFY(status.has_value());
    const auto &segments = status->value();
    QVERIFY(segments[0].hasCounters);
    QCOMPARE(segments[0].writeSectors, 16u);

    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::Dismissed;
    };
    std::optional<ClientResult<Done>> removed;
    client.remove(QStringLiteral("data"), false, [&](const ClientResult<Done> &result) { removed = result; });
    QTRY_VERIFY(removed.has_value());
    QCOMPARE(removed->error().kind, ClientErrorKind::Dismissed);
    QCOMPARE(model.rowCount(), 1);

    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::Authorized;
    };
    removed.reset();
    client.remove(QStringLiteral("data"), false, [&](const ClientResult<Done> &result) { removed = result; });
    QTRY_VERIFY(removed.has_value());
    QVERIFY(removed->has_value());
    QTRY_COMPARE(model.rowCount(), 0);
}

void TestHelperService::segmentSamplerComputesRates()
{
    auto created = m_client->CreateMapping(QStringLiteral("data"), SdbTable, {});
    QVERIFY(waitFor(created));
    HelperClient client(m_fake.connect(u"sampler"));
    SegmentSampler sampler(client);
    qint64 nowNs = 0;
    sampler.setClock([&nowNs]() { return nowNs; });
    sampler.setHistoryLength(2);
    sampler.watch(QStringLiteral("data"));
    sampler.watch(QStringLiteral("gone"));
    QSignalSpy sampled(&sampler, &SegmentSampler::sampled);
    QSignalSpy failed(&sampler, &SegmentSampler::failed);
    for (int i = 1; i <= 4; ++i) {
        nowNs += 100'000'000; // 100 ms between answers, however long they take
        sampler.sampleNow();
        // Both answers of this tick before the next one: "data" may come
        // back before "gone", and a tick skips a mapping still asked.
        QTRY_COMPARE(sampled.count(), i);
        QTRY_COMPARE(failed.count(), i); // "gone" does not exist
    }
    QCOMPARE(failed.first().at(1).value<ClientError>().kind, ClientErrorKind::NotFound);
    const auto history = sampler.history(QStringLiteral("data"));
    QCOMPARE(history.size(), 2);        // bounded
    QCOMPARE(history.last().size(), 1); // the basic_target segment only
    const SegmentRates rates = history.last().first();
    // Each status call adds 1 read of 8 sectors and 2 writes of 16 sectors.
    QVERIFY2(rates.readIops > 1 && rates.readIops < 20, qPrintable(QString::number(rates.readIops)));
    QVERIFY(qFuzzyCompare(rates.writeIops, 2 * rates.readIops));
    QVERIFY(qFuzzyCompare(rates.readBytesPerSecond, rates.readIops * 8 * 512));
    QCOMPARE(sampler.totals(QStringLiteral("data")).first().reads, 4u);
}

void TestHelperService::foreignTablesAreNotReadBeforeAuthorization()
{
    MappingState crypt;
    crypt.name = QStringLiteral("luks-root");
    crypt.uuid = QStringLiteral("CRYPT-LUKS2-abc-luks-root");
    crypt.liveTable = true;
    crypt.table = {{0, 1000, QStringLiteral("crypt"), QStringLiteral("aes-xts-plain64 - 0 8:16 4096")}};
    m_fake.backend->mappings.insert(crypt.name, crypt);
    m_fake.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::NotAuthorized;
    };
    expectError(m_client->RemoveMapping(crypt.name, {}), HelperProtocol::Error::notAuthorized());
    expectError(m_client->ResetCounters(crypt.name, {}), HelperProtocol::Error::notAuthorized());
    expectError(m_client->ReloadMapping(crypt.name, QStringLiteral("0 8 zero"), {}),
                HelperProtocol::Error::notAuthorized());
    expectError(m_client->GetTable(crypt.name, {}), HelperProtocol::Error::notAuthorized());
    // Refused callers made the helper read no table: a key never entered its memory for them.
    QCOMPARE(m_fake.backend->tableReads, 0);
}

void TestHelperService::diskAndPartitionRangesCollideWithinATable()
{
    // sdc1 starts at sector 2048 of sdc.
    expectError(
        m_client->CreateMapping(QStringLiteral("twice"),
                                QStringLiteral("0 100 linear /dev/sdc 2050\n100 100 linear /dev/sdc1 0"), {}),
        HelperProtocol::Error::invalidArgument(), QStringLiteral("use the same sectors"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperService::resetCountersOfForeignNeedsManageForeign()
{
    MappingState other;
    other.name = QStringLiteral("theirs");
    other.uuid = QStringLiteral("SOMEONE-else");
    other.liveTable = true;
    other.table = {{0, 1000, QStringLiteral("basic_target"), QStringLiteral("8:16 0")}};
    m_fake.backend->mappings.insert(other.name, other);
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::manageForeign() ? AuthorizationResult::NotAuthorized
                                                                 : AuthorizationResult::Authorized;
    };
    expectError(m_client->ResetCounters(other.name, {}), HelperProtocol::Error::notAuthorized());
    QVERIFY(m_fake.backend->messages.isEmpty());
}

void TestHelperService::reloadRefusesStackingOnItself()
{
    auto created = m_client->CreateMapping(QStringLiteral("lower"), QStringLiteral("0 100 linear /dev/sdb 0"),
                                           {});
    QVERIFY(waitFor(created));
    const MappingState lower = m_fake.backend->mappings[QStringLiteral("lower")];
    const QString lowerNumber = QStringLiteral("%1:%2").arg(lower.major).arg(lower.minor);
    // "upper" (254:7) is built on "lower"; reloading lower onto upper loops.
    m_fake.devices->addDisk(QStringLiteral("/dev/mapper/upper"), {254, 7}, 100);
    m_fake.devices->addDisk(QStringLiteral("/dev/mapper/lower"), {lower.major, lower.minor}, 100);
    m_fake.devices->builtOn.insert(QStringLiteral("254:7"), lowerNumber);
    expectError(m_client->ReloadMapping(QStringLiteral("lower"),
                                        QStringLiteral("0 100 linear /dev/mapper/upper 0"), {}),
                HelperProtocol::Error::invalidArgument(), QStringLiteral("built on it"));
    expectError(m_client->ReloadMapping(QStringLiteral("lower"),
                                        QStringLiteral("0 100 linear %1 0").arg(lowerNumber), {}),
                HelperProtocol::Error::invalidArgument(), QStringLiteral("itself"));
    QCOMPARE(m_fake.backend->mappings[QStringLiteral("lower")].table.first().parameters,
             QStringLiteral("8:16 0"));
}

QTEST_GUILESS_MAIN(TestHelperService)
#include "tst_helperservice.moc"
