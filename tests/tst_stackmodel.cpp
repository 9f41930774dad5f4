// SPDX-License-Identifier: GPL-2.0-or-later
// How devices stack, read from fake sysfs trees: the snapshot both ways,
// the model under QAbstractItemModelTester, owners from uuids, the
// editor's limits and the client-side key guard.

#include "fakes/fakestacks.h"
#include "mappingowner.h"
#include "stackmodel.h"
#include "tabletext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;
using Direction = StackSnapshot::Direction;

class TestStackModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void luksOnLvmOnMdTopDown();
    void luksOnLvmOnMdBottomUp();
    void multipleHoldersShowUnderEach();
    void ownersComeFromUuidPrefixes();
    void listingAddsOpenCountsAndTargets();
    void modelFollowsDirectionAndRefresh();
    void loopsInABrokenTreeEnd();
    void editorOpensOnlyWhatItRepresents();
    void cryptKeysNeverShow_data();
    void cryptKeysNeverShow();
    void segmentDevicesAreFound();

private:
    std::unique_ptr<FakeSystem> m_system;
};

// sda1 + sdb1 → md0 → LVM volume dm-0 → LUKS dm-1; sdc holds two mappings,
// ours (dm-2) and a read-only one without uuid (dm-3); dm-4 is all zero.
void TestStackModel::init()
{
    m_system = std::make_unique<FakeSystem>();
    FakeSystem &s = *m_system;
    s.addDevice(QStringLiteral("sda"), 8, 0, 2097152);
    s.addDevice(QStringLiteral("sda1"), 8, 1, 2095104, QStringLiteral("sda"), 2048);
    s.addDevice(QStringLiteral("sdb"), 8, 16, 2097152);
    s.addDevice(QStringLiteral("sdb1"), 8, 17, 2095104, QStringLiteral("sdb"), 2048);
    s.addDevice(QStringLiteral("sdc"), 8, 32, 4194304);
    s.addDevice(QStringLiteral("md0"), 9, 0, 2093056);
    stackOn(s, QStringLiteral("md0"), QStringLiteral("sda1"));
    stackOn(s, QStringLiteral("md0"), QStringLiteral("sdb1"));
    addMappingDevice(s, QStringLiteral("dm-0"), 0, 2000000, QStringLiteral("vg-root"),
                     QStringLiteral("LVM-abcdef"));
    stackOn(s, QStringLiteral("dm-0"), QStringLiteral("md0"));
    addMappingDevice(s, QStringLiteral("dm-1"), 1, 1996000, QStringLiteral("cryptroot"),
                     QStringLiteral("CRYPT-LUKS2-0123-cryptroot"));
    stackOn(s, QStringLiteral("dm-1"), QStringLiteral("dm-0"));
    addMappingDevice(s, QStringLiteral("dm-2"), 2, 2048, QStringLiteral("ours"),
                     QStringLiteral("VOLMAP-U1000-x"));
    stackOn(s, QStringLiteral("dm-2"), QStringLiteral("sdc"));
    addMappingDevice(s, QStringLiteral("dm-3"), 3, 4096, QStringLiteral("plain"), QString(), true);
    stackOn(s, QStringLiteral("dm-3"), QStringLiteral("sdc"));
    addMappingDevice(s, QStringLiteral("dm-4"), 4, 100, QStringLiteral("empty"), QStringLiteral("VOLMAP-y"));
}

void TestStackModel::cleanup()
{
    m_system.reset();
}

