// SPDX-License-Identifier: GPL-2.0-or-later
// The per-segment counters table of the I/O view: totals, rates, shares
// and device names, under QAbstractItemModelTester.

#include "segmentcountersmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;

namespace {

SegmentStatus counting(quint64 start, quint64 length, quint64 reads, quint64 writes, quint64 readSectors,
                       quint64 writeSectors)
{
    SegmentStatus segment;
    segment.start = start;
    segment.length = length;
    segment.target = QStringLiteral("basic_target");
    segment.hasCounters = true;
    segment.reads = reads;
    segment.writes = writes;
    segment.readSectors = readSectors;
    segment.writeSectors = writeSectors;
    return segment;
}

SegmentRates rates(quint64 start, quint64 length, double readBytes, double writeBytes, double readIops = 0,
                   double writeIops = 0)
{
    SegmentRates value;
    value.start = start;
    value.length = length;
    value.readBytesPerSecond = readBytes;
    value.writeBytesPerSecond = writeBytes;
    value.readIops = readIops;
    value.writeIops = writeIops;
    return value;
}

} // namespace

class TestSegmentCountersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totalsWithoutRates();
    void ratesAndShares();
    void sharesFallBackToIosWhenNoBytesMove();
    void mismatchedRatesAreIgnored();
    void sameLayoutUpdatesInPlaceNewLayoutResets();
    void onlyChangedCellsAreAnnounced();
    void devicesFromTheTable();
    void clear();
};

void TestSegmentCountersModel::totalsWithoutRates()
{
    SegmentCountersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SegmentStatus first = counting(0, 2048, 1200, 34, 9600, 272);
    first.flushes = 5;
    first.discards = 2;
    first.errors = 3; // from a 1.1 module; the second segment's line had six fields
    model.setCounters({first, counting(2048, 2097152 - 2048, 7, 0, 56, 0)}, {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(SegmentCountersModel::ColumnCount));
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, SegmentCountersModel::ReadsColumn, SegmentCountersModel::ValueRole).toULongLong(),
             1200u);
    QCOMPARE(cell(0, SegmentCountersModel::WritesColumn, SegmentCountersModel::ValueRole).toULongLong(), 34u);
    QCOMPARE(cell(0, SegmentCountersModel::ReadBytesColumn, SegmentCountersModel::ValueRole).toULongLong(),
             9600u * 512);
    QCOMPARE(cell(0, SegmentCountersModel::WrittenBytesColumn).toString(), QStringLiteral("136 KiB"));
    QCOMPARE(cell(0, SegmentCountersModel::FlushesColumn, SegmentCountersModel::ValueRole).toULongLong(), 5u);
    QCOMPARE(cell(0, SegmentCountersModel::DiscardsColumn, SegmentCountersModel::ValueRole).toULongLong(),
             2u);
    QCOMPARE(cell(0, SegmentCountersModel::ErrorsColumn, SegmentCountersModel::ValueRole).toULongLong(), 3u);
    QCOMPARE(cell(0, SegmentCountersModel::ErrorsColumn).toString(), QStringLiteral("3"));
    QVERIFY(!cell(1, SegmentCountersModel::ErrorsColumn, SegmentCountersModel::ValueRole).isValid());
    QCOMPARE(cell(1, SegmentCountersModel::ErrorsColumn).toString(), QStringLiteral("—"));
    QCOMPARE(cell(1, SegmentCountersModel::RangeColumn).toString(), QStringLiteral("1 MiB – 1 GiB"));
    QVERIFY(cell(1, SegmentCountersModel::RangeColumn, Qt::ToolTipRole)
                .toString()
                .contains(QLocale().toString(2097151)));
    // No rate before the second reading: the cells say so instead of "0".
    QVERIFY(!model.hasRates());
    QCOMPARE(cell(0, SegmentCountersModel::RateColumn).toString(), QStringLiteral("—"));
    QVERIFY(!cell(0, SegmentCountersModel::ShareColumn, SegmentCountersModel::ShareRole).isValid());
    QCOMPARE(model.shareOfLoad(0), -1.0);
    QCOMPARE(cell(0, SegmentCountersModel::DeviceColumn).toString(), QStringLiteral("—"));
}

void TestSegmentCountersModel::ratesAndShares()
{
    SegmentCountersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCounters(
        {counting(0, 2048, 1, 1, 8, 8), counting(2048, 2048, 1, 1, 8, 8), counting(4096, 2048, 0, 0, 0, 0)},
        {rates(0, 2048, 3 * 1048576.0, 1048576.0), rates(2048, 2048, 0, 1048576.0), rates(4096, 2048, 0, 0)});
    QVERIFY(model.hasRates());
    QCOMPARE(model.shareOfLoad(0), 0.8);
    QCOMPARE(model.shareOfLoad(1), 0.2);
    QCOMPARE(model.shareOfLoad(2), 0.0);
    QCOMPARE(model.index(0, SegmentCountersModel::RateColumn).data().toString(), QStringLiteral("4.0 MiB/s"));
    QCOMPARE(model.index(0, SegmentCountersModel::ShareColumn).data().toString(), QStringLiteral("80 %"));
    QCOMPARE(
        model.index(1, SegmentCountersModel::ShareColumn).data(SegmentCountersModel::ShareRole).toDouble(),
        0.2);
    QCOMPARE(model.index(2, SegmentCountersModel::ShareColumn).data().toString(), QStringLiteral("0 %"));
}

