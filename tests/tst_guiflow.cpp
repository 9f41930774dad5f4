// SPDX-License-Identifier: GPL-2.0-or-later
// The whole stack from the window down, inside the VM: the app (offscreen)
// creates a mapping from two ramdisks through the real helper, polkit and
// kernel, shows the I/O a root script drives through it, applies a live
// reload and removes it. The script (tests/vm/app/gui-flow.sh) and this
// test hand over through marker files in $VOLMAP_FLOW_DIR.

#include "devicepanel.h"
#include "devicetreemodel.h"
#include "fakes/widgetlookup.h"
#include "helperclient.h"
#include "iomonitorview.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "ratechart.h"
#include "segmentcountersmodel.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString Name = QStringLiteral("guiflow");
// Every answer passes through the helper and polkit under TCG, while another VM may share the cores.
constexpr int Patience = 60000;

QString flowFile(const QString &marker)
{
    return QString::fromLocal8Bit(qgetenv("VOLMAP_FLOW_DIR")) + u'/' + marker;
}

void signalScript(const QString &marker)
{
    QFile file(flowFile(marker));
    QVERIFY(file.open(QIODevice::WriteOnly));
}

} // namespace

class TestGuiFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createsFromTwoRamdisks();
    void showsTheLiveIo();
    void appliesALiveReload();
    void removesIt();

private:
    std::unique_ptr<HelperClient> m_client;
    std::unique_ptr<HelperClient> m_samplingClient;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiFlow::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("VOLMAP_FLOW_DIR"), "run by tests/vm/app/gui-flow.sh");
    QStandardPaths::setTestModeEnabled(true);
    m_client = std::make_unique<HelperClient>();
    m_samplingClient = std::make_unique<HelperClient>();
    m_samplingClient->setInteractive(false);
    m_window = std::make_unique<MainWindow>(m_client.get(), m_samplingClient.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiFlow::cleanupTestCase()
{
    m_window.reset();
}

void TestGuiFlow::createsFromTwoRamdisks()
{
    DeviceTreeModel *devices = m_window->deviceModel();
    QTRY_VERIFY_WITH_TIMEOUT(devices->indexOf(QStringLiteral("ram1")).isValid(), Patience);
    QTreeView *tree = m_window->devicePanel()->view();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
    tree->setFocus();
    for (const QString &name : {QStringLiteral("ram0"), QStringLiteral("ram1")}) {
        tree->selectionModel()->select(proxy->mapFromSource(devices->indexOf(name)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    TableEditor *editor = m_window->editor();
    QCOMPARE(editor->model()->rowCount(), 2);
    QVERIFY2(editor->model()->isValid(),
             qPrintable(editor->model()->problemAt(0) + editor->model()->problemAt(1)));
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), Name);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("createConfirmation"), 60000);
    QVERIFY(confirm);
    QVERIFY(confirm->informativeText().contains(u"/dev/ram0: 32 MiB"));
    QVERIFY(confirm->informativeText().contains(u"/dev/ram1: 32 MiB"));
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Create")), Qt::LeftButton);
    auto *created = waitForTopLevel<QMessageBox>(QStringLiteral("createdMessage"), 60000);
    if (!created) {
        auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"), 100);
        QFAIL(qPrintable(error ? error->text() + u' ' + error->informativeText()
                               : QStringLiteral("no answer")));
    }
    QVERIFY(created->text().contains(u"/dev/mapper/guiflow"));
    created->close();
    QVERIFY(QFileInfo(QStringLiteral("/dev/mapper/guiflow")).exists());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mappingModel()->rowOf(Name) >= 0, Patience);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->mappingsPanel()->selectedMapping(), Name, Patience);
    signalScript(QStringLiteral("created"));
}