void TestStackModel::luksOnLvmOnMdTopDown()
{
    const StackSnapshot snapshot = StackSnapshot::read(m_system->root());
    QCOMPARE(snapshot.roots(Direction::TopDown),
             (QStringList{QStringLiteral("dm-1"), QStringLiteral("dm-2"), QStringLiteral("dm-3"),
                          QStringLiteral("dm-4")}));
    QCOMPARE(snapshot.children(QStringLiteral("dm-1"), Direction::TopDown),
             QStringList{QStringLiteral("dm-0")});
    QCOMPARE(snapshot.children(QStringLiteral("dm-0"), Direction::TopDown),
             QStringList{QStringLiteral("md0")});
    QCOMPARE(snapshot.children(QStringLiteral("md0"), Direction::TopDown),
             (QStringList{QStringLiteral("sda1"), QStringLiteral("sdb1")}));
    // A partition leads down to its disk.
    QCOMPARE(snapshot.children(QStringLiteral("sda1"), Direction::TopDown),
             QStringList{QStringLiteral("sda")});
    QVERIFY(snapshot.children(QStringLiteral("sda"), Direction::TopDown).isEmpty());
    QVERIFY(snapshot.children(QStringLiteral("dm-4"), Direction::TopDown).isEmpty());

    const StackNode *crypt = snapshot.node(QStringLiteral("dm-1"));
    QVERIFY(crypt);
    QCOMPARE(crypt->dmName, QStringLiteral("cryptroot"));
    QCOMPARE(crypt->owner, OwnerTool::Crypt);
    QCOMPARE(crypt->number, QStringLiteral("254:1"));
    QCOMPARE(crypt->sizeInSectors, quint64(1996000));
    QCOMPARE(crypt->displayName(), QStringLiteral("cryptroot (dm-1)"));
    QCOMPARE(snapshot.node(QStringLiteral("sdb1"))->disk, QStringLiteral("sdb"));
    QCOMPARE(snapshot.kernelNameOf(QStringLiteral("9:0")), QStringLiteral("md0"));
    QVERIFY(snapshot.kernelNameOf(QStringLiteral("1:1")).isEmpty());
}

void TestStackModel::luksOnLvmOnMdBottomUp()
{
    const StackSnapshot snapshot = StackSnapshot::read(m_system->root());
    QCOMPARE(snapshot.roots(Direction::BottomUp),
             (QStringList{QStringLiteral("dm-4"), QStringLiteral("sda"), QStringLiteral("sdb"),
                          QStringLiteral("sdc")}));
    QCOMPARE(snapshot.children(QStringLiteral("sda"), Direction::BottomUp),
             QStringList{QStringLiteral("sda1")});
    QCOMPARE(snapshot.children(QStringLiteral("sda1"), Direction::BottomUp),
             QStringList{QStringLiteral("md0")});
    QCOMPARE(snapshot.children(QStringLiteral("md0"), Direction::BottomUp),
             QStringList{QStringLiteral("dm-0")});
    QCOMPARE(snapshot.children(QStringLiteral("dm-0"), Direction::BottomUp),
             QStringList{QStringLiteral("dm-1")});
    QVERIFY(snapshot.children(QStringLiteral("dm-1"), Direction::BottomUp).isEmpty());
}

void TestStackModel::multipleHoldersShowUnderEach()
{
    StackModel model(m_system->root());
    model.setSnapshot(StackSnapshot::read(m_system->root()));
    model.setDirection(Direction::BottomUp);
    const QModelIndex sdc = model.indexOf(QStringLiteral("sdc"));
    QVERIFY(sdc.isValid());
    QCOMPARE(model.rowCount(sdc), 2);
    QCOMPARE(model.index(0, 0, sdc).data(StackModel::KernelNameRole).toString(), QStringLiteral("dm-2"));
    QCOMPARE(model.index(1, 0, sdc).data(StackModel::MappingNameRole).toString(), QStringLiteral("plain"));
    QCOMPARE(model.index(sdc.row(), StackModel::HoldersColumn).data().toString(),
             QStringLiteral("dm-2, dm-3"));
    // md0 sits on two partitions: top-down it is under cryptroot once, with both below it.
    model.setDirection(Direction::TopDown);
    const QModelIndex md = model.indexOf(QStringLiteral("md0"));
    QVERIFY(md.isValid());
    QCOMPARE(model.rowCount(md), 2);
    // …and sdc, held twice, shows under each of its holders.
    int sdcRows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex top = model.index(row, 0);
        for (int child = 0; child < model.rowCount(top); ++child) {
            sdcRows += model.index(child, 0, top).data(StackModel::KernelNameRole).toString() == u"sdc";
        }
    }
    QCOMPARE(sdcRows, 2);
}

