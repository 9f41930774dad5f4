// SPDX-License-Identifier: GPL-2.0-or-later
// The foreign-signature probe: the pure rules (which blkid TYPE/USAGE is a
// foreign owner's, and how it is worded), then libblkid for real on image
// files, which it probes like devices. LUKS headers come from cryptsetup
// itself (luksFormat writes a file without device-mapper); the LVM label is
// written here byte by byte, since pvcreate wants a block device, and blkid(8)
// confirms it is one LVM would recognise. md superblocks are not covered on
// files: mdadm --create refuses anything but block devices.

#include "fakes/lvmlabel.h"
#include "foreignsignature.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/sysmacros.h>

using namespace Volmap;

using Volmap::Fakes::lvmLabel;

class TestForeignSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void describe_data();
    void describe();
    void firstForeignSignatureWins();
    void probeFile_data();
    void probeFile();
    void missingFileIsUnreadable();
    void blockDeviceProbeWantsTheNode();

private:
    QString image(const QString &name, qint64 mib = 20);
    bool run(const QString &program, const QStringList &arguments);
    QString blkidType(const QString &path);

    QTemporaryDir m_dir;
};

void TestForeignSignature::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestForeignSignature::image(const QString &name, qint64 mib)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.resize(mib << 20)) {
        return QString();
    }
    return path;
}

bool TestForeignSignature::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
                    && process.exitCode() == 0;
    if (!ok) {
        qWarning("%s failed: %s", qPrintable(program), process.readAll().constData());
    }
    return ok;
}

// What blkid(8) says, which (unlike the helper) rejects bad checksums.
QString TestForeignSignature::blkidType(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("blkid"),
                  {QStringLiteral("-p"), QStringLiteral("-o"), QStringLiteral("value"), QStringLiteral("-s"),
                   QStringLiteral("TYPE"), path});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void TestForeignSignature::describe_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("description"); // empty: not a foreign owner's
    QTest::newRow("LVM2") << "LVM2_member"
                          << "raid"
                          << "an LVM physical volume (LVM2_member)";
    QTest::newRow("LVM1") << "LVM1_member"
                          << "raid"
                          << "an LVM1 physical volume (LVM1_member)";
    QTest::newRow("LUKS") << "crypto_LUKS"
                          << "crypto"
                          << "a LUKS header (crypto_LUKS)";
    QTest::newRow("md") << "linux_raid_member"
                        << "raid"
                        << "an md RAID member (linux_raid_member)";
    QTest::newRow("Intel firmware RAID") << "isw_raid_member"
                                         << "raid"
                                         << "a firmware RAID member (isw_raid_member)";
    QTest::newRow("DDF") << "ddf_raid_member"
                         << "raid"
                         << "a firmware RAID member (ddf_raid_member)";
    QTest::newRow("bcache, usage other") << "bcache"
                                         << "other"
                                         << "a bcache backing or cache device (bcache)";
    QTest::newRow("any raid usage") << "drbd"
                                    << "raid"
                                    << "a RAID or volume manager member (drbd)";
    QTest::newRow("any crypto usage") << "BitLocker"
                                      << "crypto"
                                      << "an encryption or integrity header (BitLocker)";
    QTest::newRow("usage without type") << ""
                                        << "crypto"
                                        << "an encryption or integrity header (no type)";
    QTest::newRow("ext4") << "ext4"
                          << "filesystem"
                          << "";
    QTest::newRow("swap") << "swap"
                          << "other"
                          << "";
    QTest::newRow("vfat") << "vfat"
                          << "filesystem"
                          << "";
    QTest::newRow("nothing") << ""
                             << ""
                             << "";
}

void TestForeignSignature::describe()
{
    QFETCH(QString, type);
    QFETCH(QString, usage);
    QFETCH(QString, description);
    QCOMPARE(describeForeignSignature({type, usage}), description);
}

void TestForeignSignature::firstForeignSignatureWins()
{
    const ForeignSignature none = judgeSignatures({});
    QCOMPARE(none.verdict, ForeignSignature::Verdict::None);
    QCOMPARE(judgeSignatures({{QStringLiteral("ext4"), QStringLiteral("filesystem")}}).verdict,
             ForeignSignature::Verdict::None);
    // A leftover filesystem next to a LUKS header: the header decides.
    const ForeignSignature mixed = judgeSignatures({{QStringLiteral("ext4"), QStringLiteral("filesystem")},
                                                    {QStringLiteral("crypto_LUKS"), QStringLiteral("crypto")},
                                                    {QStringLiteral("LVM2_member"), QStringLiteral("raid")}});
    QCOMPARE(mixed.verdict, ForeignSignature::Verdict::Foreign);
    QCOMPARE(mixed.type, QStringLiteral("crypto_LUKS"));
    QCOMPARE(mixed.description, QStringLiteral("a LUKS header (crypto_LUKS)"));
}

