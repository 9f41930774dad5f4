// SPDX-License-Identifier: GPL-2.0-or-later
// The stack view, the mapping inspector and the warning before removing
// another tool's mapping, in the main window against the real helper
// service (fake kernel parts) on a private bus and a fake machine.

#include "devicepanel.h"
#include "fakes/fakehelperstack.h"
#include "fakes/fakestacks.h"
#include "fakes/widgetlookup.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "stackmodel.h"
#include "stackview.h"
#include "tableeditor.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString Key = QStringLiteral("5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7");

MappingState mappingState(const QString &name, const QString &uuid, quint32 minor, const QString &target,
                          const QString &parameters, quint64 length, int openCount)
{
    MappingState state;
    state.name = name;
    state.uuid = uuid;
    state.major = 254;
    state.minor = minor;
    state.openCount = openCount;
    state.liveTable = true;
    state.table = {{0, length, target, parameters}};
    return state;
}

} // namespace

class TestStackView : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsForeignStacksBothWays();
    void foreignMappingOpensInTheInspector();
    void ourMappingOpensInTheEditor();
    void mappingsPanelOffersTheInspectorForForeignOnes();
    void foreignRemovalWarnsAndDefaultsToCancel();
    void removingAMappingWithoutOwnerNamesNoTool();

private:
    /* Shows the Stacks tab and waits until the stack of `kernelName` is in it. */
    StackView *showStacks(const QString &kernelName);
    void activateInStackView(const QString &kernelName);
    QMessageBox *askToRemove(const QString &name);
};

// sdb → LVM volume vg-data (dm-11) → LUKS cryptdata (dm-10), open; ours
// (dm-2) on sdc; plain (dm-12, no uuid) on sdc1.
void TestStackView::initTestCase()
{
    if (!setUpMachine()) {
        QSKIP("making device nodes (mknod) needs root; the test suite runs as root");
    }
    FakeSystem &s = *m_system;
    addMappingDevice(s, QStringLiteral("dm-11"), 11, 4000000, QStringLiteral("vg-data"),
                     QStringLiteral("LVM-Q2x9"));
    stackOn(s, QStringLiteral("dm-11"), QStringLiteral("sdb"));
    addMappingDevice(s, QStringLiteral("dm-10"), 10, 3995904, QStringLiteral("cryptdata"),
                     QStringLiteral("CRYPT-LUKS2-77aa-cryptdata"));
    stackOn(s, QStringLiteral("dm-10"), QStringLiteral("dm-11"));
    addMappingDevice(s, QStringLiteral("dm-2"), 2, 2048, QStringLiteral("ours"),
                     QStringLiteral("VOLMAP-U0-5e1f"));
    stackOn(s, QStringLiteral("dm-2"), QStringLiteral("sdc"));
    addMappingDevice(s, QStringLiteral("dm-12"), 12, 4096, QStringLiteral("plain"), QString());
    stackOn(s, QStringLiteral("dm-12"), QStringLiteral("sdc1"));
}

void TestStackView::init()
{
    m_helper.start();
    auto &mappings = m_helper.backend->mappings;
    mappings.insert(QStringLiteral("vg-data"),
                    mappingState(QStringLiteral("vg-data"), QStringLiteral("LVM-Q2x9"), 11,
                                 QStringLiteral("linear"), QStringLiteral("8:16 2048"), 4000000, 1));
    // The helper hides keys (tablesecrets.cpp) in the real backend; this fake does not, so the inspector's
    // own guard is what is tested.
    mappings.insert(QStringLiteral("cryptdata"),
                    mappingState(QStringLiteral("cryptdata"), QStringLiteral("CRYPT-LUKS2-77aa-cryptdata"),
                                 10, QStringLiteral("crypt"),
                                 QStringLiteral("aes-xts-plain64 %1 0 254:11 4096 1 allow_discards").arg(Key),
                                 3995904, 1));
    mappings.insert(QStringLiteral("ours"),
                    mappingState(QStringLiteral("ours"), QStringLiteral("VOLMAP-U0-5e1f"), 2,
                                 QStringLiteral("linear"), QStringLiteral("8:32 0"), 2048, 0));
    mappings.insert(QStringLiteral("plain"),
                    mappingState(QStringLiteral("plain"), QString(), 12, QStringLiteral("linear"),
                                 QStringLiteral("8:33 0"), 4096, 0));
    QVERIFY(openWindow());
    QTRY_COMPARE(m_window->mappingModel()->rowCount(), 4);
}

void TestStackView::cleanup()
{
    closeWindow();
    m_helper.stop();
}

