// SPDX-License-Identifier: GPL-2.0-or-later
// The table editor's model: structure under QAbstractItemModelTester,
// derived starts, per-row problems, units, and undo/redo of every edit.

#include "deviceuse.h"
#include "segmenttablemodel.h"
#include "tabletext.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;

namespace {

Result<BlockDeviceGeometry, QString> fakeDisks(const DeviceReference &reference)
{
    if (reference.toString() == u"/dev/sdb" || reference.toString() == u"8:16") {
        return BlockDeviceGeometry{{8, 16}, 2097152, 512, QStringLiteral("/dev/sdb")};
    }
    return fail(QStringLiteral("%1 does not exist").arg(reference.toString()));
}

const EditableSegment Basic{2048, QStringLiteral("basic_target"), QStringLiteral("/dev/sdb"), 0};
const EditableSegment Linear{4096, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 2048};
const EditableSegment Zero{8, QStringLiteral("zero"), {}, 0};

} // namespace

class TestSegmentTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void insertDerivesStartsAndValidates();
    void marksTheRowThatIsWrong();
    void editsInTheChosenUnit();
    void moveReordersAndUndoes();
    void undoRedoEveryEdit();
    void importsAndExportsText();
    void droppedDeviceFillsItsFreeRange();
    void droppedDeviceWithAChosenLength();
    void droppedRowsMoveAsOneUndoStep();
    void refusesForeignDrops();
    void summaryNamesDevicesVerbatim();
    void editOfOneRowAnnouncesThatRow();
    void editsReadAsAFullCheck();

private:
    std::unique_ptr<SegmentTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSegmentTableModel::init()
{
    m_model = std::make_unique<SegmentTableModel>(fakeDisks);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSegmentTableModel::insertDerivesStartsAndValidates()
{
    QSignalSpy validity(m_model.get(), &SegmentTableModel::validityChanged);
    QVERIFY(!m_model->isValid()); // empty
    m_model->insertSegment(0, Basic);
    m_model->insertSegment(1, Linear);
    m_model->insertSegment(1, Zero);
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->isValid());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(formatTable(m_model->table()), QStringLiteral("0 2048 basic_target /dev/sdb 0\n"
                                                           "2048 8 zero\n"
                                                           "2056 4096 linear /dev/sdb 2048\n"));
    QCOMPARE(
        m_model->index(2, SegmentTableModel::StartColumn).data(SegmentTableModel::SectorsRole).toULongLong(),
        2056u);
    QVERIFY(!(m_model->flags(m_model->index(1, SegmentTableModel::DeviceColumn)) & Qt::ItemIsEditable));
    QVERIFY(m_model->flags(m_model->index(2, SegmentTableModel::OffsetColumn)) & Qt::ItemIsEditable);
}

void TestSegmentTableModel::marksTheRowThatIsWrong()
{
    m_model->insertSegment(0, Basic);
    m_model->insertSegment(
        1, {1024, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 1000}); // overlaps row 0
    m_model->insertSegment(2, {8, QStringLiteral("linear"), QStringLiteral("/dev/sdz"), 0});
    QVERIFY(!m_model->isValid());
    QVERIFY(m_model->problemAt(0).isEmpty());
    QVERIFY2(m_model->problemAt(1).contains(u"overlap the range segment 1"),
             qPrintable(m_model->problemAt(1)));
    QCOMPARE(m_model->index(2, SegmentTableModel::ProblemColumn).data().toString(),
             QStringLiteral("/dev/sdz does not exist"));
    QCOMPARE(m_model->index(2, SegmentTableModel::LengthColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("/dev/sdz does not exist"));
    m_model->removeSegment(2);
    QVERIFY(m_model->setData(m_model->index(1, SegmentTableModel::OffsetColumn), QStringLiteral("2048s")));
    QVERIFY(m_model->isValid());
}

void TestSegmentTableModel::editsInTheChosenUnit()
{
    m_model->insertSegment(0, Basic);
    m_model->setDisplayUnit(SizeUnit::MiB);
    const QModelIndex length = m_model->index(0, SegmentTableModel::LengthColumn);
    QCOMPARE(length.data().toString(), QStringLiteral("1 MiB"));
    QVERIFY(m_model->setData(length, QStringLiteral("1.5"))); // MiB, the display unit
    QCOMPARE(m_model->segments()[0].length, 3072u);
    QVERIFY(m_model->setData(length, QStringLiteral("4096 s")));
    QCOMPARE(m_model->segments()[0].length, 4096u);
    QVERIFY(!m_model->setData(length, QStringLiteral("0.3K"))); // not whole sectors
    QVERIFY(!m_model->setData(length, QStringLiteral("lots")));
    QCOMPARE(m_model->segments()[0].length, 4096u);
    m_model->setDisplayUnit(SizeUnit::Sectors);
    QCOMPARE(length.data().toString(), QStringLiteral("4096 s"));
    QVERIFY(!m_model->setData(m_model->index(0, SegmentTableModel::StartColumn), QStringLiteral("8")));
}

void TestSegmentTableModel::moveReordersAndUndoes()
{
    m_model->insertSegment(0, Basic);
    m_model->insertSegment(1, Zero);
    m_model->insertSegment(2, Linear);
    m_model->moveSegment(0, 2);
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Zero, Linear, Basic}));
    m_model->moveSegment(2, 0);
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Basic, Zero, Linear}));
    m_model->undoStack()->undo();
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Zero, Linear, Basic}));
    m_model->undoStack()->undo();
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Basic, Zero, Linear}));
}

