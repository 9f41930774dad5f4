// SPDX-License-Identifier: GPL-2.0-or-later
// Device resolution and usage detection against a fake /sys, /proc and
// /dev tree (real device nodes made with mknod), so the parsing of
// partitions, mounts, swap and holders is checked exactly.

#include "deviceinspector.h"

#include "fakes/testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace Volmap;

using Volmap::Fakes::writeFile;

class TestDeviceInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolve_data();
    void resolve();
    void partitionIsPlacedOnItsDisk();
    void claims();
    void foreignClaims();
    void foreignClaimsOnlyForTheDisksAsked();
    void readOnlyDevicesAndDependencies();

private:
    void addForeignTree();

    QTemporaryDir m_root;
    bool m_canMknod = false;
};

void TestDeviceInspector::initTestCase()
{
    QVERIFY(m_root.isValid());
    const QString r = m_root.path();
    // sdb: a 4 KiB-sector disk with partition sdb1 at 2048, held by md0.
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/size"), "8388608\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/dev"), "8:16\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/queue/logical_block_size"), "4096\n");
    QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/sdb/holders"));
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/sdb1/size"), "204800\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/sdb1/dev"), "8:17\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/sdb1/start"), "2048\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/sdb/sdb1/partition"), "1\n");
    QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/sdb/sdb1/holders/md0"));
    // sdc: mounted; sdd: swap; dm-0 holds sdc but dm holders are not ours to judge.
    for (const auto &[name, number] : {std::pair{"sdc", "8:32"}, std::pair{"sdd", "8:48"}}) {
        const QString dir = r + QStringLiteral("/sys/devices/virtual/block/") + QLatin1String(name);
        writeFile(dir + QStringLiteral("/size"), "1000\n");
        writeFile(dir + QStringLiteral("/dev"), QByteArray(number) + '\n');
        writeFile(dir + QStringLiteral("/queue/logical_block_size"), "512\n");
    }
    QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/sdc/holders/dm-0"));
    QDir().mkpath(r + QStringLiteral("/sys/dev/block"));
    for (const auto &[number, target] : {std::pair{"8:16", "sdb"}, std::pair{"8:17", "sdb/sdb1"},
                                         std::pair{"8:32", "sdc"}, std::pair{"8:48", "sdd"}}) {
        QVERIFY(QFile::link(r + QStringLiteral("/sys/devices/virtual/block/") + QLatin1String(target),
                            r + QStringLiteral("/sys/dev/block/") + QLatin1String(number)));
    }
    writeFile(r + QStringLiteral("/proc/self/mountinfo"),
              "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
              "36 1 8:32 / /mnt/my\\040disk rw,relatime shared:1 - ext4 /dev/sdc rw\n");
    writeFile(r + QStringLiteral("/proc/swaps"), "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/sdd "
                                                 "                               partition\t1000\t0\t-2\n");

    QDir().mkpath(r + QStringLiteral("/dev/disk/by-id"));
    m_canMknod = true;
    for (const auto &[name, minor] :
         {std::pair{"sdb", 16}, std::pair{"sdb1", 17}, std::pair{"sdc", 32}, std::pair{"sdd", 48}}) {
        const QByteArray path = QFile::encodeName(r + QStringLiteral("/dev/") + QLatin1String(name));
        m_canMknod &= ::mknod(path.constData(), S_IFBLK | 0600, ::makedev(8, minor)) == 0;
    }
    QVERIFY(::mknod(QFile::encodeName(r + QStringLiteral("/dev/null")).constData(), S_IFCHR | 0600,
                    ::makedev(1, 3))
                == 0
            || !m_canMknod);
    writeFile(r + QStringLiteral("/dev/regular"), "not a device");
    QVERIFY(QFile::link(QStringLiteral("../../sdb1"), r + QStringLiteral("/dev/disk/by-id/usb-STICK-part1")));
    // Links a local user could make (in /dev/shm, /dev/mqueue), and some root could.
    QDir().mkpath(r + QStringLiteral("/dev/shm"));
    QDir().mkpath(r + QStringLiteral("/dev/mqueue"));
    QVERIFY(QFile::link(QStringLiteral("/etc/shadow"), r + QStringLiteral("/dev/shm/to-shadow")));
    QVERIFY(QFile::link(QStringLiteral("/nonexistent"), r + QStringLiteral("/dev/shm/to-nothing")));
    QVERIFY(QFile::link(QStringLiteral("/dev/sdb"), r + QStringLiteral("/dev/shm/to-sdb")));
    QVERIFY(QFile::link(QStringLiteral("../shm/to-sdb"), r + QStringLiteral("/dev/disk/via-shm")));
    QVERIFY(QFile::link(QStringLiteral("../../../etc/passwd"), r + QStringLiteral("/dev/disk/by-id/escape")));
    QVERIFY(QFile::link(QStringLiteral("/dev/sdb"), r + QStringLiteral("/dev/disk/by-id/absolute")));
    QVERIFY(QFile::link(QStringLiteral("loop-b"), r + QStringLiteral("/dev/loop-a")));
    QVERIFY(QFile::link(QStringLiteral("loop-a"), r + QStringLiteral("/dev/loop-b")));
    addForeignTree();
}