StackView *TestStackView::showStacks(const QString &kernelName)
{
    QTabWidget *tabs = m_window->devicePanel()->tabs();
    [&]() {
        QVERIFY(tabs->tabBar()->isVisible());
        QCOMPARE(tabs->tabText(1).remove(u'&'), QStringLiteral("Stacks"));
        QVERIFY2(!m_window->stackView(), "the Stacks page is built when its tab is first shown");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QVERIFY(m_window->stackView());
        QVERIFY(m_window->stackView()->isVisible());
        QVERIFY(tabs->currentWidget()->isAncestorOf(m_window->stackView()));
        QTRY_VERIFY(m_window->stackModel()->indexOf(kernelName).isValid());
        // The listing's open counts are merged in once it has arrived.
        QTRY_VERIFY(m_window->stackModel()->snapshot().node(kernelName)->listed);
    }();
    return m_window->stackView();
}

void TestStackView::activateInStackView(const QString &kernelName)
{
    StackView *stacks = showStacks(kernelName);
    QTreeView *tree = stacks->view();
    tree->setFocus();
    tree->setCurrentIndex(m_window->stackModel()->indexOf(kernelName));
    QTest::keyClick(tree, Qt::Key_Return);
}

QMessageBox *TestStackView::askToRemove(const QString &name)
{
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->view()->selectRow(m_window->mappingModel()->rowOf(name));
    QPushButton *remove = buttonLabelled(panel, QStringLiteral("Remove…"));
    if (!remove) {
        return nullptr;
    }
    QTest::mouseClick(remove, Qt::LeftButton);
    return waitForTopLevel<QMessageBox>(QStringLiteral("foreignRemoveConfirmation"));
}

void TestStackView::showsForeignStacksBothWays()
{
    StackView *stacks = showStacks(QStringLiteral("dm-10"));
    StackModel *model = m_window->stackModel();
    QVERIFY(stacks->topDownButton()->isChecked());
    // Top down: cryptdata → vg-data → sdb, each with who made it and its open count.
    const QModelIndex crypt = model->indexOf(QStringLiteral("dm-10"));
    QVERIFY(!crypt.parent().isValid());
    QCOMPARE(crypt.data().toString(), QStringLiteral("cryptdata (dm-10)"));
    QCOMPARE(crypt.siblingAtColumn(StackModel::OwnerColumn).data().toString(),
             QStringLiteral("dm-crypt (cryptsetup)"));
    QTRY_COMPARE(crypt.siblingAtColumn(StackModel::OpenColumn).data().toInt(), 1);
    const QModelIndex lvm = model->index(0, 0, crypt);
    QCOMPARE(lvm.data().toString(), QStringLiteral("vg-data (dm-11)"));
    QCOMPARE(lvm.siblingAtColumn(StackModel::OwnerColumn).data().toString(), QStringLiteral("LVM"));
    QCOMPARE(lvm.siblingAtColumn(StackModel::HoldersColumn).data().toString(), QStringLiteral("dm-10"));
    QCOMPARE(model->index(0, 0, lvm).data().toString(), QStringLiteral("sdb"));
    QVERIFY(stacks->view()->isExpanded(lvm));
    stacks->view()->resizeColumnToContents(0);
    saveScreenshot(m_window.get(), QStringLiteral("stackview-top-down"));

    // Bottom up, through the toggle: sdb → vg-data → cryptdata; sdc1 under sdc, plain above it.
    QTest::mouseClick(stacks->bottomUpButton(), Qt::LeftButton);
    QVERIFY(stacks->bottomUpButton()->isChecked());
    const QModelIndex sdb = model->indexOf(QStringLiteral("sdb"));
    QVERIFY(!sdb.parent().isValid());
    QCOMPARE(model->index(0, 0, model->index(0, 0, sdb)).data(StackModel::MappingNameRole).toString(),
             QStringLiteral("cryptdata"));
    const QModelIndex sdc = model->indexOf(QStringLiteral("sdc"));
    QCOMPARE(model->rowCount(sdc), 2); // sdc1 and ours
    QCOMPARE(model->index(0, 0, model->index(0, 0, sdc)).data(StackModel::MappingNameRole).toString(),
             QStringLiteral("plain"));
    saveScreenshot(m_window->findChild<QDockWidget *>(QStringLiteral("devicesDock")),
                   QStringLiteral("stackview-bottom-up"));
}

