// SPDX-License-Identifier: GPL-2.0-or-later
// The plain scan (devicescan.h, scanfiles.h) on a fake tree: text stays
// the bytes the kernel and udev wrote (UTF-8 or not), mountinfo's and
// swaps' \ooo escapes are undone, a partition finds its disk through the
// sysfs link, and numbers are taken only when they are numbers.

#include "devicescan.h"
#include "scanfiles.h"

#include "fakes/testfiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

using Volmap::Fakes::writeFile;

class TestDeviceScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsTheBytesOfUdevAndSysfs();
    void undoesTheEscapesOfProc();
    void placesPartitionsAfterTheirDisk();
    void parsesOnlyDecimalNumbers();

private:
    QString m_root;
    QTemporaryDir m_dir;
};

void TestDeviceScan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.path();
    const QString sys = m_root + QStringLiteral("/sys/devices/pci/block/");
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/sys/class/block")));
    // vdb before vda in directory order would not matter: names are sorted.
    for (const auto &[path, uevent] :
         {std::pair{"vdb", "MAJOR=254\nMINOR=16\nDEVNAME=vdb\nDEVTYPE=disk\n"},
          std::pair{"vda", "MAJOR=254\nMINOR=0\nDEVNAME=vda\nDEVTYPE=disk\n"},
          std::pair{"vda/vda1", "MAJOR=254\nMINOR=1\nDEVNAME=vda1\nDEVTYPE=partition\n"}}) {
        const QString dir = sys + QLatin1String(path);
        writeFile(dir + QStringLiteral("/uevent"), uevent);
        writeFile(dir + QStringLiteral("/size"), "2048\n");
        QVERIFY(QFile::link(dir, m_root + QStringLiteral("/sys/class/block/") + QFileInfo(dir).fileName()));
    }
    writeFile(sys + QStringLiteral("vda/vda1/start"), "34\n");
    writeFile(sys + QStringLiteral("vda/queue/logical_block_size"), "4096\n");
    writeFile(sys + QStringLiteral("vda/device/model"), " \tDisk \xe9\xff  \n");
    writeFile(m_root + QStringLiteral("/run/udev/data/b254:1"),
              "E:ID_FS_TYPE=ext4\nE:ID_FS_LABEL_ENC=caf\\xc3\\xa9\\x20\\xff\\x\nE:ID_FS_UUID_ENC=x\n"
              "E:ID_FS_UUID=1234\n");
    writeFile(m_root + QStringLiteral("/run/udev/data/b254:16"),
              "E:ID_SERIAL_SHORT=S1\nE:ID_SERIAL_SHORT=S2\n");
    writeFile(m_root + QStringLiteral("/proc/self/mountinfo"),
              "25 1 254:1 / /mnt/a\\040b\\134c\\011d rw - ext4 /dev/vda1 rw\n"
              "26 1 254:1 / /mnt/\\xyz rw - ext4 /dev/vda1 rw\nshort line\n");
    writeFile(m_root + QStringLiteral("/dev/swap\\file"), "");
    writeFile(m_root + QStringLiteral("/proc/swaps"), "Filename Type\n/dev/swap\\134file file 8 0 -2\n");
}

void TestDeviceScan::keepsTheBytesOfUdevAndSysfs()
{
    const auto vda1 = scanBlockDevice(m_root.toStdString(), "vda1");
    QVERIFY(vda1);
    QCOMPARE(vda1->fsType, "ext4");
    // \xNN decoded to bytes, even where they are no UTF-8; a cut-off \x kept.
    QCOMPARE(vda1->fsLabel, "caf\xc3\xa9 \xff\\x");
    QCOMPARE(vda1->fsUuid, "1234");
    const auto vda = scanBlockDevice(m_root.toStdString(), "vda");
    QVERIFY(vda);
    QCOMPARE(vda->model, "Disk \xe9\xff"); // blanks around trimmed
    const auto vdb = scanBlockDevice(m_root.toStdString(), "vdb");
    QVERIFY(vdb);
    QCOMPARE(vdb->serial, "S1"); // the first one udev wrote
    QVERIFY(!scanBlockDevice(m_root.toStdString(), "vdc"));
}

void TestDeviceScan::undoesTheEscapesOfProc()
{
    const auto mounts = Scan::readMountTable(m_root.toStdString());
    QCOMPARE(mounts.size(), 1u);
    const std::vector<std::string> expected{"/mnt/a b\\c\td", "/mnt/\\xyz"};
    QCOMPARE(mounts.at("254:1"), expected);
    const auto vda1 = scanBlockDevice(m_root.toStdString(), "vda1");
    QCOMPARE(inUseReasonText(*vda1), "mounted at /mnt/a b\\c\td, /mnt/\\xyz");

    // The swap file is no block device: not a swap device.
    QVERIFY(Scan::readSwapNumbers(m_root.toStdString()).empty());
    QVERIFY(Scan::readSwapNumbers("/nonexistent").empty());
}

void TestDeviceScan::placesPartitionsAfterTheirDisk()
{
    QStringList names;
    for (const ScannedDevice &device : scanBlockDevices(m_root.toStdString())) {
        names.append(QString::fromStdString(device.kernelName + ' ' + device.numberText() + ' '
                                            + deviceKindText(device.kind) + ' ' + device.parent));
    }
    QCOMPARE(names, QStringList({QStringLiteral("vda 254:0 disk "), QStringLiteral("vda1 254:1 part vda"),
                                 QStringLiteral("vdb 254:16 disk ")}));
    const auto vda1 = scanBlockDevice(m_root.toStdString(), "vda1");
    QCOMPARE(vda1->partitionStart, 34u);
    QCOMPARE(vda1->logicalBlockSize, 4096u); // the disk's queue
    QCOMPARE(vda1->sizeInBytes(), 2048u * 512);
}

void TestDeviceScan::parsesOnlyDecimalNumbers()
{
    QCOMPARE(Scan::parseDecimal("0"), std::optional<std::uint64_t>(0));
    QCOMPARE(Scan::parseDecimal("18446744073709551615"),
             std::optional<std::uint64_t>(std::numeric_limits<std::uint64_t>::max()));
    for (const char *text :
         {"", "18446744073709551616", "000000000000000000001", "-1", "+1", " 1", "1 ", "0x10"}) {
        QVERIFY2(!Scan::parseDecimal(text), text);
    }
}

QTEST_GUILESS_MAIN(TestDeviceScan)
#include "tst_devicescan.moc"
