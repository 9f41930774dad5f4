// SPDX-License-Identifier: GPL-2.0-or-later
// Another mapping's table as claims, and the conflict a table meets: the
// shared code the helper refuses with and the app warns with.

#include "fakes/fakehelperparts.h"
#include "mappingclaims.h"

#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

Segment segment(quint64 start, quint64 length, const char *target, const char *args)
{
    return {start, length, QString::fromLatin1(target),
            QString::fromLatin1(args).split(u' ', Qt::SkipEmptyParts), 0};
}

} // namespace

class TestMappingClaims final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exactRangesOnTheirDisk();
    void ownedDevicesOnceAndWhole();
    void unreadableLinesClaimDependencies();
    void goneDevicesClaimNothing();
    void readOnlyOnlyForReadWriteTables();

private:
    FakeDevices m_devices;
};

void TestMappingClaims::init()
{
    m_devices = FakeDevices();
    m_devices.addDisk(QStringLiteral("/dev/sdb"), {8, 16}, 4194304);
    m_devices.addDisk(QStringLiteral("/dev/sdc"), {8, 32}, 2097152);
    m_devices.addPartition(QStringLiteral("/dev/sdc1"), {8, 33}, 1000000, {8, 32}, 2048);
}

void TestMappingClaims::exactRangesOnTheirDisk()
{
    const QList<DeviceClaim> claims = claimsOfMapping(
        QStringLiteral("lv"), {segment(0, 2048, "striped", "2 128 8:16 100000 8:33 0")}, {}, m_devices);
    QCOMPARE(claims.size(), 2);
    QCOMPARE(claims[0].kind, DeviceClaim::Kind::Mapping);
    QCOMPARE(claims[0].disk, (DeviceNumber{8, 16}));
    QCOMPARE(claims[0].start, quint64(100000));
    QCOMPARE(claims[0].length, quint64(1024));
    // The partition's stripe, on its disk.
    QCOMPARE(claims[1].disk, (DeviceNumber{8, 32}));
    QCOMPARE(claims[1].start, quint64(2048));
    QCOMPARE(claims[1].owner, QStringLiteral("lv"));
    QCOMPARE(claims[1].target, QStringLiteral("striped"));
    QCOMPARE(claims[1].description, QStringLiteral("sectors 0-1023 of /dev/sdc1 used by mapping 'lv'"));
}

void TestMappingClaims::ownedDevicesOnceAndWhole()
{
    const QList<DeviceClaim> claims = claimsOfMapping(
        QStringLiteral("pool"),
        {segment(0, 1000, "thin-pool", "8:33 8:16 128 0"), segment(1000, 1000, "crypt", "aes - 0 8:16 4096")},
        {}, m_devices);
    QCOMPARE(claims.size(), 2); // sdb once, though two lines own it
    QCOMPARE(claims[0].kind, DeviceClaim::Kind::InUse);
    QCOMPARE(claims[0].start, quint64(2048));
    QCOMPARE(claims[0].length, quint64(1000000));
    QCOMPARE(claims[1].length, quint64(4194304));
    QCOMPARE(claims[1].description, QStringLiteral("used by mapping 'pool' (thin-pool), whole device"));
}

void TestMappingClaims::unreadableLinesClaimDependencies()
{
    const QList<DeviceClaim> claims = claimsOfMapping(
        QStringLiteral("mp"), {segment(0, 1000, "linear", "8:16 0"), segment(1000, 1000, "multipath", "-")},
        {{8, 16}, {8, 32}}, m_devices);
    QCOMPARE(claims.size(), 3);
    QCOMPARE(claims[0].kind, DeviceClaim::Kind::Mapping);
    QCOMPARE(claims[1].kind, DeviceClaim::Kind::InUse);
    QCOMPARE(claims[1].description, QStringLiteral("used by mapping 'mp' (multipath), whole device"));
    QCOMPARE(claims[2].disk, (DeviceNumber{8, 32}));
    // Readable lines alone claim no dependencies whole.
    QCOMPARE(
        claimsOfMapping(QStringLiteral("a"), {segment(0, 1000, "linear", "8:16 0")}, {{8, 16}}, m_devices)
            .size(),
        1);
}

void TestMappingClaims::goneDevicesClaimNothing()
{
    QVERIFY(
        claimsOfMapping(QStringLiteral("a"), {segment(0, 10, "linear", "9:9 0")}, {}, m_devices).isEmpty());
    QVERIFY(claimsOfMapping(QStringLiteral("a"), {segment(0, 10, "zero", "")}, {}, m_devices).isEmpty());
}

void TestMappingClaims::readOnlyOnlyForReadWriteTables()
{
    const QList<DeviceClaim> claims{
        {DeviceClaim::Kind::ReadOnly, {8, 16}, 0, 4194304, QStringLiteral("read-only")}};
    const QList<WantedRange> wanted{{0, {8, 32}, 0, 10, 0, QStringLiteral("/dev/sdc")},
                                    {1, {8, 16}, 0, 10, 0, QStringLiteral("/dev/sdb")}};
    const auto conflict = systemConflict(wanted, claims, false);
    QVERIFY(conflict);
    QCOMPARE(conflict->segment, 1);
    QCOMPARE(conflict->error.name, HelperProtocol::Error::readOnlyDevice());
    QCOMPARE(conflict->error.message,
             QStringLiteral("segment 2 (sectors 0-9 of /dev/sdb): the device is read-only"));
    QVERIFY(!systemConflict(wanted, claims, true));
}

QTEST_APPLESS_MAIN(TestMappingClaims)

#include "tst_mappingclaims.moc"
