// SPDX-License-Identifier: GPL-2.0-or-later
// BlockDeviceScanner against a fake /sys, /proc and /run/udev tree: kinds,
// partition placement, block sizes from the disk's queue, mount points,
// swap, holders, the udev database fallback and its \xNN decoding.

#include "blockdevicescanner.h"

#include "fakes/testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

using Volmap::Fakes::writeFile;

class TestBlockDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsDisksThenTheirPartitions();
    void readsSysfsFacts();
    void readsTheUdevDatabase();
    void seesMountsSwapAndHolders();
    void skipsEmptyAndVanishedDevices();
    void takesNumberAndTypeFromUevent();

private:
    void addDevice(const QString &path, const QString &number, const QByteArray &sectors);
    QTemporaryDir m_root;
};

void TestBlockDevices::addDevice(const QString &path, const QString &number, const QByteArray &sectors)
{
    const QString dir = m_root.path() + QStringLiteral("/sys/devices/") + path;
    const QString name = QFileInfo(dir).fileName();
    writeFile(dir + QStringLiteral("/dev"), number.toUtf8() + '\n');
    writeFile(dir + QStringLiteral("/size"), sectors + '\n');
    writeFile(dir + QStringLiteral("/uevent"), "MAJOR=x\nDEVNAME=" + name.toUtf8() + "\nDEVTYPE=disk\n");
    QDir().mkpath(dir + QStringLiteral("/holders"));
    QDir().mkpath(m_root.path() + QStringLiteral("/sys/class/block"));
    QVERIFY(QFile::link(dir, m_root.path() + QStringLiteral("/sys/class/block/") + name));
}

void TestBlockDevices::initTestCase()
{
    QVERIFY(m_root.isValid());
    const QString r = m_root.path();
    // sdb: a 4Kn disk with two partitions; the second one is swap.
    addDevice(QStringLiteral("pci/block/sdb"), QStringLiteral("8:16"), "8388608");
    writeFile(r + QStringLiteral("/sys/devices/pci/block/sdb/queue/logical_block_size"), "4096\n");
    writeFile(r + QStringLiteral("/sys/devices/pci/block/sdb/queue/physical_block_size"), "4096\n");
    writeFile(r + QStringLiteral("/sys/devices/pci/block/sdb/removable"), "1\n");
    writeFile(r + QStringLiteral("/sys/devices/pci/block/sdb/device/model"), "Stick 3000  \n");
    writeFile(r + QStringLiteral("/sys/devices/pci/block/sdb/device/serial"), "SN123\n");
    for (const auto &[name, number, start] :
         {std::tuple{"sdb2", "8:18", "1050624"}, std::tuple{"sdb1", "8:17", "2048"}}) {
        const QString path = QStringLiteral("pci/block/sdb/") + QLatin1String(name);
        addDevice(path, QLatin1String(number), "1048576");
        writeFile(r + QStringLiteral("/sys/devices/") + path + QStringLiteral("/partition"), "1\n");
        writeFile(r + QStringLiteral("/sys/devices/") + path + QStringLiteral("/uevent"),
                  "DEVNAME=" + QByteArray(name) + "\nDEVTYPE=partition\n");
        writeFile(r + QStringLiteral("/sys/devices/") + path + QStringLiteral("/start"),
                  QByteArray(start) + '\n');
    }
    QDir().mkpath(r + QStringLiteral("/sys/devices/pci/block/sdb/sdb1/holders/dm-0"));
    // dm-0 on sdb1, read-only; loop0 empty; loop1 with a backing file; sda mounted.
    addDevice(QStringLiteral("virtual/block/dm-0"), QStringLiteral("254:0"), "2048");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/dm-0/dm/name"), "vg-data\n");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/dm-0/ro"), "1\n");
    QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/dm-0/slaves/sdb1"));
    addDevice(QStringLiteral("virtual/block/loop0"), QStringLiteral("7:0"), "0");
    addDevice(QStringLiteral("virtual/block/loop1"), QStringLiteral("7:1"), "4096");
    writeFile(r + QStringLiteral("/sys/devices/virtual/block/loop1/loop/backing_file"),
              "/srv/disk image.img\n");
    addDevice(QStringLiteral("pci/block/sda"), QStringLiteral("8:0"), "1000000");
    // What udev probed; the fake nodes do not exist, so libblkid cannot.
    writeFile(r + QStringLiteral("/run/udev/data/b8:17"),
              "S:disk/by-label/my\\x20stick\nE:ID_FS_TYPE=vfat\nE:ID_FS_LABEL=my_stick\n"
              "E:ID_FS_LABEL_ENC=my\\x20stick\nE:ID_FS_UUID=AB12-CD34\nE:ID_PART_ENTRY_UUID=1111-2222\n"
              "E:ID_PART_ENTRY_SCHEME=gpt\nE:ID_PART_TABLE_TYPE=gpt\n");
    writeFile(r + QStringLiteral("/run/udev/data/b8:16"),
              "E:ID_PART_TABLE_TYPE=gpt\nE:ID_MODEL=Other_Model\n");
    writeFile(r + QStringLiteral("/proc/self/mountinfo"),
              "25 1 8:0 / / rw,relatime shared:1 - ext4 /dev/sda rw\n"
              "40 25 8:0 /home /home\\040dir rw,relatime shared:2 - ext4 /dev/sda rw\n");
    writeFile(r + QStringLiteral("/proc/swaps"),
              "Filename\tType\tSize\tUsed\tPriority\n/dev/sdb2  partition\t100\t0\t-2\n");
    QDir().mkpath(r + QStringLiteral("/dev"));
}