void TestStackModel::ownersComeFromUuidPrefixes()
{
    QCOMPARE(ownerOf(QString()), OwnerTool::None);
    QCOMPARE(ownerOf(QStringLiteral("VOLMAP-U1000-abc")), OwnerTool::VolumeMapper);
    QCOMPARE(ownerOf(QStringLiteral("LVM-xyz")), OwnerTool::Lvm);
    QCOMPARE(ownerOf(QStringLiteral("CRYPT-LUKS2-abc-name")), OwnerTool::Crypt);
    QCOMPARE(ownerOf(QStringLiteral("mpath-3600")), OwnerTool::Multipath);
    QCOMPARE(ownerOf(QStringLiteral("part1-mpath-3600")), OwnerTool::Partitions);
    QCOMPARE(ownerOf(QStringLiteral("stratis-1-abc")), OwnerTool::Other);
    // Prefixes are case-sensitive, as the tools write them.
    QCOMPARE(ownerOf(QStringLiteral("lvm-xyz")), OwnerTool::Other);
    QVERIFY(!ownerName(OwnerTool::Lvm).isEmpty());
}

void TestStackModel::listingAddsOpenCountsAndTargets()
{
    StackModel model(m_system->root());
    MappingSummary crypt;
    crypt.name = QStringLiteral("cryptroot");
    crypt.openCount = 1;
    crypt.targets = {QStringLiteral("crypt")};
    MappingSummary lvm;
    lvm.name = QStringLiteral("vg-root");
    lvm.openCount = 1;
    lvm.readOnly = true;
    model.setMappings({crypt, lvm});
    model.setSnapshot(StackSnapshot::read(m_system->root()));
    const StackSnapshot &snapshot = model.snapshot();
    QCOMPARE(snapshot.node(QStringLiteral("dm-1"))->openCount, 1);
    QCOMPARE(snapshot.node(QStringLiteral("dm-1"))->targets, QStringList{QStringLiteral("crypt")});
    QVERIFY(snapshot.node(QStringLiteral("dm-0"))->readOnly);
    // Not listed (yet): the count is unknown, not zero.
    QCOMPARE(snapshot.node(QStringLiteral("dm-2"))->openCount, -1);
    QVERIFY(!snapshot.node(QStringLiteral("dm-2"))->listed);
    QVERIFY(snapshot.node(QStringLiteral("dm-3"))->readOnly); // from sysfs ro
    const QModelIndex top = model.indexOf(QStringLiteral("dm-1"));
    QCOMPARE(model.index(top.row(), StackModel::OpenColumn).data().toInt(), 1);
    QVERIFY(
        !model.index(model.indexOf(QStringLiteral("dm-2")).row(), StackModel::OpenColumn).data().isValid());
    QCOMPARE(model.index(top.row(), StackModel::OwnerColumn).data().toString(), ownerName(OwnerTool::Crypt));
}

void TestStackModel::modelFollowsDirectionAndRefresh()
{
    StackModel model(m_system->root());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &StackModel::refreshed);
    model.refresh();
    model.refresh(); // during the read: one more read follows
    QVERIFY(refreshed.wait());
    QTRY_COMPARE(refreshed.count(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, StackModel::NameColumn).data().toString(), QStringLiteral("cryptroot (dm-1)"));
    model.setDirection(Direction::BottomUp);
    QCOMPARE(model.rowCount(), 4);

    // A new mapping on sda: the next refresh shows it.
    addMappingDevice(*m_system, QStringLiteral("dm-5"), 5, 8, QStringLiteral("late"), QString());
    stackOn(*m_system, QStringLiteral("dm-5"), QStringLiteral("sda"));
    model.refresh();
    QVERIFY(refreshed.wait());
    const QModelIndex sda = model.indexOf(QStringLiteral("sda"));
    QCOMPARE(model.rowCount(sda), 2);
    QCOMPARE(model.index(1, 0, sda).data(StackModel::KernelNameRole).toString(), QStringLiteral("dm-5"));
    QVERIFY(!model.index(0, 0, model.index(0, StackModel::SizeColumn)).isValid());
}

void TestStackModel::loopsInABrokenTreeEnd()
{
    // sysfs cannot say this; a broken tree must still not hang the view.
    stackOn(*m_system, QStringLiteral("dm-0"), QStringLiteral("dm-1"));
    StackModel model(m_system->root());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(StackSnapshot::read(m_system->root()));
    model.setDirection(Direction::BottomUp);
    const QModelIndex dm0 = model.indexOf(QStringLiteral("dm-0"));
    QVERIFY(dm0.isValid());
    const QModelIndex dm1 = model.index(0, 0, dm0);
    QCOMPARE(dm1.data(StackModel::KernelNameRole).toString(), QStringLiteral("dm-1"));
    QCOMPARE(model.rowCount(dm1), 0); // dm-0 again would loop
}