void TestSegmentCountersModel::sharesFallBackToIosWhenNoBytesMove()
{
    SegmentCountersModel model;
    // Only flushes (zero-length writes) reach the first segment.
    model.setCounters({counting(0, 2048, 0, 30, 0, 0), counting(2048, 2048, 0, 10, 0, 0)},
                      {rates(0, 2048, 0, 0, 0, 3), rates(2048, 2048, 0, 0, 0, 1)});
    QCOMPARE(model.shareOfLoad(0), 0.75);
    QCOMPARE(model.shareOfLoad(1), 0.25);
}

void TestSegmentCountersModel::mismatchedRatesAreIgnored()
{
    SegmentCountersModel model;
    // Rates from before a reload that changed the layout.
    model.setCounters({counting(0, 4096, 1, 1, 8, 8)}, {rates(0, 2048, 100, 0), rates(2048, 2048, 100, 0)});
    QVERIFY(!model.hasRates());
    QCOMPARE(model.shareOfLoad(0), -1.0);
}

void TestSegmentCountersModel::sameLayoutUpdatesInPlaceNewLayoutResets()
{
    SegmentCountersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCounters({counting(0, 2048, 1, 0, 8, 0)}, {});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Same layout: a selection in the view survives the update.
    model.setCounters({counting(0, 2048, 9, 0, 72, 0)}, {rates(0, 2048, 4096, 0, 8, 0)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, SegmentCountersModel::ReadsColumn).data().toString(), QLocale().toString(9));
    model.setCounters({counting(0, 1024, 0, 0, 0, 0), counting(1024, 1024, 0, 0, 0, 0)}, {});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
}

void TestSegmentCountersModel::onlyChangedCellsAreAnnounced()
{
    SegmentCountersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCounters({counting(0, 2048, 1, 0, 8, 0), counting(2048, 2048, 5, 2, 40, 16)}, {});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The same reading again (an idle mapping): nothing to repaint.
    model.setCounters({counting(0, 2048, 1, 0, 8, 0), counting(2048, 2048, 5, 2, 40, 16)}, {});
    QCOMPARE(changed.count(), 0);
    // The second segment wrote: its writes and written bytes, nothing else.
    model.setCounters({counting(0, 2048, 1, 0, 8, 0), counting(2048, 2048, 5, 3, 40, 24)}, {});
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(SegmentCountersModel::WritesColumn));
    QCOMPARE(bottomRight.column(), int(SegmentCountersModel::WrittenBytesColumn));
    // Rates arrive: both rows get a rate and a share.
    changed.clear();
    model.setCounters({counting(0, 2048, 1, 0, 8, 0), counting(2048, 2048, 5, 3, 40, 24)},
                      {rates(0, 2048, 0, 0), rates(2048, 2048, 0, 4096)});
    QCOMPARE(changed.count(), 2);
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        QCOMPARE(signal.at(0).toModelIndex().column(), int(SegmentCountersModel::RateColumn));
        QCOMPARE(signal.at(1).toModelIndex().column(), int(SegmentCountersModel::ShareColumn));
    }
}

void TestSegmentCountersModel::devicesFromTheTable()
{
    int resolved = 0;
    SegmentCountersModel model(
        [&resolved](const DeviceReference &reference) -> Result<BlockDeviceGeometry, QString> {
            ++resolved;
            if (reference.toString() == u"8:16") {
                BlockDeviceGeometry geometry;
                geometry.displayName = QStringLiteral("/dev/sdb (8:16)");
                return geometry;
            }
            return fail(QStringLiteral("no such device"));
        });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCounters({counting(0, 2048, 0, 0, 0, 0), counting(2048, 2048, 0, 0, 0, 0)}, {});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    MappingTable table;
    table.segments = {
        Segment{0, 2048, QStringLiteral("basic_target"), {QStringLiteral("8:16"), QStringLiteral("0")}, 1},
        Segment{2048, 2048, QStringLiteral("basic_target"), {QStringLiteral("8:99"), QStringLiteral("0")}, 2},
        Segment{4096, 2048, QStringLiteral("zero"), {}, 3}};
    model.setTable(table);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, SegmentCountersModel::DeviceColumn).data().toString(),
             QStringLiteral("/dev/sdb (8:16)"));
    // Unresolvable: shown as the table has it rather than hidden.
    QCOMPARE(model.index(1, SegmentCountersModel::DeviceColumn).data().toString(), QStringLiteral("8:99"));
    // Resolved once per table, not on every paint.
    const int afterTable = resolved;
    model.index(0, SegmentCountersModel::DeviceColumn).data();
    model.index(0, SegmentCountersModel::DeviceColumn).data();
    QCOMPARE(resolved, afterTable);
    QCOMPARE(resolved, 2);
}

void TestSegmentCountersModel::clear()
{
    SegmentCountersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCounters({counting(0, 2048, 1, 0, 8, 0)}, {rates(0, 2048, 1, 0)});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasRates());
}

QTEST_GUILESS_MAIN(TestSegmentCountersModel)
#include "tst_segmentcountersmodel.moc"
