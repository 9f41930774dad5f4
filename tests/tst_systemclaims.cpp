// SPDX-License-Identifier: GPL-2.0-or-later
// The app's view of the system's claims: which ranges of a dropped device
// are taken, and a drop that takes free space around them or is refused.

#include "freespace.h"
#include "segmenttablemodel.h"
#include "systemclaims.h"

#include <QTest>

using namespace Volmap;

using Ranges = QList<std::pair<quint64, quint64>>;

namespace {

ResolvedDevice device(const char *name, DeviceNumber number, quint64 sectors, DeviceNumber disk,
                      quint64 start = 0)
{
    return {{number, sectors, 512, QString::fromLatin1(name)}, disk, start, {}};
}

// sdb (8:16, 10000 sectors) with sdb1 from 2048 (4000 sectors); sdc (8:32) read-only.
ClaimsSnapshot snapshot()
{
    ClaimsSnapshot snapshot;
    snapshot.devices.insert(QStringLiteral("8:16"), device("/dev/sdb", {8, 16}, 10000, {8, 16}));
    snapshot.devices.insert(QStringLiteral("8:17"), device("/dev/sdb1", {8, 17}, 4000, {8, 16}, 2048));
    snapshot.devices.insert(QStringLiteral("8:32"), device("/dev/sdc", {8, 32}, 1000, {8, 32}));
    snapshot.system.append({DeviceClaim::Kind::ReadOnly, {8, 32}, 0, 1000, QStringLiteral("read-only")});
    // Mapping 'a' uses sdb1's sectors 100-199 (disk sectors 2148-2247).
    snapshot.byMapping.insert(QStringLiteral("a"),
                              {{DeviceClaim::Kind::Mapping,
                                {8, 16},
                                2148,
                                100,
                                QStringLiteral("sectors 100-199 of /dev/sdb1 used by mapping 'a'"),
                                QStringLiteral("a"),
                                QStringLiteral("linear")}});
    return snapshot;
}

DraggedDevice dragged(const char *node, const char *number, quint64 sectors)
{
    return {QString(), QString::fromLatin1(node), QString::fromLatin1(number), sectors, 512};
}

} // namespace

class TestSystemClaims final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partitionSeesItsPartOfTheDisk();
    void diskSeesItsPartitions();
    void editedMappingIsLeftOut();
    void readOnlyTakesNoSpace();
    void freeRange_data();
    void freeRange();
    void dropTakesSpaceAroundOthers();
    void dropOnFullDeviceIsRefusedWithTheReason();
};

void TestSystemClaims::partitionSeesItsPartOfTheDisk()
{
    const QList<UsedRange> used = snapshot().usedRangesOn(QStringLiteral("8:17"), QString());
    QCOMPARE(used.size(), 1);
    QCOMPARE(used[0].begin, quint64(100));
    QCOMPARE(used[0].end, quint64(200));
    QVERIFY(used[0].reason.contains(u"mapping 'a'"));
}

void TestSystemClaims::diskSeesItsPartitions()
{
    const QList<UsedRange> used = snapshot().usedRangesOn(QStringLiteral("8:16"), QString());
    QCOMPARE(used.size(), 2);
    QCOMPARE(used[0].begin, quint64(2048)); // the partition, sorted first
    QCOMPARE(used[0].end, quint64(6048));
    QCOMPARE(used[0].reason, QStringLiteral("partition /dev/sdb1"));
    QCOMPARE(used[1].begin, quint64(2148));
}

void TestSystemClaims::editedMappingIsLeftOut()
{
    QVERIFY(snapshot().usedRangesOn(QStringLiteral("8:17"), QStringLiteral("a")).isEmpty());
    QCOMPARE(snapshot().claimsExcept(QStringLiteral("a")).size(), 1);
    QCOMPARE(snapshot().claimsExcept(QString()).size(), 2);
}

void TestSystemClaims::readOnlyTakesNoSpace()
{
    QVERIFY(snapshot().usedRangesOn(QStringLiteral("8:32"), QString()).isEmpty());
    QVERIFY(snapshot().usedRangesOn(QStringLiteral("9:9"), QString()).isEmpty());
}