void TestStackModel::editorOpensOnlyWhatItRepresents()
{
    const MappingTable simple =
        parseTable(u"0 8 linear 8:16 0\n8 8 zero\n16 8 error\n24 8 basic_target 8:16 8\n").table;
    QVERIFY(editorCanOpen(QStringLiteral("VOLMAP-U1000-x"), simple));
    QVERIFY(editorCanOpen(QString(), simple)); // plain dmsetup: no tool's metadata to break
    QVERIFY(!editorCanOpen(QStringLiteral("LVM-abc"), simple));
    QVERIFY(!editorCanOpen(QStringLiteral("CRYPT-LUKS2-x"), simple));
    QVERIFY(!editorCanOpen(QStringLiteral("part1-x"), simple));
    const MappingTable striped = parseTable(u"0 16 striped 2 8 8:16 0 8:32 0\n").table;
    QVERIFY(!editorCanOpen(QStringLiteral("VOLMAP-U1000-x"), striped));
    QVERIFY(!editorCanOpen(QString(), parseTable(u"0 8 thin 254:3 1\n").table));
}

void TestStackModel::cryptKeysNeverShow_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("secret");
    const QString key = QStringLiteral("babebabebabebabebabebabebabebabebabebabebabebabebabebabebabebabe");
    QTest::newRow("crypt key") << QStringLiteral("0 1996000 crypt aes-xts-plain64 %1 0 254:0 4096\n").arg(key)
                               << QStringLiteral("0 1996000 crypt aes-xts-plain64 - 0 254:0 4096\n") << key;
    QTest::newRow("tabs, options")
        << QStringLiteral("0\t8\tcrypt\taes-cbc-essiv:sha256\t%1\t0\t8:16\t0\t1 allow_discards").arg(key)
        << QStringLiteral("0 8 crypt aes-cbc-essiv:sha256 - 0 8:16 0 1 allow_discards") << key;
    QTest::newRow("keyring reference kept")
        << QStringLiteral("0 8 crypt aes-xts-plain64 :64:logon:cryptsetup:abc 0 8:16 0")
        << QStringLiteral("0 8 crypt aes-xts-plain64 :64:logon:cryptsetup:abc 0 8:16 0") << key;
    QTest::newRow("second line") << QStringLiteral("0 8 linear 8:16 0\n8 8 crypt aes %1 0 8:32 0").arg(key)
                                 << QStringLiteral("0 8 linear 8:16 0\n8 8 crypt aes - 0 8:32 0") << key;
    QTest::newRow("integrity") << QStringLiteral("0 8 integrity 8:16 0 32 J 2 internal_hash:hmac(sha256):%1 "
                                                 "journal_crypt:ctr(aes):%1")
                                      .arg(key)
                               << QStringLiteral("0 8 integrity 8:16 0 32 J 2 internal_hash:hmac(sha256):- "
                                                 "journal_crypt:ctr(aes):-")
                               << key;
    QTest::newRow("helper already hid it")
        << QStringLiteral("0 8 crypt aes - 0 8:16 0") << QStringLiteral("0 8 crypt aes - 0 8:16 0") << key;
}

void TestStackModel::cryptKeysNeverShow()
{
    QFETCH(QString, table);
    QFETCH(QString, expected);
    QFETCH(QString, secret);
    const QString redacted = redactTableSecrets(table);
    QCOMPARE(redacted, expected);
    QVERIFY(!redacted.contains(secret));
}

void TestStackModel::segmentDevicesAreFound()
{
    const MappingTable table =
        parseTable(u"0 16 striped 2 8 8:16 0 /dev/sdc 0\n16 8 crypt aes - 0 254:0 4096\n24 8 zero\n").table;
    QCOMPARE(devicesOfSegment(table.segments[0]),
             (QStringList{QStringLiteral("8:16"), QStringLiteral("/dev/sdc")}));
    QCOMPARE(devicesOfSegment(table.segments[1]), QStringList{QStringLiteral("254:0")});
    QVERIFY(devicesOfSegment(table.segments[2]).isEmpty());
}

QTEST_GUILESS_MAIN(TestStackModel)
#include "tst_stackmodel.moc"