// Disks for the foreign rules (no mounts, no swap, so claims() is unchanged):
// sde: sde1 held by an LVM LV (dm-1), sde2 by a Volume Mapper mapping (dm-2);
// sdf: the probe finds an LVM label; sdg: the probe cannot open it;
// sdh: held by a dm-crypt mapping (dm-5) and by dm-6 without a uuid;
// dm-4: a suspended dm device, never read.
void TestDeviceInspector::addForeignTree()
{
    const QString r = m_root.path();
    const QString block = r + QStringLiteral("/sys/devices/virtual/block/");
    struct Device
    {
        const char *path;
        const char *number;
        const char *size;
        const char *start; // nullptr for a disk
    };
    const Device devices[] = {
        {"sde", "8:64", "100000", nullptr},   {"sde/sde1", "8:65", "4096", "2048"},
        {"sde/sde2", "8:66", "4096", "8192"}, {"sdf", "8:80", "1000", nullptr},
        {"sdg", "8:96", "1000", nullptr},     {"sdh", "8:112", "1000", nullptr},
        {"dm-4", "254:4", "64", nullptr},
    };
    for (const Device &device : devices) {
        const QString dir = block + QLatin1String(device.path);
        writeFile(dir + QStringLiteral("/size"), QByteArray(device.size) + '\n');
        writeFile(dir + QStringLiteral("/dev"), QByteArray(device.number) + '\n');
        if (device.start) {
            writeFile(dir + QStringLiteral("/start"), QByteArray(device.start) + '\n');
            writeFile(dir + QStringLiteral("/partition"), "1\n");
        } else {
            writeFile(dir + QStringLiteral("/queue/logical_block_size"), "512\n");
        }
        QDir().mkpath(dir + QStringLiteral("/holders"));
        QVERIFY(QFile::link(dir, r + QStringLiteral("/sys/dev/block/") + QLatin1String(device.number)));
    }
    QDir().mkpath(block + QStringLiteral("sde/sde1/holders/dm-1"));
    QDir().mkpath(block + QStringLiteral("sde/sde2/holders/dm-2"));
    QDir().mkpath(block + QStringLiteral("sdh/holders/dm-5"));
    QDir().mkpath(block + QStringLiteral("sdh/holders/dm-6"));
    writeFile(block + QStringLiteral("dm-4/dm/suspended"), "1\n");
    writeFile(r + QStringLiteral("/sys/block/dm-1/dm/uuid"), "LVM-Xb3kQ2n0vg0lv0\n");
    writeFile(r + QStringLiteral("/sys/block/dm-2/dm/uuid"), "VOLMAP-4f1c2e\n");
    writeFile(r + QStringLiteral("/sys/block/dm-5/dm/uuid"),
              "CRYPT-LUKS2-0e432cb767f04932b4f363a0ef2783cb-secret\n");
    writeFile(r + QStringLiteral("/sys/block/dm-6/dm/uuid"), "\n");
}

void TestDeviceInspector::resolve_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expected"); // "number size blocksize" or an error fragment
    QTest::newRow("disk by path") << QStringLiteral("/dev/sdb") << QStringLiteral("8:16 8388608 4096");
    QTest::newRow("disk by number") << QStringLiteral("8:16") << QStringLiteral("8:16 8388608 4096");
    QTest::newRow("partition inherits block size")
        << QStringLiteral("/dev/sdb1") << QStringLiteral("8:17 204800 4096");
    QTest::newRow("symlink to a block device")
        << QStringLiteral("/dev/disk/by-id/usb-STICK-part1") << QStringLiteral("8:17 204800 4096");
    // One answer for every non-device, whatever it is.
    const QString notADevice = QStringLiteral(
        "is not a block device node under /dev (outside /dev/shm and /dev/mqueue)");
    QTest::newRow("character device") << QStringLiteral("/dev/null") << notADevice;
    QTest::newRow("regular file") << QStringLiteral("/dev/regular") << notADevice;
    QTest::newRow("missing path") << QStringLiteral("/dev/sdz") << notADevice;
    QTest::newRow("/dev/shm link to a file") << QStringLiteral("/dev/shm/to-shadow") << notADevice;
    QTest::newRow("/dev/shm link to nothing") << QStringLiteral("/dev/shm/to-nothing") << notADevice;
    QTest::newRow("/dev/shm link to a disk") << QStringLiteral("/dev/shm/to-sdb") << notADevice;
    QTest::newRow("link through /dev/shm") << QStringLiteral("/dev/disk/via-shm") << notADevice;
    QTest::newRow("/dev/mqueue") << QStringLiteral("/dev/mqueue/x") << notADevice;
    QTest::newRow("link leaving /dev") << QStringLiteral("/dev/disk/by-id/escape") << notADevice;
    QTest::newRow("link loop") << QStringLiteral("/dev/loop-a") << notADevice;
    QTest::newRow("absolute link within /dev")
        << QStringLiteral("/dev/disk/by-id/absolute") << QStringLiteral("8:16 8388608 4096");
    QTest::newRow("unknown number") << QStringLiteral("8:99") << QStringLiteral("no block device 8:99");
}

