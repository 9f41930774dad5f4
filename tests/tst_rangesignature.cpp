// SPDX-License-Identifier: GPL-2.0-or-later
// What a range holds: the pure classification and wording, libblkid for
// real on image files (whole, and at an offset inside a bigger image, as a
// range of a device is probed), udev's database as the fallback for what
// cannot be opened, and the asynchronous probe's cache, bound and
// invalidation with a probe function that only counts. volmapctl's plain
// create asks the same question without Qt (blkidrange.h): its answer must
// be what holdsData() says of the Qt probe's.

#include "blkidrange.h"
#include "fakes/lvmlabel.h"
#include "filedescriptor.h"
#include "rangesignature.h"
#include "rangesignatureprobe.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Volmap;
using Kind = RangeSignature::Kind;

class TestRangeSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void kinds_data();
    void kinds();
    void descriptions();
    void probeImage_data();
    void probeImage();
    void probeAtOffset();
    void missingFileIsUnknown();
    void expectedDeviceIsChecked();
    void udevRecord_data();
    void udevRecord();
    void udevOnlyForTheStartOfADevice();
    void cachesAndBoundsProbes();
    void invalidateDropsStaleResults();
    void probeAllWaitsForEveryRange();
    void probeAllGivesUpOnAHangingDevice();

private:
    QString image(const QString &name, qint64 mib);
    static RangeContent plainContent(const QString &path, quint64 offsetInSectors, quint64 lengthInSectors);
    bool run(const QString &program, const QStringList &arguments, const QByteArray &input = {});
    QString tool(const QString &name);
    void udevFile(const QString &root, const QString &number, const QByteArray &content);

    QTemporaryDir m_dir;
};

void TestRangeSignature::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestRangeSignature::image(const QString &name, qint64 mib)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.resize(mib << 20)) {
        return QString();
    }
    return path;
}

QString TestRangeSignature::tool(const QString &name)
{
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

bool TestRangeSignature::run(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    const bool ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
                    && process.exitCode() == 0;
    if (!ok) {
        qWarning("%s failed: %s", qPrintable(program), process.readAll().constData());
    }
    return ok;
}

RangeContent TestRangeSignature::plainContent(const QString &path, quint64 offsetInSectors,
                                              quint64 lengthInSectors)
{
    const FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    return fd.get() < 0 ? RangeContent::Unknown
                        : probeRangeContent(fd.get(), offsetInSectors * 512, lengthInSectors * 512);
}

void TestRangeSignature::kinds_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("ext4") << "ext4"
                          << "filesystem" << Kind::Filesystem;
    QTest::newRow("ext4 without usage (device list)") << "ext4"
                                                      << "" << Kind::Filesystem;
    QTest::newRow("LVM2") << "LVM2_member"
                          << "raid" << Kind::Lvm;
    QTest::newRow("LUKS") << "crypto_LUKS"
                          << "crypto" << Kind::Luks;
    QTest::newRow("BitLocker") << "BitLocker"
                               << "crypto" << Kind::Luks;
    QTest::newRow("md") << "linux_raid_member"
                        << "raid" << Kind::Raid;
    QTest::newRow("firmware RAID") << "isw_raid_member"
                                   << "" << Kind::Raid;
    QTest::newRow("bcache") << "bcache"
                            << "other" << Kind::Bcache;
    QTest::newRow("swap") << "swap"
                          << "other" << Kind::Swap;
    QTest::newRow("other") << "jmicron_something"
                           << "other" << Kind::Other;
    QTest::newRow("nothing") << ""
                             << "" << Kind::Nothing;
}

void TestRangeSignature::kinds()
{
    QFETCH(QString, type);
    QFETCH(QString, usage);
    QFETCH(Kind, kind);
    QCOMPARE(signatureKindOf(type, usage), kind);
}

void TestRangeSignature::descriptions()
{
    RangeSignature ext4{Kind::Filesystem,
                        QStringLiteral("ext4"),
                        QStringLiteral("home"),
                        QStringLiteral("1234-abcd"),
                        QString(),
                        false};
    QCOMPARE(ext4.description(), QStringLiteral("ext4 filesystem labelled “home” (UUID 1234-abcd)"));
    QVERIFY(ext4.holdsData());
    ext4.label.clear();
    ext4.uuid.clear();
    QCOMPARE(ext4.description(), QStringLiteral("ext4 filesystem"));
    const RangeSignature table{Kind::PartitionTable, QStringLiteral("gpt"), {}, {}, {}, false};
    QCOMPARE(table.description(), QStringLiteral("partition table (gpt)"));
    QVERIFY(table.holdsData());
    const RangeSignature nothing{Kind::Nothing, {}, {}, {}, {}, false};
    QCOMPARE(nothing.description(), QStringLiteral("no known signature"));
    QVERIFY(!nothing.holdsData());
    const RangeSignature unknown{Kind::Unknown, {}, {}, {}, QStringLiteral("Permission denied"), false};
    QCOMPARE(unknown.description(), QStringLiteral("not known (Permission denied)"));
    QVERIFY(!unknown.holdsData());
}