void TestSegmentTableModel::undoRedoEveryEdit()
{
    QList<QList<EditableSegment>> states{m_model->segments()};
    auto remember = [&]() { states.append(m_model->segments()); };
    m_model->insertSegment(0, Basic);
    remember();
    m_model->insertSegment(1, Linear);
    remember();
    QVERIFY(
        m_model->setData(m_model->index(1, SegmentTableModel::TargetColumn), QStringLiteral("basic_target")));
    remember();
    QVERIFY(m_model->setData(m_model->index(0, SegmentTableModel::DeviceColumn), QStringLiteral("8:16")));
    remember();
    m_model->removeSegment(0);
    remember();
    m_model->replaceTable(parseTable(u"0 8 zero\n8 8 error\n").table, QStringLiteral("Import"));
    remember();
    QCOMPARE(m_model->undoStack()->count(), 6);
    for (qsizetype i = states.size() - 2; i >= 0; --i) {
        m_model->undoStack()->undo();
        QCOMPARE(m_model->segments(), states[i]);
    }
    for (qsizetype i = 1; i < states.size(); ++i) {
        m_model->undoStack()->redo();
        QCOMPARE(m_model->segments(), states[i]);
    }
    QCOMPARE(m_model->undoStack()->undoText(), QStringLiteral("Import"));
}

void TestSegmentTableModel::importsAndExportsText()
{
    const QString text = QStringLiteral(
        "0 2048 basic_target 8:16 0\n2048 100 linear /dev/sdb 4096\n2148 8 error\n");
    m_model->replaceTable(parseTable(text).table, QStringLiteral("Paste"));
    QCOMPARE(formatTable(m_model->table()), text);
    QVERIFY(m_model->isValid());
}

namespace {
const DraggedDevice Sdb{QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("8:16"), 2097152,
                        512};
}