void TestGuiFlow::showsTheLiveIo()
{
    // The new mapping is selected, so the view follows it at half-second steps.
    IoMonitorView *view = m_window->ioView();
    QCOMPARE(view->mappingName(), Name);
    view->setSamplingInterval(500);
    const RateChart *iops = view->findChild<RateChart *>(QStringLiteral("iopsChart"));
    const QAbstractItemModel *segments =
        view->findChild<QTableView *>(QStringLiteral("segmentTable"))->model();
    QVERIFY(iops && segments);
    auto peak = [](const QLineSeries *series) {
        qreal top = 0;
        for (const QPointF &point : series->points()) {
            top = qMax(top, point.y());
        }
        return top;
    };
    // The script writes and verifies through the mapping now; the charts must show it as it happens.
    qreal writePeak = 0;
    qreal readPeak = 0;
    bool shot = false;
    QVERIFY(QTest::qWaitFor(
        [&]() {
            writePeak = qMax(writePeak, peak(iops->writeSeries()));
            readPeak = qMax(readPeak, peak(iops->readSeries()));
            if (!shot && writePeak > 0 && readPeak > 0 && segments->rowCount() == 2) {
                saveScreenshot(m_window.get(), QStringLiteral("volmap-live-io"));
                shot = true;
            }
            return QFileInfo::exists(flowFile(QStringLiteral("io-done")));
        },
        180000));
    QVERIFY2(writePeak > 0, "the chart never showed the writes");
    QVERIFY2(readPeak > 0, "the chart never showed the reads");
    // basic_target's counters: the 32 MiB written all went to the first segment, the reads to both.
    auto counter = [&](int row, int column) {
        return segments->index(row, column).data(SegmentCountersModel::ValueRole).toULongLong();
    };
    QTRY_VERIFY_WITH_TIMEOUT(counter(1, SegmentCountersModel::ReadsColumn) > 0, Patience);
    QVERIFY(counter(0, SegmentCountersModel::WrittenBytesColumn) >= 32ull << 20);
    QCOMPARE(counter(1, SegmentCountersModel::WrittenBytesColumn), 0ull);
    QVERIFY(counter(0, SegmentCountersModel::ReadsColumn) > 0);
    // Reset zeroes them, through the helper.
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("resetButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(counter(0, SegmentCountersModel::WrittenBytesColumn) == 0, Patience);
}

void TestGuiFlow::appliesALiveReload()
{
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->selectMapping(Name);
    QPushButton *open = buttonLabelled(panel, QStringLiteral("Open in Editor"));
    QTest::mouseClick(open, Qt::LeftButton);
    TableEditor *editor = m_window->editor();
    // The editor edits the mapping since Create already: wait for the table read from the kernel
    // (the panel's buttons are off while it runs), or it would land on top of the edits below.
    QVERIFY(!open->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(open->isEnabled(), Patience);
    QCOMPARE(editor->editedMapping(), Name);
    QCOMPARE(editor->model()->rowCount(), 2);
    // The second segment becomes linear and half as long; the first, which holds the data, stays.
    SegmentTableModel *model = editor->model();
    QVERIFY(model->setData(model->index(1, SegmentTableModel::TargetColumn), QStringLiteral("linear")));
    QVERIFY(model->setData(model->index(1, SegmentTableModel::LengthColumn),
                           QVariant::fromValue<qulonglong>(32768)));
    QVERIFY(model->isValid());
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("applyButton")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QDialog>(QStringLiteral("reloadConfirmation"), 60000);
    QVERIFY(confirm);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Apply")), Qt::LeftButton);
    // The window marks the editor clean once the helper applied it (a status
    // line could already be replaced by the I/O view's own).
    QTRY_VERIFY_WITH_TIMEOUT(editor->model()->undoStack()->isClean(), Patience);
    bool read = false;
    m_client->table(Name, [&](const ClientResult<QString> &table) {
        QVERIFY(table.has_value());
        QCOMPARE(table.value(), QStringLiteral("0 65536 basic_target 1:0 0\n65536 32768 linear 1:1 0\n"));
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, Patience);
    signalScript(QStringLiteral("reloaded"));
    QVERIFY(
        QTest::qWaitFor([]() { return QFileInfo::exists(flowFile(QStringLiteral("verified"))); }, 180000));
}

void TestGuiFlow::removesIt()
{
    m_window->mappingsPanel()->selectMapping(Name);
    QTest::mouseClick(buttonLabelled(m_window->mappingsPanel(), QStringLiteral("Remove…")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"), 60000);
    QVERIFY(confirm);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Remove")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mappingModel()->rowOf(Name) < 0, Patience);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/mapper/guiflow")));
    // The editor no longer offers to apply to a mapping that is gone.
    QVERIFY(m_window->editor()->editedMapping().isEmpty());
}

QTEST_MAIN(TestGuiFlow)
#include "tst_guiflow.moc"