void TestRangeSignature::probeImage_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<QString>("type");
    QTest::newRow("zeroed") << "zeroed" << Kind::Nothing << "";
    QTest::newRow("ext4 with label and UUID") << "ext4" << Kind::Filesystem << "ext4";
    QTest::newRow("LUKS2") << "luks2" << Kind::Luks << "crypto_LUKS";
    QTest::newRow("LVM2 label") << "lvm" << Kind::Lvm << "LVM2_member";
    QTest::newRow("swap") << "swap" << Kind::Swap << "swap";
    QTest::newRow("dos partition table") << "dos" << Kind::PartitionTable << "dos";
    QTest::newRow("gpt partition table") << "gpt" << Kind::PartitionTable << "gpt";
}

void TestRangeSignature::probeImage()
{
    QFETCH(QString, kind);
    QFETCH(Kind, expected);
    QFETCH(QString, type);
    const QString path = image(kind + QStringLiteral(".img"), 20);
    QVERIFY(!path.isEmpty());
    const QString uuid = QStringLiteral("0b9c7f0e-5d2a-4e6b-9a51-3c1d2e4f6a7b");
    if (kind == u"ext4") {
        if (tool(QStringLiteral("mkfs.ext4")).isEmpty()) {
            QSKIP("mkfs.ext4 is missing (packaging/install-deps installs e2fsprogs)");
        }
        QVERIFY(run(tool(QStringLiteral("mkfs.ext4")),
                    {QStringLiteral("-F"), QStringLiteral("-q"), QStringLiteral("-L"), QStringLiteral("home"),
                     QStringLiteral("-U"), uuid, path}));
    } else if (kind == u"luks2") {
        if (tool(QStringLiteral("cryptsetup")).isEmpty()) {
            QSKIP("cryptsetup is missing (packaging/install-deps installs cryptsetup-bin)");
        }
        const QString key = m_dir.filePath(QStringLiteral("key"));
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::WriteOnly) && keyFile.write("not a secret") > 0);
        keyFile.close();
        QVERIFY(run(tool(QStringLiteral("cryptsetup")),
                    {QStringLiteral("luksFormat"), QStringLiteral("--batch-mode"), QStringLiteral("--type"),
                     QStringLiteral("luks2"), QStringLiteral("--pbkdf"), QStringLiteral("pbkdf2"),
                     QStringLiteral("--pbkdf-force-iterations"), QStringLiteral("1000"),
                     QStringLiteral("--key-file"), key, path}));
    } else if (kind == u"lvm") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(512));
        QCOMPARE(file.write(Fakes::lvmLabel(20 << 11, true)), 512);
    } else if (kind == u"swap") {
        if (tool(QStringLiteral("mkswap")).isEmpty()) {
            QSKIP("mkswap is missing (util-linux)");
        }
        QVERIFY(run(tool(QStringLiteral("mkswap")), {QStringLiteral("-q"), path}));
    } else if (kind == u"dos" || kind == u"gpt") {
        if (tool(QStringLiteral("sfdisk")).isEmpty()) {
            QSKIP("sfdisk is missing (fdisk)");
        }
        QVERIFY(run(tool(QStringLiteral("sfdisk")), {QStringLiteral("-q"), path},
                    "label: " + kind.toLatin1() + "\nstart=2048, size=8192\n"));
    }

    const RangeSignature found = probeRangeSignature(path, 0, 20 << 11);
    QCOMPARE(found.kind, expected);
    QCOMPARE(plainContent(path, 0, 20 << 11), found.holdsData() ? RangeContent::Data : RangeContent::Nothing);
    QCOMPARE(found.type, type);
    QVERIFY(!found.fromUdev);
    if (kind == u"ext4") {
        QCOMPARE(found.label, QStringLiteral("home"));
        QCOMPARE(found.uuid, uuid);
    }
}