void TestSystemClaims::freeRange_data()
{
    QTest::addColumn<Ranges>("used");
    QTest::addColumn<quint64>("align");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<quint64>("offset"); // expected; length 0 below: none
    QTest::addColumn<quint64>("found");

    QTest::newRow("empty device") << Ranges{} << quint64(1) << quint64(0) << quint64(0) << quint64(1000);
    QTest::newRow("largest gap") << Ranges{{0, 100}, {200, 900}} << quint64(1) << quint64(0) << quint64(100)
                                 << quint64(100);
    QTest::newRow("overlapping, unsorted") << Ranges{{500, 700}, {0, 300}, {250, 600}} << quint64(1)
                                           << quint64(0) << quint64(700) << quint64(300);
    QTest::newRow("aligned to 8") << Ranges{{0, 3}} << quint64(8) << quint64(0) << quint64(8) << quint64(992);
    QTest::newRow("first that fits") << Ranges{{10, 20}, {100, 1000}} << quint64(1) << quint64(50)
                                     << quint64(20) << quint64(50);
    QTest::newRow("nothing fits") << Ranges{{0, 400}, {450, 1000}} << quint64(1) << quint64(100) << quint64(0)
                                  << quint64(0);
    QTest::newRow("all used") << Ranges{{0, 1000}} << quint64(1) << quint64(0) << quint64(0) << quint64(0);
}

void TestSystemClaims::freeRange()
{
    QFETCH(Ranges, used);
    QFETCH(quint64, align);
    QFETCH(quint64, length);
    QFETCH(quint64, offset);
    QFETCH(quint64, found);
    const auto range = pickFreeRange(used, 1000, align, length);
    if (found == 0) {
        QVERIFY(!range);
        return;
    }
    QVERIFY(range);
    QCOMPARE(range->first, offset);
    QCOMPARE(range->second, found);
}

void TestSystemClaims::dropTakesSpaceAroundOthers()
{
    const ClaimsSnapshot claims = snapshot();
    SegmentTableModel model;
    model.setOutsideUse(
        [&](const DraggedDevice &device) { return claims.usedRangesOn(device.number, QString()); });
    // The largest free range of sdb1 is after mapping 'a': 200-3999.
    QCOMPARE(model.insertDevices(0, {dragged("/dev/sdb1", "8:17", 4000)}), QString());
    QCOMPARE(model.segments().constFirst().offset, quint64(200));
    QCOMPARE(model.segments().constFirst().length, quint64(3800));
    // Of sdb, the partition is taken: the largest free range is after it.
    QCOMPARE(model.insertDevices(1, {dragged("/dev/sdb", "8:16", 10000)}), QString());
    QCOMPARE(model.segments()[1].offset, quint64(6048));
    QCOMPARE(model.segments()[1].length, quint64(3952));
    // A fixed length takes the first range that fits: before the partition.
    model.setNewSegmentLength(1000);
    QCOMPARE(model.insertDevices(2, {dragged("/dev/sdb", "8:16", 10000)}), QString());
    QCOMPARE(model.segments()[2].offset, quint64(0));
}

void TestSystemClaims::dropOnFullDeviceIsRefusedWithTheReason()
{
    ClaimsSnapshot claims = snapshot();
    claims.system.append({DeviceClaim::Kind::InUse, {8, 16}, 0, 10000, QStringLiteral("mounted at /srv")});
    SegmentTableModel model;
    model.setOutsideUse(
        [&](const DraggedDevice &device) { return claims.usedRangesOn(device.number, QString()); });
    const QString refused = model.insertDevices(0, {dragged("/dev/sdb1", "8:17", 4000)});
    QVERIFY2(refused.contains(u"mounted at /srv"), qPrintable(refused));
    QVERIFY2(refused.contains(u"/dev/sdb1"), qPrintable(refused));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSystemClaims)

#include "tst_systemclaims.moc"