void TestStackView::foreignMappingOpensInTheInspector()
{
    activateInStackView(QStringLiteral("dm-10"));
    auto *inspector = waitForTopLevel<QDialog>(QStringLiteral("mappingInspector"));
    QVERIFY(inspector);
    QVERIFY(m_window->editor()->editedMapping().isEmpty());
    auto *text = inspector->findChild<QPlainTextEdit *>(QStringLiteral("inspectorTable"));
    QVERIFY(text);
    QCOMPARE(text->toPlainText().trimmed(),
             QStringLiteral("0 3995904 crypt aes-xts-plain64 - 0 254:11 4096 1 allow_discards"));
    // Nowhere in the dialog, not in any label or cell.
    for (QLabel *label : inspector->findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(Key), qPrintable(label->text()));
    }
    auto *segments = inspector->findChild<QTableWidget *>(QStringLiteral("inspectorSegments"));
    QVERIFY(segments);
    QCOMPARE(segments->rowCount(), 1);
    QCOMPARE(segments->item(0, 2)->text(), QStringLiteral("crypt"));
    QCOMPARE(segments->item(0, 3)->text(), QStringLiteral("vg-data (dm-11) [254:11]"));
    QStringList labels;
    for (QLabel *label : inspector->findChildren<QLabel *>()) {
        labels.append(label->text());
    }
    QVERIFY(labels.contains(QStringLiteral("dm-crypt (cryptsetup)")));
    QVERIFY(labels.contains(QStringLiteral("CRYPT-LUKS2-77aa-cryptdata")));
    QVERIFY(labels.contains(QStringLiteral("254:10 (dm-10)")));
    QVERIFY(labels.contains(QStringLiteral("read-write")));
    QVERIFY(inspector->findChild<QLabel *>(QStringLiteral("inspectorReason"))->text().contains(u"dm-crypt"));
    saveScreenshot(inspector, QStringLiteral("mapping-inspector-crypt"));
}

void TestStackView::ourMappingOpensInTheEditor()
{
    // A double-click, this time.
    StackView *stacks = showStacks(QStringLiteral("dm-2"));
    QTreeView *tree = stacks->view();
    const QRect row = tree->visualRect(m_window->stackModel()->indexOf(QStringLiteral("dm-2")));
    QVERIFY(row.isValid());
    // A view only takes a double-click on the index the press went to: press first, as a mouse does.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_COMPARE(m_window->editor()->editedMapping(), QStringLiteral("ours"));
    // A linear mapping without an owner tool is editable too; from the mappings panel this time.
    m_window->mappingsPanel()->view()->selectRow(m_window->mappingModel()->rowOf(QStringLiteral("plain")));
    QTest::mouseClick(buttonLabelled(m_window->mappingsPanel(), QStringLiteral("Open in Editor")),
                      Qt::LeftButton);
    QTRY_COMPARE(m_window->editor()->editedMapping(), QStringLiteral("plain"));
    QVERIFY(!waitForTopLevel<QDialog>(QStringLiteral("mappingInspector"), 200));
}

void TestStackView::mappingsPanelOffersTheInspectorForForeignOnes()
{
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->view()->selectRow(m_window->mappingModel()->rowOf(QStringLiteral("ours")));
    QVERIFY(buttonLabelled(panel, QStringLiteral("Open in Editor")));
    panel->view()->selectRow(m_window->mappingModel()->rowOf(QStringLiteral("vg-data")));
    QVERIFY(!buttonLabelled(panel, QStringLiteral("Open in Editor")));
    QPushButton *inspect = buttonLabelled(panel, QStringLiteral("Inspect…"));
    QVERIFY(inspect);
    QTest::mouseClick(inspect, Qt::LeftButton);
    auto *inspector = waitForTopLevel<QDialog>(QStringLiteral("mappingInspector"));
    QVERIFY(inspector);
    QCOMPARE(inspector->findChild<QPlainTextEdit *>(QStringLiteral("inspectorTable"))->toPlainText(),
             QStringLiteral("0 4000000 linear 8:16 2048\n"));
    QCOMPARE(inspector->findChild<QTableWidget *>(QStringLiteral("inspectorSegments"))->item(0, 3)->text(),
             QStringLiteral("sdb [8:16]"));
    QVERIFY(
        inspector->findChild<QLabel *>(QStringLiteral("inspectorReason"))->text().startsWith(u"LVM made"));
    QVERIFY(m_window->editor()->editedMapping().isEmpty());
}

void TestStackView::foreignRemovalWarnsAndDefaultsToCancel()
{
    QMessageBox *confirm = askToRemove(QStringLiteral("cryptdata"));
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QVERIFY(confirm->text().contains(QStringLiteral("dm-crypt (cryptsetup)")));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("decrypted device disappears")));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("open right now (open count 1)")));
    saveScreenshot(confirm, QStringLiteral("foreign-remove-crypt"));
    // A stray Enter cancels: nothing is removed.
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY(!confirm->isVisible());
    QTest::qWait(100);
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("cryptdata")));

    confirm = askToRemove(QStringLiteral("vg-data"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("LVM")));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("vgchange -ay")));
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    saveScreenshot(confirm, QStringLiteral("foreign-remove-lvm"));
    confirm->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!confirm->isVisible());
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("vg-data")));
}

void TestStackView::removingAMappingWithoutOwnerNamesNoTool()
{
    QMessageBox *confirm = askToRemove(QStringLiteral("plain"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("Volume Mapper did not make it")));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("no tool owns it")));
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QPushButton *remove = buttonLabelled(confirm, QStringLiteral("Remove Anyway"));
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY(!m_helper.backend->mappings.contains(QStringLiteral("plain")));
    QTRY_VERIFY(m_window->mappingModel()->rowOf(QStringLiteral("plain")) < 0);
}

QTEST_MAIN(TestStackView)
#include "tst_stackview.moc"