void TestForeignSignature::probeFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("type"); // empty: no foreign signature
    QTest::addColumn<QString>("description");
    const QString luks = QStringLiteral("a LUKS header (crypto_LUKS)");
    const QString lvm = QStringLiteral("an LVM physical volume (LVM2_member)");
    QTest::newRow("zeroed") << "zeroed"
                            << ""
                            << "";
    QTest::newRow("ext4") << "ext4"
                          << ""
                          << "";
    QTest::newRow("LUKS2 by cryptsetup") << "luks2"
                                         << "crypto_LUKS" << luks;
    QTest::newRow("LUKS1 by cryptsetup") << "luks1"
                                         << "crypto_LUKS" << luks;
    QTest::newRow("LVM2 label") << "lvm"
                                << "LVM2_member" << lvm;
    // A damaged label is still LVM's, to repair: accepted like a good one.
    QTest::newRow("LVM2 label, bad checksum") << "lvm-badcrc"
                                              << "LVM2_member" << lvm;
    QTest::newRow("LVM2 label over an old ext4") << "ext4+lvm"
                                                 << "LVM2_member" << lvm;
    // A LUKS1 header (592 bytes) copied over sector 0 of an ext4 image
    // leaves both signatures valid (wipefs lists both): the header decides.
    QTest::newRow("LUKS1 header over an old ext4") << "ext4+luks1"
                                                   << "crypto_LUKS" << luks;
}

void TestForeignSignature::probeFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, type);
    QFETCH(QString, description);
    const QString path = image(kind + QStringLiteral(".img"));
    QVERIFY(!path.isEmpty());
    const QStringList sbin{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")};
    const QString mkfs = QStandardPaths::findExecutable(QStringLiteral("mkfs.ext4"), sbin);
    const QString cryptsetup = QStandardPaths::findExecutable(QStringLiteral("cryptsetup"), sbin);
    if (kind.startsWith(u"ext4")) {
        if (mkfs.isEmpty()) {
            QSKIP("mkfs.ext4 is missing (packaging/install-deps installs e2fsprogs)");
        }
        QVERIFY(run(mkfs, {QStringLiteral("-F"), QStringLiteral("-q"), path}));
        QCOMPARE(blkidType(path), QStringLiteral("ext4"));
    }
    if (kind.contains(u"luks")) {
        if (cryptsetup.isEmpty()) {
            QSKIP("cryptsetup is missing (packaging/install-deps installs cryptsetup-bin)");
        }
        const QString key = m_dir.filePath(QStringLiteral("key"));
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::WriteOnly) && keyFile.write("not a secret") > 0);
        keyFile.close();
        // A cheap key derivation: the header, not its strength, is under test.
        const QString type = kind.endsWith(u"luks1") ? QStringLiteral("luks1") : QStringLiteral("luks2");
        const QString target = kind.startsWith(u"luks") ? path : image(QStringLiteral("header.img"));
        QVERIFY(run(cryptsetup, {QStringLiteral("luksFormat"), QStringLiteral("--batch-mode"),
                                 QStringLiteral("--type"), type, QStringLiteral("--pbkdf"),
                                 QStringLiteral("pbkdf2"), QStringLiteral("--pbkdf-force-iterations"),
                                 QStringLiteral("1000"), QStringLiteral("--key-file"), key, target}));
        if (target != path) {
            QFile header(target);
            QFile into(path);
            QVERIFY(header.open(QIODevice::ReadOnly) && into.open(QIODevice::ReadWrite));
            QCOMPARE(into.write(header.read(592)), 592);
        }
    }
    if (kind.contains(u"lvm")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(512));
        QCOMPARE(file.write(lvmLabel(20 << 11, kind != u"lvm-badcrc")), 512);
        file.close();
        if (kind == u"lvm") {
            QCOMPARE(blkidType(path), QStringLiteral("LVM2_member")); // the label is byte-exact
        }
    }

    const ForeignSignature found = probeForeignSignature(path);
    using Verdict = ForeignSignature::Verdict;
    QCOMPARE(found.verdict, type.isEmpty() ? Verdict::None : Verdict::Foreign);
    QCOMPARE(found.type, type);
    QCOMPARE(found.description, description);
}

void TestForeignSignature::missingFileIsUnreadable()
{
    const ForeignSignature found = probeForeignSignature(m_dir.filePath(QStringLiteral("not-there")));
    QCOMPARE(found.verdict, ForeignSignature::Verdict::Unreadable);
    QVERIFY(found.type.isEmpty());
    QVERIFY2(found.description.startsWith(u"cannot be opened ("), qPrintable(found.description));
}

void TestForeignSignature::blockDeviceProbeWantsTheNode()
{
    // An LVM-labelled image, so a probe that read it anyway would say Foreign.
    const QString path = image(QStringLiteral("labelled.img"), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(512) && file.write(lvmLabel(2 << 11, true)) == 512);
    file.close();
    QCOMPARE(probeForeignSignature(path).verdict, ForeignSignature::Verdict::Foreign);

    const ForeignSignature regular = probeBlockDevice(path, DeviceNumber{7, 0});
    QCOMPARE(regular.verdict, ForeignSignature::Verdict::Unreadable);
    QCOMPARE(regular.description, QStringLiteral("is not the node of block device 7:0"));

    const QString link = m_dir.filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(path, link));
    const ForeignSignature viaLink = probeBlockDevice(link, DeviceNumber{7, 0});
    QCOMPARE(viaLink.verdict, ForeignSignature::Verdict::Unreadable);
    QVERIFY2(viaLink.description.startsWith(u"cannot be opened ("), qPrintable(viaLink.description));

    // /dev/null is a character device: refused by its type before any read.
    const ForeignSignature character = probeBlockDevice(QStringLiteral("/dev/null"), DeviceNumber{1, 3});
    QCOMPARE(character.verdict, ForeignSignature::Verdict::Unreadable);
}

QTEST_APPLESS_MAIN(TestForeignSignature)
#include "tst_foreignsignature.moc"