void TestDeviceInspector::resolve()
{
    QFETCH(QString, reference);
    QFETCH(QString, expected);
    if (!m_canMknod && reference.startsWith(u'/') && !expected.contains(u"not a block device")) {
        QSKIP("mknod is not permitted here, so there are no fake device nodes");
    }
    SystemDeviceInspector inspector(m_root.path());
    auto parsed = parseDeviceReference(reference);
    QVERIFY(parsed.has_value());
    const auto resolved = inspector.resolve(parsed.value());
    if (resolved) {
        const QString actual = QStringLiteral("%1 %2 %3")
                                   .arg(resolved->geometry.number.toString())
                                   .arg(resolved->geometry.sizeInSectors)
                                   .arg(resolved->geometry.logicalBlockSize);
        QCOMPARE(actual, expected);
    } else {
        QVERIFY2(resolved.error().contains(expected), qPrintable(resolved.error()));
    }
}

void TestDeviceInspector::partitionIsPlacedOnItsDisk()
{
    SystemDeviceInspector inspector(m_root.path());
    const auto resolved = inspector.resolve(DeviceReference{DeviceNumber{8, 17}});
    QVERIFY(resolved.has_value());
    const auto &device = resolved.value();
    QCOMPARE(device.disk, (DeviceNumber{8, 16}));
    QCOMPARE(device.startOnDisk, 2048u);
    QCOMPARE(device.geometry.displayName, QStringLiteral("/dev/sdb1 (8:17)"));
}

void TestDeviceInspector::claims()
{
    if (!m_canMknod) {
        QSKIP("mknod is not permitted here: the swap entry cannot be resolved");
    }
    SystemDeviceInspector inspector(m_root.path());
    QStringList found;
    for (const DeviceClaim &claim : inspector.systemClaims()) {
        found.append(QStringLiteral("%1 %2+%3 %4")
                         .arg(claim.disk.toString())
                         .arg(claim.start)
                         .arg(claim.length)
                         .arg(claim.description));
    }
    found.sort();
    QCOMPARE(found, QStringList({QStringLiteral("8:16 2048+204800 held by md0"),
                                 QStringLiteral("8:32 0+1000 mounted at /mnt/my disk"),
                                 QStringLiteral("8:48 0+1000 used as swap")}));
}

void TestDeviceInspector::foreignClaims()
{
    // Stands in for libblkid, which would read the real devices these numbers name.
    QStringList probed;
    const auto probe = [&](const QString &node, DeviceNumber number) -> ForeignSignature {
        probed.append(QStringLiteral("%1 %2").arg(node.mid(m_root.path().size()), number.toString()));
        if (number == DeviceNumber{8, 80}) {
            return {ForeignSignature::Verdict::Foreign, QStringLiteral("LVM2_member"),
                    QStringLiteral("an LVM physical volume (LVM2_member)")};
        }
        if (number == DeviceNumber{8, 96}) {
            return {ForeignSignature::Verdict::Unreadable, QString(),
                    QStringLiteral("cannot be opened (Permission denied)")};
        }
        return {};
    };
    SystemDeviceInspector inspector(m_root.path(), probe);
    QStringList found;
    // sde twice: each device is looked at once.
    const QList<DeviceNumber> disks{{8, 64}, {8, 80}, {8, 96}, {8, 112}, {254, 4}, {8, 64}};
    for (const DeviceClaim &claim : inspector.foreignClaims(disks)) {
        QCOMPARE(claim.kind, DeviceClaim::Kind::Foreign);
        found.append(QStringLiteral("%1 %2+%3 %4")
                         .arg(claim.disk.toString())
                         .arg(claim.start)
                         .arg(claim.length)
                         .arg(claim.description));
    }
    QCOMPARE(found, QStringList({
                        QStringLiteral("8:64 2048+4096 /dev/sde1 is held by dm-1 "
                                       "(LVM LV, uuid LVM-Xb3kQ2n0vg0lv0)"),
                        QStringLiteral("8:80 0+1000 /dev/sdf holds an LVM physical volume (LVM2_member)"),
                        QStringLiteral("8:96 0+1000 /dev/sdg cannot be opened (Permission denied), "
                                       "so it cannot be checked for a foreign owner's signature"),
                        QStringLiteral("8:112 0+1000 /dev/sdh is held by dm-5 (dm-crypt, uuid "
                                       "CRYPT-LUKS2-0e432cb767f04932b4f363a0ef2783cb-secret)"),
                        QStringLiteral("8:112 0+1000 /dev/sdh is held by dm-6 (device-mapper, no uuid)"),
                        QStringLiteral("254:4 0+64 /dev/dm-4 is a suspended device-mapper device, "
                                       "so it cannot be checked for a foreign owner's signature"),
                    }));
    // Every disk and partition by its own node, the suspended one not at all.
    QCOMPARE(probed, QStringList({QStringLiteral("/dev/sde 8:64"), QStringLiteral("/dev/sde1 8:65"),
                                  QStringLiteral("/dev/sde2 8:66"), QStringLiteral("/dev/sdf 8:80"),
                                  QStringLiteral("/dev/sdg 8:96"), QStringLiteral("/dev/sdh 8:112")}));
}