void TestRangeSignature::probeAtOffset()
{
    // A 4 MiB ext4 placed 8 MiB into a 16 MiB image: found at its offset,
    // not at the image's start, and not by a range that ends before it.
    if (tool(QStringLiteral("mkfs.ext4")).isEmpty()) {
        QSKIP("mkfs.ext4 is missing (packaging/install-deps installs e2fsprogs)");
    }
    const QString small = image(QStringLiteral("small-ext4.img"), 4);
    QVERIFY(run(tool(QStringLiteral("mkfs.ext4")), {QStringLiteral("-F"), QStringLiteral("-q"),
                                                    QStringLiteral("-L"), QStringLiteral("inside"), small}));
    const QString big = image(QStringLiteral("big.img"), 16);
    {
        QFile from(small);
        QFile into(big);
        QVERIFY(from.open(QIODevice::ReadOnly) && into.open(QIODevice::ReadWrite) && into.seek(8 << 20));
        QCOMPARE(into.write(from.readAll()), qint64(4 << 20));
    }
    const quint64 at = 8 << 11; // sectors
    const RangeSignature inside = probeRangeSignature(big, at, 4 << 11);
    QCOMPARE(inside.kind, Kind::Filesystem);
    QCOMPARE(inside.label, QStringLiteral("inside"));
    QCOMPARE(probeRangeSignature(big, 0, at).kind, Kind::Nothing);
    // Just past its superblock the filesystem is not seen.
    QCOMPARE(probeRangeSignature(big, at + 8, 2 << 11).kind, Kind::Nothing);
    QCOMPARE(plainContent(big, at, 4 << 11), RangeContent::Data);
    QCOMPARE(plainContent(big, 0, at), RangeContent::Nothing);
    QCOMPARE(plainContent(big, at + 8, 2 << 11), RangeContent::Nothing);
}

void TestRangeSignature::missingFileIsUnknown()
{
    const RangeSignature found = probeRangeSignature(m_dir.filePath(QStringLiteral("gone")), 0, 8);
    QCOMPARE(found.kind, Kind::Unknown);
    QVERIFY(!found.why.isEmpty());
    QVERIFY(!found.holdsData());
}

void TestRangeSignature::expectedDeviceIsChecked()
{
    // An LVM-labelled regular file is not block device 8:16, so it is not read.
    const QString path = image(QStringLiteral("not-a-device.img"), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(512)
            && file.write(Fakes::lvmLabel(2 << 11, true)) == 512);
    file.close();
    QCOMPARE(probeRangeSignature(path, 0, 2 << 11).kind, Kind::Lvm);
    const RangeSignature checked = probeRangeSignature(path, 0, 2 << 11, DeviceNumber{8, 16});
    QCOMPARE(checked.kind, Kind::Unknown);
    QVERIFY2(checked.why.contains(u"8:16"), qPrintable(checked.why));
    int fd = -1;
    QCOMPARE(openProbeNode(QFile::encodeName(path).constData(), ::makedev(8, 16), fd),
             NodeOpen::NotThatDevice);
    QCOMPARE(fd, -1);
    QCOMPARE(openProbeNode(QFile::encodeName(path).constData(), std::nullopt, fd), NodeOpen::Opened);
    ::close(fd);
}

void TestRangeSignature::udevFile(const QString &root, const QString &number, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(root + QStringLiteral("/run/udev/data")));
    QFile file(root + QStringLiteral("/run/udev/data/b") + number);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void TestRangeSignature::udevRecord_data()
{
    QTest::addColumn<QByteArray>("record"); // empty: no file at all
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("uuid");
    QTest::newRow("ext4") << QByteArray("S:disk/by-uuid/ab12\nE:ID_FS_TYPE=ext4\nE:ID_FS_USAGE=filesystem\n"
                                        "E:ID_FS_LABEL=home\nE:ID_FS_UUID=ab12\nG:systemd\n")
                          << Kind::Filesystem << "ext4"
                          << "home"
                          << "ab12";
    QTest::newRow("LVM") << QByteArray("E:ID_FS_TYPE=LVM2_member\nE:ID_FS_USAGE=raid\nE:ID_FS_UUID=pv1\n")
                         << Kind::Lvm << "LVM2_member"
                         << ""
                         << "pv1";
    QTest::newRow("LUKS") << QByteArray("E:ID_FS_TYPE=crypto_LUKS\nE:ID_FS_USAGE=crypto\n") << Kind::Luks
                          << "crypto_LUKS"
                          << ""
                          << "";
    QTest::newRow("partition table") << QByteArray("E:ID_PART_TABLE_TYPE=gpt\nE:ID_PART_TABLE_UUID=x\n")
                                     << Kind::PartitionTable << "gpt"
                                     << ""
                                     << "";
    QTest::newRow("record without content") << QByteArray("E:ID_MODEL=Disk\n") << Kind::Nothing << ""
                                            << ""
                                            << "";
    QTest::newRow("no record") << QByteArray() << Kind::Unknown << ""
                               << ""
                               << "";
}