void TestSegmentTableModel::droppedDeviceFillsItsFreeRange()
{
    // sdb's middle is used already: the drop takes the larger free range after it.
    m_model->insertSegment(0, {1024, QStringLiteral("linear"), QStringLiteral("8:16"), 4096});
    std::unique_ptr<QMimeData> drag(encodeDraggedDevices({Sdb}));
    QVERIFY(m_model->canDropMimeData(drag.get(), Qt::CopyAction, 0, 0, {}));
    QVERIFY(m_model->dropMimeData(drag.get(), Qt::CopyAction, 0, 0, {}));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->segments().first(), (EditableSegment{2097152 - 5120, QStringLiteral("basic_target"),
                                                           QStringLiteral("/dev/sdb"), 5120}));
    QVERIFY2(m_model->isValid(), qPrintable(m_model->problemAt(0)));
    // Then the range before it; then nothing is left.
    QVERIFY(m_model->dropMimeData(drag.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(m_model->segments().last(),
             (EditableSegment{4096, QStringLiteral("basic_target"), QStringLiteral("/dev/sdb"), 0}));
    QSignalSpy refused(m_model.get(), &SegmentTableModel::dropRefused);
    QVERIFY(!m_model->dropMimeData(drag.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().toString().contains(u"/dev/sdb"));
    QCOMPARE(m_model->rowCount(), 3);
    m_model->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 2);
}

void TestSegmentTableModel::droppedDeviceWithAChosenLength()
{
    m_model->setNewSegmentLength(2048);
    DraggedDevice fourK = Sdb;
    fourK.logicalBlockSize = 4096;
    m_model->insertSegment(0, {3, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 0});
    QCOMPARE(m_model->insertDevices(1, {fourK, fourK}), QString());
    // Each starts on a 4 KiB boundary after what is used, and one undo takes both away.
    QCOMPARE(m_model->segments().at(1).offset, quint64(8));
    QCOMPARE(m_model->segments().at(2).offset, quint64(8 + 2048));
    QCOMPARE(m_model->segments().at(2).length, quint64(2048));
    m_model->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setNewSegmentLength(4194304); // more than sdb has
    QVERIFY(m_model->insertDevices(1, {Sdb}).contains(u"no free range"));
    QCOMPARE(m_model->rowCount(), 1);
}

void TestSegmentTableModel::droppedRowsMoveAsOneUndoStep()
{
    m_model->insertSegment(0, Basic);
    m_model->insertSegment(1, Zero);
    m_model->insertSegment(2, Linear);
    const EditableSegment error{8, QStringLiteral("error"), {}, 0};
    m_model->insertSegment(3, error);
    const int before = m_model->undoStack()->count();
    // Rows 0 and 2 dragged to the end keep their order.
    std::unique_ptr<QMimeData> drag(
        m_model->mimeData({m_model->index(2, 0), m_model->index(0, 1), m_model->index(0, 3)}));
    QVERIFY(drag->text().contains(u"basic_target /dev/sdb 0"));
    QVERIFY(
        !m_model->dropMimeData(drag.get(), Qt::MoveAction, 4, 0, {})); // false: the view must not remove rows
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Zero, error, Basic, Linear}));
    QCOMPARE(m_model->undoStack()->count(), before + 1);
    m_model->undoStack()->undo();
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Basic, Zero, Linear, error}));
    // Dropped on a row: before it. Dropped where it is: nothing to undo.
    drag.reset(m_model->mimeData({m_model->index(3, 0)}));
    m_model->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, m_model->index(1, 2));
    QCOMPARE(m_model->segments(), (QList<EditableSegment>{Basic, error, Zero, Linear}));
    const int count = m_model->undoStack()->count();
    drag.reset(m_model->mimeData({m_model->index(1, 0)}));
    m_model->dropMimeData(drag.get(), Qt::MoveAction, 2, 0, {});
    QCOMPARE(m_model->undoStack()->count(), count);
}

void TestSegmentTableModel::refusesForeignDrops()
{
    m_model->insertSegment(0, Basic);
    SegmentTableModel other(fakeDisks);
    other.insertSegment(0, Zero);
    std::unique_ptr<QMimeData> fromOther(other.mimeData({other.index(0, 0)}));
    QVERIFY(!m_model->canDropMimeData(fromOther.get(), Qt::MoveAction, 0, 0, {}));
    QMimeData garbage;
    garbage.setData(QString::fromLatin1(DeviceMimeType), QByteArray("\x00\x00\x00\x02\xff\xff\xff\xff", 8));
    QVERIFY(!m_model->canDropMimeData(&garbage, Qt::CopyAction, 0, 0, {}));
    QMimeData text;
    text.setText(QStringLiteral("/dev/sdb"));
    QVERIFY(!m_model->dropMimeData(&text, Qt::CopyAction, 0, 0, {}));
    QCOMPARE(m_model->rowCount(), 1);
}

// The create confirmation lists these lines; a path with '%' in it (a
// by-label link) once had the sector numbers substituted into it.
void TestSegmentTableModel::summaryNamesDevicesVerbatim()
{
    const ParsedTable parsed = parseTable(u"0 2048 linear /dev/disk/by-label/50%4off 8\n2048 8 zero\n");
    QVERIFY(parsed.ok());
    QCOMPARE(
        describeDeviceUses(parsed.table),
        QStringList(QStringLiteral("/dev/disk/by-label/50%4off: 1 MiB from 4 KiB (sectors 8–2055), linear")));
}