void TestBlockDevices::listsDisksThenTheirPartitions()
{
    QStringList names;
    for (const BlockDeviceInfo &device : BlockDeviceScanner(m_root.path()).scanAll()) {
        names.append(device.kernelName);
    }
    QCOMPARE(names, QStringList({QStringLiteral("dm-0"), QStringLiteral("loop1"), QStringLiteral("sda"),
                                 QStringLiteral("sdb"), QStringLiteral("sdb1"), QStringLiteral("sdb2")}));
}

void TestBlockDevices::readsSysfsFacts()
{
    const BlockDeviceScanner scanner(m_root.path());
    const auto sdb = scanner.scan(QStringLiteral("sdb"));
    QVERIFY(sdb);
    QCOMPARE(sdb->kind, DeviceKind::Disk);
    QCOMPARE(sdb->node, QStringLiteral("/dev/sdb"));
    QCOMPARE(sdb->sizeInBytes(), quint64(8388608) * 512);
    QCOMPARE(sdb->logicalBlockSize, 4096u);
    QVERIFY(sdb->removable);
    QCOMPARE(sdb->model, QStringLiteral("Stick 3000"));
    QCOMPARE(sdb->serial, QStringLiteral("SN123"));

    const auto sdb1 = scanner.scan(QStringLiteral("sdb1"));
    QVERIFY(sdb1);
    QCOMPARE(sdb1->kind, DeviceKind::Partition);
    QCOMPARE(sdb1->parent, QStringLiteral("sdb"));
    QCOMPARE(sdb1->partitionStart, 2048u);
    QCOMPARE(sdb1->logicalBlockSize, 4096u); // from the disk's queue
    QVERIFY(sdb1->model.isEmpty());

    const auto dm = scanner.scan(QStringLiteral("dm-0"));
    QCOMPARE(dm->kind, DeviceKind::DeviceMapper);
    QCOMPARE(dm->dmName, QStringLiteral("vg-data"));
    QVERIFY(dm->readOnly);
    QCOMPARE(dm->slaves, QStringList(QStringLiteral("sdb1")));

    const auto loop = scanner.scan(QStringLiteral("loop1"));
    QCOMPARE(loop->kind, DeviceKind::Loop);
    QCOMPARE(loop->loopBackingFile, QStringLiteral("/srv/disk image.img"));
}