void TestRangeSignature::udevRecord()
{
    QFETCH(QByteArray, record);
    QFETCH(Kind, kind);
    QFETCH(QString, type);
    QFETCH(QString, label);
    QFETCH(QString, uuid);
    const QString root = m_dir.filePath(QStringLiteral("udev-")
                                        + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(root));
    if (!record.isEmpty()) {
        udevFile(root, QStringLiteral("8:16"), record);
    }
    const RangeSignature found = udevSignature(root, DeviceNumber{8, 16});
    QCOMPARE(found.kind, kind);
    QCOMPARE(found.type, type);
    QCOMPARE(found.label, label);
    QCOMPARE(found.uuid, uuid);
    QCOMPARE(found.fromUdev, kind != Kind::Unknown);
    // No node under the root: the plain check falls back on the record too.
    QCOMPARE(rangeHoldsNoData(QFile::encodeName(root).toStdString(), "/dev/sdb", ::makedev(8, 16), 0, 2048),
             !found.holdsData());
}

void TestRangeSignature::udevOnlyForTheStartOfADevice()
{
    // No /dev node under the root: libblkid cannot open it, udev answers,
    // but only for a range from sector 0, which is what udev probed.
    const QString root = m_dir.filePath(QStringLiteral("fallback"));
    udevFile(root, QStringLiteral("8:16"),
             "E:ID_FS_TYPE=xfs\nE:ID_FS_USAGE=filesystem\nE:ID_FS_LABEL=data\n");
    const RangeSignature start = signatureOfRange(root, QStringLiteral("/dev/sdb"), DeviceNumber{8, 16}, 0,
                                                  2048);
    QCOMPARE(start.kind, Kind::Filesystem);
    QCOMPARE(start.type, QStringLiteral("xfs"));
    QVERIFY(start.fromUdev);
    const RangeSignature later = signatureOfRange(root, QStringLiteral("/dev/sdb"), DeviceNumber{8, 16}, 2048,
                                                  2048);
    QCOMPARE(later.kind, Kind::Unknown);
    QVERIFY(!later.holdsData());
    const std::string plainRoot = QFile::encodeName(root).toStdString();
    QVERIFY(!rangeHoldsNoData(plainRoot, "/dev/sdb", ::makedev(8, 16), 0, 2048));
    QVERIFY(rangeHoldsNoData(plainRoot, "/dev/sdb", ::makedev(8, 16), 2048, 2048));

    // A readable node wins over udev: the image holds nothing, udev says xfs.
    QVERIFY(QDir().mkpath(root + QStringLiteral("/dev")));
    QFile node(root + QStringLiteral("/dev/sdc"));
    QVERIFY(node.open(QIODevice::WriteOnly) && node.resize(1 << 20));
    node.close();
    const RangeSignature read = probeRangeSignature(node.fileName(), 0, 2048);
    QCOMPARE(read.kind, Kind::Nothing);
}

void TestRangeSignature::cachesAndBoundsProbes()
{
    RangeSignatureProbe probe;
    std::atomic<int> running{0};
    std::atomic<int> mostAtOnce{0};
    std::atomic<int> calls{0};
    probe.setMaxInFlight(2);
    probe.setProbeFunction([&](const QString &, const RangeKey &key) {
        const int now = ++running;
        int seen = mostAtOnce.load();
        while (now > seen && !mostAtOnce.compare_exchange_weak(seen, now)) {
        }
        ++calls;
        QThread::msleep(30);
        --running;
        return RangeSignature{
            Kind::Filesystem, QStringLiteral("ext4"), QString::number(key.offset), {}, {}, false};
    });
    QSignalSpy probed(&probe, &RangeSignatureProbe::probed);
    for (quint64 offset = 0; offset < 6; ++offset) {
        QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb"), {{8, 16}, offset, 8}));
        QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb"), {{8, 16}, offset, 8})); // queued once
    }
    QCOMPARE(probe.pendingCount(), 6);
    QTRY_COMPARE(probed.size(), 6);
    QCOMPARE(calls.load(), 6);
    QVERIFY2(mostAtOnce.load() <= 2, qPrintable(QString::number(mostAtOnce.load())));
    const auto cached = probe.signatureFor(QStringLiteral("/dev/sdb"), {{8, 16}, 3, 8});
    QVERIFY(cached);
    QCOMPARE(cached->label, QStringLiteral("3"));
    QCOMPARE(calls.load(), 6); // from the cache
}