namespace {

// `count` segments of 8 sectors on /dev/sdb, each with 64 sectors of its own.
MappingTable spacedTable(int count)
{
    QString text;
    for (int i = 0; i < count; ++i) {
        text += QStringLiteral("%1 8 linear /dev/sdb %2\n").arg(i * 8).arg(i * 64);
    }
    return parseTable(text).table;
}

} // namespace

void TestSegmentTableModel::editOfOneRowAnnouncesThatRow()
{
    // A large table repaints and rechecks only what an edit changed.
    m_model->replaceTable(spacedTable(30), QStringLiteral("Import"));
    QVERIFY(m_model->isValid());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    auto rowsOf = [&changed]() {
        const QList<QVariant> signal = changed.takeFirst();
        return std::pair{signal[0].toModelIndex().row(), signal[1].toModelIndex().row()};
    };
    QVERIFY(m_model->setData(m_model->index(10, SegmentTableModel::OffsetColumn), QStringLiteral("648s")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(rowsOf(), std::pair(10, 10));
    // A length moves the starts below it.
    QVERIFY(m_model->setData(m_model->index(10, SegmentTableModel::LengthColumn), QStringLiteral("16s")));
    QCOMPARE(rowsOf(), std::pair(10, 29));
    QCOMPARE(m_model->index(11, SegmentTableModel::StartColumn).data(SegmentTableModel::SectorsRole), 96u);
    QCOMPARE(m_model->index(29, SegmentTableModel::StartColumn).data(SegmentTableModel::SectorsRole), 240u);
    // Problems that come or go may be anywhere: every row is announced.
    QVERIFY(m_model->setData(m_model->index(12, SegmentTableModel::OffsetColumn), QStringLiteral("704s")));
    QVERIFY(!m_model->isValid());
    QVERIFY2(m_model->problemAt(12).contains(u"overlap the range segment 12"),
             qPrintable(m_model->problemAt(12)));
    QCOMPARE(rowsOf(), std::pair(0, 29));
    m_model->undoStack()->undo();
    QVERIFY(m_model->isValid());
    QVERIFY(m_model->problemAt(12).isEmpty());
    QCOMPARE(rowsOf(), std::pair(0, 29));
    QVERIFY(changed.isEmpty());
}

void TestSegmentTableModel::editsReadAsAFullCheck()
{
    // Whatever way an edit is checked, the rows say what a full check of the table says.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    m_model->replaceTable(spacedTable(40), QStringLiteral("Import"));
    for (int step = 0; step < 300; ++step) {
        const int row = int(random.bounded(40));
        switch (random.bounded(6)) {
        case 0:
            m_model->setData(m_model->index(row, SegmentTableModel::LengthColumn),
                             QStringLiteral("%1s").arg(random.bounded(1, 80)));
            break;
        case 1:
            m_model->setData(m_model->index(row, SegmentTableModel::OffsetColumn),
                             QStringLiteral("%1s").arg(row * 64 + random.bounded(60)));
            break;
        case 2:
            m_model->setData(m_model->index(row, SegmentTableModel::TargetColumn),
                             random.bounded(2) ? QStringLiteral("zero") : QStringLiteral("linear"));
            break;
        case 3:
            m_model->setData(m_model->index(row, SegmentTableModel::DeviceColumn),
                             random.bounded(2) ? QStringLiteral("/dev/sdb") : QStringLiteral("/dev/sdz"));
            break;
        case 4:
            m_model->undoStack()->undo();
            break;
        default:
            m_model->undoStack()->redo();
            break;
        }
        const MappingTable table = m_model->table();
        const TableIssues issues = validateTable(table, fakeDisks);
        QCOMPARE(m_model->isValid(), issues.isEmpty());
        quint64 start = 0;
        for (int i = 0; i < m_model->rowCount(); ++i) {
            QCOMPARE(table.segments[i].start, start);
            QCOMPARE(m_model->index(i, SegmentTableModel::StartColumn).data(SegmentTableModel::SectorsRole),
                     start);
            start += m_model->segments()[i].length;
            QStringList problems;
            for (const TableIssue &issue : issues) {
                if (issue.segment == i) {
                    problems.append(issue.message);
                }
            }
            QCOMPARE(m_model->problemAt(i), problems.join(u'\n'));
        }
    }
}

QTEST_GUILESS_MAIN(TestSegmentTableModel)
#include "tst_segmenttablemodel.moc"