void TestBlockDevices::readsTheUdevDatabase()
{
    const BlockDeviceScanner scanner(m_root.path());
    const auto sdb1 = scanner.scan(QStringLiteral("sdb1"));
    QVERIFY(!sdb1->filesystemProbed);
    QCOMPARE(sdb1->fsType, QStringLiteral("vfat"));
    QCOMPARE(sdb1->fsLabel, QStringLiteral("my stick"));
    QCOMPARE(sdb1->fsUuid, QStringLiteral("AB12-CD34"));
    QCOMPARE(sdb1->partUuid, QStringLiteral("1111-2222"));
    QCOMPARE(sdb1->partTableType, QStringLiteral("gpt"));
    const auto sdb = scanner.scan(QStringLiteral("sdb"));
    QCOMPARE(sdb->partTableType, QStringLiteral("gpt"));
    QCOMPARE(sdb->model, QStringLiteral("Stick 3000")); // sysfs wins over udev
}

void TestBlockDevices::seesMountsSwapAndHolders()
{
    const BlockDeviceScanner scanner(m_root.path());
    const auto sda = scanner.scan(QStringLiteral("sda"));
    QCOMPARE(sda->mountPoints, QStringList({QStringLiteral("/"), QStringLiteral("/home dir")}));
    QCOMPARE(sda->inUseReason(), QStringLiteral("mounted at /, /home dir"));
    const auto sdb1 = scanner.scan(QStringLiteral("sdb1"));
    QCOMPARE(sdb1->holders, QStringList(QStringLiteral("dm-0")));
    QCOMPARE(sdb1->inUseReason(), QStringLiteral("held by dm-0"));
    QVERIFY(scanner.scan(QStringLiteral("sdb"))->inUseReason().isEmpty());
}

void TestBlockDevices::skipsEmptyAndVanishedDevices()
{
    const BlockDeviceScanner scanner(m_root.path());
    QVERIFY(!scanner.scan(QStringLiteral("loop0"))); // size 0: not attached
    QVERIFY(!scanner.scan(QStringLiteral("sdz")));
}

// A real kernel's uevent names the device number and type: then neither
// `dev` nor `partition` is looked up (the fake has neither file).
void TestBlockDevices::takesNumberAndTypeFromUevent()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString disk = root.path() + QStringLiteral("/sys/devices/virtual/block/vdb");
    writeFile(disk + QStringLiteral("/uevent"), "MAJOR=252\nMINOR=16\nDEVNAME=vdb\nDEVTYPE=disk\n");
    writeFile(disk + QStringLiteral("/size"), "4096\n");
    writeFile(disk + QStringLiteral("/vdb1/uevent"),
              "MAJOR=252\nMINOR=17\nDEVNAME=vdb1\nDEVTYPE=partition\n");
    writeFile(disk + QStringLiteral("/vdb1/size"), "2048\n");
    writeFile(disk + QStringLiteral("/vdb1/start"), "2048\n");
    QDir().mkpath(root.path() + QStringLiteral("/sys/class/block"));
    QVERIFY(QFile::link(disk, root.path() + QStringLiteral("/sys/class/block/vdb")));
    QVERIFY(
        QFile::link(disk + QStringLiteral("/vdb1"), root.path() + QStringLiteral("/sys/class/block/vdb1")));

    const BlockDeviceScanner scanner(root.path());
    const auto vdb = scanner.scan(QStringLiteral("vdb"));
    QVERIFY(vdb);
    QCOMPARE(vdb->number, (DeviceNumber{252, 16}));
    QCOMPARE(vdb->kind, DeviceKind::Disk);
    const auto vdb1 = scanner.scan(QStringLiteral("vdb1"));
    QVERIFY(vdb1);
    QCOMPARE(vdb1->number, (DeviceNumber{252, 17}));
    QCOMPARE(vdb1->kind, DeviceKind::Partition);
    QCOMPARE(vdb1->parent, QStringLiteral("vdb"));
    QCOMPARE(vdb1->partitionStart, 2048u);
}

QTEST_APPLESS_MAIN(TestBlockDevices)
#include "tst_blockdevices.moc"