void TestDeviceInspector::foreignClaimsOnlyForTheDisksAsked()
{
    int probes = 0;
    SystemDeviceInspector inspector(m_root.path(), [&](const QString &, DeviceNumber) {
        ++probes;
        return ForeignSignature{ForeignSignature::Verdict::Foreign, QStringLiteral("crypto_LUKS"),
                                QStringLiteral("a LUKS header (crypto_LUKS)")};
    });
    QVERIFY(inspector.foreignClaims({}).isEmpty());
    QVERIFY(inspector.foreignClaims({{8, 240}}).isEmpty()); // no such disk
    QCOMPARE(probes, 0);
    // A partition's claim covers its extent on the disk, not the disk.
    const QList<DeviceClaim> claims = inspector.foreignClaims({{8, 64}});
    QCOMPARE(probes, 3);
    QCOMPARE(claims.size(), 4); // three signatures, one LVM holder of sde1
    QCOMPARE(claims.at(0).description, QStringLiteral("/dev/sde holds a LUKS header (crypto_LUKS)"));
    QCOMPARE((QList<quint64>{claims.at(0).start, claims.at(0).length}), (QList<quint64>{0, 100000}));
    QCOMPARE(claims.at(3).description, QStringLiteral("/dev/sde2 holds a LUKS header (crypto_LUKS)"));
    QCOMPARE(claims.at(3).disk, (DeviceNumber{8, 64}));
    QCOMPARE((QList<quint64>{claims.at(3).start, claims.at(3).length}), (QList<quint64>{8192, 4096}));
}

void TestDeviceInspector::readOnlyDevicesAndDependencies()
{
    // A tree of its own: sde is read-only, dm-0 is built on it.
    QTemporaryDir root;
    const QString r = root.path();
    for (const auto &[name, number, ro] :
         {std::tuple{"sde", "8:64", "1\n"}, std::tuple{"dm-0", "254:0", "0\n"}}) {
        const QString dir = r + QStringLiteral("/sys/devices/virtual/block/") + QLatin1String(name);
        writeFile(dir + QStringLiteral("/size"), "1000\n");
        writeFile(dir + QStringLiteral("/dev"), QByteArray(number) + '\n');
        writeFile(dir + QStringLiteral("/ro"), ro);
        writeFile(dir + QStringLiteral("/queue/logical_block_size"), "512\n");
        QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/class/block")));
        QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/dev/block")));
        QVERIFY(QFile::link(dir, r + QStringLiteral("/sys/class/block/") + QLatin1String(name)));
        QVERIFY(QFile::link(dir, r + QStringLiteral("/sys/dev/block/") + QLatin1String(number)));
    }
    QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/dm-0/slaves/sde")));
    SystemDeviceInspector inspector(r);
    const QList<DeviceClaim> claims = inspector.systemClaims();
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims[0].kind, DeviceClaim::Kind::ReadOnly);
    QCOMPARE(claims[0].disk, (DeviceNumber{8, 64}));
    QCOMPARE(claims[0].length, quint64(1000));
    QCOMPARE(inspector.dependenciesOf({254, 0}), (QList<DeviceNumber>{{8, 64}}));
    QVERIFY(inspector.dependenciesOf({8, 64}).isEmpty());
    QVERIFY(inspector.dependsOn({254, 0}, {8, 64}));
}

QTEST_APPLESS_MAIN(TestDeviceInspector)
#include "tst_deviceinspector.moc"
