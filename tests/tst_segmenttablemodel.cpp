// The table editor's model: structure under QAbstractItemModelTester,
// derived starts, per-row problems, units, and undo/redo of every edit.

#include "segmenttablemodel.h"
#include "tabletext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;

namespace {

std::variant<BlockDeviceGeometry, QString> fakeDisks(const DeviceReference &reference)
{
    if (reference.toString() == u"/dev/sdb" || reference.toString() == u"8:16") {
        return BlockDeviceGeometry{{8, 16}, 2097152, 512, QStringLiteral("/dev/sdb")};
    }
    return QStringLiteral("%1 does not exist").arg(reference.toString());
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

private:
    std::unique_ptr<SegmentTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSegmentTableModel::init()
{
    m_model = std::make_unique<SegmentTableModel>(fakeDisks);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
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
    QCOMPARE(m_model->index(2, SegmentTableModel::StartColumn).data(SegmentTableModel::SectorsRole).toULongLong(),
             2056u);
    QVERIFY(!(m_model->flags(m_model->index(1, SegmentTableModel::DeviceColumn)) & Qt::ItemIsEditable));
    QVERIFY(m_model->flags(m_model->index(2, SegmentTableModel::OffsetColumn)) & Qt::ItemIsEditable);
}

void TestSegmentTableModel::marksTheRowThatIsWrong()
{
    m_model->insertSegment(0, Basic);
    m_model->insertSegment(1, {1024, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 1000}); // overlaps row 0
    m_model->insertSegment(2, {8, QStringLiteral("linear"), QStringLiteral("/dev/sdz"), 0});
    QVERIFY(!m_model->isValid());
    QVERIFY(m_model->problemAt(0).isEmpty());
    QVERIFY2(m_model->problemAt(1).contains(u"overlap the range segment 1"), qPrintable(m_model->problemAt(1)));
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
    QVERIFY(m_model->setData(length, QStringLiteral("1.5")));    // MiB, the display unit
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
    QVERIFY(m_model->setData(m_model->index(1, SegmentTableModel::TargetColumn), QStringLiteral("basic_target")));
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
    const QString text = QStringLiteral("0 2048 basic_target 8:16 0\n2048 100 linear /dev/sdb 4096\n2148 8 error\n");
    m_model->replaceTable(parseTable(text).table, QStringLiteral("Paste"));
    QCOMPARE(formatTable(m_model->table()), text);
    QVERIFY(m_model->isValid());
}

QTEST_GUILESS_MAIN(TestSegmentTableModel)
#include "tst_segmenttablemodel.moc"