void TestRangeSignature::invalidateDropsStaleResults()
{
    RangeSignatureProbe probe;
    QSemaphore release;
    std::atomic<int> calls{0};
    probe.setProbeFunction([&](const QString &, const RangeKey &) {
        const int call = ++calls;
        if (call == 1) {
            release.acquire(); // held until the device "changed"
        }
        return RangeSignature{call == 1 ? Kind::Nothing : Kind::Lvm, QString(), {}, {}, {}, false};
    });
    QSignalSpy probed(&probe, &RangeSignatureProbe::probed);
    const RangeKey key{{8, 16}, 0, 8};
    QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb"), key));
    probe.invalidate(key.device); // e.g. pvcreate ran while it was read
    release.release();
    QTest::qWait(100);
    QCOMPARE(probed.size(), 0); // the stale answer was dropped
    QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb"), key));
    QTRY_COMPARE(probed.size(), 1);
    QCOMPARE(probe.signatureFor(QStringLiteral("/dev/sdb"), key)->kind, Kind::Lvm);
    // Another device's results survive an invalidation.
    probe.invalidate(DeviceNumber{8, 32});
    QVERIFY(probe.signatureFor(QStringLiteral("/dev/sdb"), key));
    probe.invalidate(key.device);
    QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb"), key));
    QTRY_COMPARE(probed.size(), 2);
}

void TestRangeSignature::probeAllWaitsForEveryRange()
{
    RangeSignatureProbe probe;
    probe.setProbeFunction([](const QString &, const RangeKey &key) {
        return RangeSignature{key.offset == 0 ? Kind::PartitionTable : Kind::Nothing,
                              key.offset == 0 ? QStringLiteral("gpt") : QString(),
                              {},
                              {},
                              {},
                              false};
    });
    QList<RangeSignature> result;
    int calls = 0;
    QObject context;
    probe.probeAll(
        {{QStringLiteral("/dev/sdb"), {{8, 16}, 0, 8}}, {QStringLiteral("/dev/sdb"), {{8, 16}, 64, 8}}},
        &context, [&](const QList<RangeSignature> &found) {
            result = found;
            ++calls;
        });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(result.size(), 2);
    QCOMPARE(result[0].kind, Kind::PartitionTable);
    QCOMPARE(result[1].kind, Kind::Nothing);
    // All cached now: answered at once, and only once.
    probe.probeAll({{QStringLiteral("/dev/sdb"), {{8, 16}, 64, 8}}}, &context,
                   [&](const QList<RangeSignature> &) { ++calls; });
    QCOMPARE(calls, 2);
    QTest::qWait(50);
    QCOMPARE(calls, 2);
}

void TestRangeSignature::probeAllGivesUpOnAHangingDevice()
{
    RangeSignatureProbe probe;
    QSemaphore hang;
    probe.setProbeFunction([&hang](const QString &, const RangeKey &key) {
        if (key.offset == 64) {
            hang.acquire(); // a device that does not answer
        }
        return RangeSignature{Kind::PartitionTable, QStringLiteral("dos"), {}, {}, {}, false};
    });
    QList<RangeSignature> result;
    int calls = 0;
    QObject context;
    // The hanging range first: the one after it is still read meanwhile.
    probe.probeAll(
        {{QStringLiteral("/dev/sdb"), {{8, 16}, 64, 8}}, {QStringLiteral("/dev/sdc"), {{8, 32}, 0, 8}}},
        &context,
        [&](const QList<RangeSignature> &found) {
            result = found;
            ++calls;
        },
        200);
    QTRY_COMPARE(calls, 1);
    QCOMPARE(result.size(), 2);
    QCOMPARE(result[0].kind, Kind::Unknown);
    QCOMPARE(result[0].description(), QStringLiteral("not known (still being read)"));
    QCOMPARE(result[1].kind, Kind::PartitionTable);
    hang.release(); // a late answer goes to the cache, not to `done` again
    QTRY_VERIFY(probe.signatureFor(QStringLiteral("/dev/sdb"), {{8, 16}, 64, 8}).has_value());
    QTest::qWait(20);
    QCOMPARE(calls, 1);
}

QTEST_GUILESS_MAIN(TestRangeSignature)
#include "tst_rangesignature.moc"
