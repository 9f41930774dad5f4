// SPDX-License-Identifier: GPL-2.0-or-later
// The main window against the real helper service (fake kernel parts) on
// a private bus, on a fake machine: what a person does, through widgets.

#include "claimssource.h"
#include "devicepanel.h"
#include "devicetreemodel.h"
#include "draftstore.h"
#include "fakes/fakehelperstack.h"
#include "fakes/fakesystem.h"
#include "fakes/widgetlookup.h"
#include "fakes/windowdriver.h"
#include "layoutbar.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Volmap;
using namespace Volmap::Fakes;

class TestMainWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void showsTheDeviceTree();
    void keyboardAddsSelectedDevices();
    void invalidRowsBlockCreate();
    void createsThroughTheHelper();
    void refusalIsExplained();
    void opensAndAppliesALiveReload();
    void removesWhenUnusedOnRequest();
    void missingHelperIsExplained();
    void pastesImportsAndShowsTheCommand();
    void remembersTheLayout();
    void followsHotplugKeepingTheSelection();
    void exportsAndImportsTableFiles();
    void speaksGerman();
    void keyboardCreateTakesTheCellBeingEdited();
    void undoingTheOpenLeavesLiveEditing();
    void readsInADarkPalette();
    // Conflicts with other mappings before Create, and drops around them.
    void dropTakesFreeSpaceAfterAnotherMapping();
    void overlapShowsBeforeCreate();
    void fullDeviceIsRefusedWithTheReason();

private:
    void addDevices(const QStringList &kernelNames);
    void createMapping(const QString &name, const QString &table);
    void waitForClaimsOf(const QString &name);
    /* Opens the first row's length cell for typing, its text selected; nullptr if no editor opened. */
    QLineEdit *openFirstLengthCell();
};

void TestMainWindow::initTestCase()
{
    if (!setUpMachine()) {
        QSKIP("making device nodes (mknod) needs root; the test suite runs as root");
    }
}

void TestMainWindow::cleanupTestCase() {}

void TestMainWindow::init()
{
    m_helper.start();
    QVERIFY(openWindow());
}

void TestMainWindow::cleanup()
{
    closeWindow();
    m_helper.stop();
}

void TestMainWindow::addDevices(const QStringList &kernelNames)
{
    addDevicesByKeyboard(m_window.get(), kernelNames);
}

void TestMainWindow::createMapping(const QString &name, const QString &table)
{
    createMappingDirectly(m_helper.client.get(), m_window.get(), name, table);
}

QLineEdit *TestMainWindow::openFirstLengthCell()
{
    QTableView *view = m_window->editor()->view();
    const QModelIndex length = m_window->editor()->model()->index(0, SegmentTableModel::LengthColumn);
    view->setFocus();
    view->setCurrentIndex(length);
    view->edit(length);
    auto *cell = view->findChild<QLineEdit *>();
    if (cell) {
        cell->selectAll();
    }
    return cell;
}

void TestMainWindow::showsTheDeviceTree()
{
    DeviceTreeModel *model = m_window->deviceModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model->rowCount(), 2);
    const QModelIndex sdc = model->indexOf(QStringLiteral("sdc"));
    QCOMPARE(model->rowCount(sdc), 1);
    QCOMPARE(model->indexOf(QStringLiteral("sdc1")).parent(), sdc);
    // Partitions are shown expanded: that is where free space usually is.
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_window->devicePanel()->view()->model());
    QVERIFY(m_window->devicePanel()->view()->isExpanded(proxy->mapFromSource(sdc)));
    // The filter keeps a partition's disk so the tree still reads.
    auto *filter = m_window->devicePanel()->findChild<QLineEdit *>();
    QTest::keyClicks(filter, QStringLiteral("sdc1"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 1);
    filter->clear();
    QCOMPARE(proxy->rowCount(), 2);
}

void TestMainWindow::keyboardAddsSelectedDevices()
{
    TableEditor *editor = m_window->editor();
    QVERIFY(!editor->createAction()->isEnabled());
    addDevices({QStringLiteral("sdc1"), QStringLiteral("sdb")});
    QCOMPARE(editor->model()->rowCount(), 2);
    const QList<EditableSegment> segments = editor->model()->segments();
    QCOMPARE(segments[0],
             (EditableSegment{1000000, QStringLiteral("basic_target"), QStringLiteral("/dev/sdc1"), 0}));
    QCOMPARE(segments[1],
             (EditableSegment{4194304, QStringLiteral("basic_target"), QStringLiteral("/dev/sdb"), 0}));
    QVERIFY(editor->model()->isValid());
    // Valid, but still unnamed: Create waits, and the summary says why.
    QVERIFY(!editor->createAction()->isEnabled());
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("tableSummary"))->text().contains(u"Name"));
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("data"));
    QVERIFY(editor->createAction()->isEnabled());
    // A device the table uses up is refused, with the reason in the status bar.
    addDevices({QStringLiteral("sdb")});
    QCOMPARE(editor->model()->rowCount(), 2);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"/dev/sdb"));
    saveScreenshot(m_window.get(), QStringLiteral("volmap-editing"));
}

void TestMainWindow::invalidRowsBlockCreate()
{
    TableEditor *editor = m_window->editor();
    addDevices({QStringLiteral("sdc1")});
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("data"));
    QVERIFY(editor->createAction()->isEnabled());
    // Type a length larger than the partition into the cell, in the unit shown (MiB).
    auto *cell = openFirstLengthCell();
    QVERIFY(cell);
    QTest::keyClicks(cell, QStringLiteral("600"));
    QTest::keyClick(cell, Qt::Key_Return); // the delegate commits from the event loop
    QTRY_COMPARE(editor->model()->segments()[0].length, quint64(600) * 2048);
    QVERIFY(!editor->model()->problemAt(0).isEmpty());
    QVERIFY(!editor->createAction()->isEnabled());
    QVERIFY(!editor->findChild<QPushButton *>(QStringLiteral("createButton"))->isEnabled());
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("tableSummary"))->text().contains(u"problem"));
    saveScreenshot(m_window.get(), QStringLiteral("volmap-invalid-row"));
    // Undo brings the valid table back; redo the invalid one.
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->model()->segments()[0].length, quint64(1000000));
    QVERIFY(editor->createAction()->isEnabled());
    editor->redoAction()->trigger();
    QVERIFY(!editor->createAction()->isEnabled());
    // Text that is no size is refused without changing anything.
    cell = openFirstLengthCell();
    QVERIFY(cell);
    QTest::keyClicks(cell, QStringLiteral("lots"));
    QTest::keyClick(cell, Qt::Key_Return);
    QTest::qWait(50);
    QVERIFY(cell->isVisible()); // Return does not take what is not a size: the cell stays open
    QTest::keyClick(cell, Qt::Key_Escape);
    QCOMPARE(editor->model()->segments()[0].length, quint64(600) * 2048);
}

void TestMainWindow::createsThroughTheHelper()
{
    TableEditor *editor = m_window->editor();
    addDevices({QStringLiteral("sdb")});
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("fast"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("createConfirmation"));
    QVERIFY(confirm);
    // It names exactly the ranges that will be used.
    QVERIFY2(
        confirm->informativeText().contains(u"/dev/sdb: 2 GiB from 0 B (sectors 0–4194303), basic_target"),
        qPrintable(confirm->informativeText()));
    QVERIFY(m_helper.backend->mappings.isEmpty());
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Create")), Qt::LeftButton);
    auto *created = waitForTopLevel<QMessageBox>(QStringLiteral("createdMessage"));
    QVERIFY(created);
    QVERIFY(created->text().contains(u"/dev/mapper/fast"));
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("fast")));
    // The editor's claims source reads tables too (without interaction): find the create.
    const auto &requests = m_helper.authorizer->requests;
    const auto create = std::find_if(requests.crbegin(), requests.crend(), [](const auto &request) {
        return request.action == HelperProtocol::Action::create();
    });
    QVERIFY(create != requests.crend());
    QVERIFY(create->allowInteraction);
    // It shows in the mappings panel, selected, marked as Volume Mapper's.
    QTRY_VERIFY(m_window->mappingModel()->rowOf(QStringLiteral("fast")) >= 0);
    QTRY_COMPARE(m_window->mappingsPanel()->selectedMapping(), QStringLiteral("fast"));
    QCOMPARE(
        m_window->mappingModel()
            ->index(m_window->mappingModel()->rowOf(QStringLiteral("fast")), MappingListModel::OriginColumn)
            .data()
            .toString(),
        QStringLiteral("Volume Mapper"));
    // The table on screen is the new mapping's now: edited as it, not a second mapping over its ranges.
    QCOMPARE(editor->editedMapping(), QStringLiteral("fast"));
    QVERIFY(editor->findChild<QLineEdit *>(QStringLiteral("mappingName"))->text().isEmpty());
    waitForClaimsOf(QStringLiteral("fast"));
    auto *summary = editor->findChild<QLabel *>(QStringLiteral("tableSummary"));
    QTRY_VERIFY2(summary->text().contains(u"✓"), qPrintable(summary->text()));
    created->close();
    saveScreenshot(m_window.get(), QStringLiteral("volmap-created"));
}

void TestMainWindow::refusalIsExplained()
{
    m_helper.authorizer->policy = [](const QString &, const QString &) {
        return AuthorizationResult::Dismissed;
    };
    TableEditor *editor = m_window->editor();
    addDevices({QStringLiteral("sdc1")});
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("data"));
    editor->createAction()->trigger();
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("createConfirmation"));
    QVERIFY(confirm);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Create")), Qt::LeftButton);
    auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"));
    QVERIFY(error);
    QVERIFY2(error->text().contains(u"Authentication dismissed"), qPrintable(error->text()));
    QVERIFY(error->informativeText().contains(u"nothing was changed"));
    QVERIFY(!error->text().contains(u"org.volmap")); // the D-Bus name is only in the details
    QVERIFY(m_helper.backend->mappings.isEmpty());
    // The editor is usable again, with the table kept for another try.
    QVERIFY(editor->createAction()->isEnabled());
    QCOMPARE(editor->model()->rowCount(), 1);
}

void TestMainWindow::opensAndAppliesALiveReload()
{
    createMapping(QStringLiteral("live"), QStringLiteral("0 2048 basic_target /dev/sdb 0\n"));
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->selectMapping(QStringLiteral("live"));
    QTest::mouseClick(buttonLabelled(panel, QStringLiteral("Open in Editor")), Qt::LeftButton);
    TableEditor *editor = m_window->editor();
    QTRY_COMPARE(editor->editedMapping(), QStringLiteral("live"));
    QCOMPARE(editor->model()->rowCount(), 1);
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("editingBanner"))->isVisible());
    QVERIFY(!editor->findChild<QPushButton *>(QStringLiteral("createButton"))->isVisible());
    // Grow it with a second device and apply.
    addDevices({QStringLiteral("sdc1")});
    QVERIFY(editor->applyAction()->isEnabled());
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("applyButton")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QDialog>(QStringLiteral("reloadConfirmation"));
    QVERIFY(confirm);
    const QList<QPlainTextEdit *> tables = confirm->findChildren<QPlainTextEdit *>();
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[0]->toPlainText(), QStringLiteral("0 2048 basic_target 8:16 0\n"));
    QCOMPARE(tables[1]->toPlainText(),
             QStringLiteral("0 2048 basic_target 8:16 0\n2048 1000000 basic_target /dev/sdc1 0\n"));
    QVERIFY(m_helper.backend->mappings[QStringLiteral("live")].table.size() == 1);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Apply")), Qt::LeftButton);
    QTRY_COMPARE(m_helper.backend->mappings[QStringLiteral("live")].table.size(), 2);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"new table"));
}

void TestMainWindow::removesWhenUnusedOnRequest()
{
    createMapping(QStringLiteral("busy"), QStringLiteral("0 2048 linear /dev/sdb 0\n"));
    m_helper.backend->mappings[QStringLiteral("busy")].openCount = 1;
    m_window->mappingModel()->refresh();
    QTRY_COMPARE(
        m_window->mappingModel()
            ->index(m_window->mappingModel()->rowOf(QStringLiteral("busy")), MappingListModel::OpenColumn)
            .data()
            .toInt(),
        1);
    m_window->mappingsPanel()->selectMapping(QStringLiteral("busy"));
    QTest::mouseClick(buttonLabelled(m_window->mappingsPanel(), QStringLiteral("Remove…")), Qt::LeftButton);
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"));
    QVERIFY(confirm);
    QTRY_VERIFY(confirm->informativeText().contains(u"open right now"));
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Remove When Unused")), Qt::LeftButton);
    QTRY_VERIFY(m_helper.backend->mappings[QStringLiteral("busy")].deferredRemove);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"no longer in use"));
    // Removing it outright while open is refused with a way out.
    m_helper.backend->mappings[QStringLiteral("busy")].deferredRemove = false;
    m_window->mappingsPanel()->selectMapping(QStringLiteral("busy"));
    QTest::mouseClick(buttonLabelled(m_window->mappingsPanel(), QStringLiteral("Remove…")), Qt::LeftButton);
    confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"));
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Remove")), Qt::LeftButton);
    auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"));
    QVERIFY(error);
    QVERIFY2(error->text().contains(u"Device in use"), qPrintable(error->text()));
    QVERIFY(error->informativeText().contains(u"Remove When Unused"));
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("busy")));
}

void TestMainWindow::missingHelperIsExplained()
{
    // The listing the window asked for at start must be answered first, or its
    // success would arrive after the failure below and rightly hide it.
    QSignalSpy listed(m_window->mappingModel(), &MappingListModel::refreshed);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY(!listed.isEmpty());
    QTest::qWait(100);
    m_helper.unregisterService();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    auto *message = m_window->mappingsPanel()->findChild<QLabel *>(QStringLiteral("mappingsMessage"));
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"Helper not installed"), qPrintable(message->text()));
    QVERIFY(message->text().contains(u"volmap-helper package"));
    // Once the helper is back, a refresh that succeeds takes the message away, even with no mappings.
    m_helper.registerService();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY(!message->isVisible());
}

void TestMainWindow::pastesImportsAndShowsTheCommand()
{
    TableEditor *editor = m_window->editor();
    QApplication::clipboard()->setText(QStringLiteral("0 2048 linear /dev/sdb 0\n2048 8 zero\n"));
    editor->pasteAction()->trigger();
    QCOMPARE(editor->model()->rowCount(), 2);
    QCOMPARE(editor->model()->segments()[1].target, QStringLiteral("zero"));
    QApplication::clipboard()->setText(QStringLiteral("this is not a table"));
    editor->pasteAction()->trigger();
    auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"));
    QVERIFY(error);
    QVERIFY(error->text().contains(u"could not be read"));
    error->close();
    QCOMPARE(editor->model()->rowCount(), 2);
    // One undo takes the whole paste back.
    editor->undoAction()->trigger();
    QCOMPARE(editor->model()->rowCount(), 0);
    editor->redoAction()->trigger();
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("pasted"));
    editor->commandAction()->trigger();
    auto *dialog = waitForTopLevel<QDialog>(QStringLiteral("commandDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QPlainTextEdit *>()->toPlainText(),
             QStringLiteral("dmsetup create pasted <<'EOF'\n0 2048 linear /dev/sdb 0\n2048 8 zero\nEOF\n"));
}

void TestMainWindow::remembersTheLayout()
{
    m_window->resize(1333, 888);
    m_window->close();
    createWindow();
    QCOMPARE(m_window->size(), QSize(1333, 888));
}

void TestMainWindow::followsHotplugKeepingTheSelection()
{
    QTreeView *tree = m_window->devicePanel()->view();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
    QTRY_VERIFY(m_window->deviceModel()->indexOf(QStringLiteral("sdc1")).isValid());
    tree->setCurrentIndex(proxy->mapFromSource(m_window->deviceModel()->indexOf(QStringLiteral("sdc1"))));
    // A disk appears (the monitor polls without udev), then goes again.
    QVERIFY(m_system->addDevice(QStringLiteral("sda"), 8, 0, 2048));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->deviceModel()->indexOf(QStringLiteral("sda")).isValid(), 10000);
    QCOMPARE(m_window->devicePanel()->selectedDevices(), QStringList{QStringLiteral("sdc1")});
    QCOMPARE(m_window->deviceModel()->rowCount(), 3);
    m_system->removeDevice(QStringLiteral("sda"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->deviceModel()->indexOf(QStringLiteral("sda")).isValid(), 10000);
    QCOMPARE(m_window->devicePanel()->selectedDevices(), QStringList{QStringLiteral("sdc1")});
}

void TestMainWindow::readsInADarkPalette()
{
    addDevices({QStringLiteral("sdb"), QStringLiteral("sdc1")});
    LayoutBar *bar = m_window->editor()->layoutBar();
    const QColor light = bar->colorOf(QStringLiteral("/dev/sdb"));
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(bar->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    // Segment colours step down on a dark window, and still tell devices apart.
    const QColor shaded = bar->colorOf(QStringLiteral("/dev/sdb"));
    QVERIFY(shaded.value() < light.value());
    QVERIFY(shaded != bar->colorOf(QStringLiteral("/dev/sdc1")));
    saveScreenshot(m_window.get(), QStringLiteral("volmap-dark"));
    QApplication::setPalette(original);
}

void TestMainWindow::exportsAndImportsTableFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.table"));
    TableEditor *editor = m_window->editor();
    addDevices({QStringLiteral("sdc1"), QStringLiteral("sdb")});
    auto chooseFile = [](const QString &file) {
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())));
        dialog->selectFile(file);
        static_cast<QDialog *>(dialog)->accept();
    };
    editor->exportAction()->trigger();
    chooseFile(path);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()),
             QStringLiteral("0 1000000 basic_target /dev/sdc1 0\n1000000 4194304 basic_target /dev/sdb 0\n"));
    // Import replaces the table in one undo step.
    editor->view()->selectAll();
    editor->removeAction()->trigger();
    QCOMPARE(editor->model()->rowCount(), 0);
    editor->importAction()->trigger();
    chooseFile(path);
    QTRY_COMPARE(editor->model()->rowCount(), 2);
    QCOMPARE(editor->model()->segments()[1].device, QStringLiteral("/dev/sdb"));
    editor->undoAction()->trigger();
    QCOMPARE(editor->model()->rowCount(), 0);
    // A file that is not a table changes nothing and says why.
    const QString garbage = dir.filePath(QStringLiteral("garbage.table"));
    QFile bad(garbage);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("start length target\n");
    bad.close();
    editor->importAction()->trigger();
    chooseFile(garbage);
    auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"));
    QVERIFY(error);
    QCOMPARE(editor->model()->rowCount(), 0);
}

void TestMainWindow::speaksGerman()
{
    // The catalogue is built from the .ts file and embedded; a German desktop gets German menus.
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German), QStringLiteral("volmap"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    QApplication::installTranslator(&german);
    MainWindow window(m_helper.client.get(), m_helper.samplingClient.get(), m_system->root());
    QApplication::removeTranslator(&german);
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
    QCOMPARE(window.editor()->createAction()->text(), QStringLiteral("Zuordnung &anlegen…"));
    QCOMPARE(m_window->menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

void TestMainWindow::keyboardCreateTakesTheCellBeingEdited()
{
    TableEditor *editor = m_window->editor();
    addDevices({QStringLiteral("sdb")});
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("typed"));
    // Half the disk typed into the cell, then Ctrl+Return while the cell is still open.
    auto *cell = openFirstLengthCell();
    QVERIFY(cell && cell->hasFocus());
    QTest::keyClicks(cell, QStringLiteral("1024"));
    QTest::keyClick(cell, Qt::Key_Return, Qt::ControlModifier);
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("createConfirmation"));
    QVERIFY(confirm);
    QVERIFY2(confirm->text().contains(u"1 GiB"), qPrintable(confirm->text()));
    QCOMPARE(editor->model()->segments()[0].length, quint64(2097152));
}

void TestMainWindow::undoingTheOpenLeavesLiveEditing()
{
    createMapping(QStringLiteral("opened"), QStringLiteral("0 2048 linear /dev/sdb 0\n"));
    m_window->mappingsPanel()->selectMapping(QStringLiteral("opened"));
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    TableEditor *editor = m_window->editor();
    QTRY_COMPARE(editor->editedMapping(), QStringLiteral("opened"));
    addDevices({QStringLiteral("sdc1")});
    editor->undoAction()->trigger(); // the added segment
    QCOMPARE(editor->editedMapping(), QStringLiteral("opened"));
    editor->undoAction()->trigger(); // the opening
    QVERIFY(editor->editedMapping().isEmpty());
    QVERIFY(!editor->applyAction()->isEnabled());
    QVERIFY(editor->findChild<QPushButton *>(QStringLiteral("createButton"))->isVisible());
}

// The editor's early warning: the claims ClaimsSource collected include `name`'s.
void TestMainWindow::waitForClaimsOf(const QString &name)
{
    auto *claims = m_window->findChild<ClaimsSource *>();
    QVERIFY(claims);
    QTRY_VERIFY(claims->isReady() && claims->snapshot().byMapping.contains(name));
}

void TestMainWindow::dropTakesFreeSpaceAfterAnotherMapping()
{
    createMapping(QStringLiteral("first"), QStringLiteral("0 1000 linear /dev/sdb 0"));
    waitForClaimsOf(QStringLiteral("first"));
    addDevices({QStringLiteral("sdb")});
    TableEditor *editor = m_window->editor();
    QCOMPARE(editor->model()->rowCount(), 1);
    const EditableSegment segment = editor->model()->segments().constFirst();
    QCOMPARE(segment.device, QStringLiteral("/dev/sdb"));
    QCOMPARE(segment.offset, quint64(1000));
    QCOMPARE(segment.length, quint64(4194304 - 1000));
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("second"));
    auto *summary = editor->findChild<QLabel *>(QStringLiteral("tableSummary"));
    QTRY_VERIFY2(summary->text().contains(u"✓"), qPrintable(summary->text()));
    QVERIFY(editor->createAction()->isEnabled());
    saveScreenshot(m_window.get(), QStringLiteral("volmap-drop-after-mapping"));
}

void TestMainWindow::overlapShowsBeforeCreate()
{
    createMapping(QStringLiteral("first"), QStringLiteral("0 1000 linear /dev/sdb 0"));
    waitForClaimsOf(QStringLiteral("first"));
    TableEditor *editor = m_window->editor();
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), QStringLiteral("second"));
    QVERIFY(editor->loadTableText(
        QStringLiteral("0 2048 basic_target /dev/sdc1 0\n2048 100 linear /dev/sdb 950\n"),
        QStringLiteral("test")));
    QVERIFY(editor->model()->isValid());
    auto *summary = editor->findChild<QLabel *>(QStringLiteral("tableSummary"));
    QTRY_VERIFY2(summary->text().contains(u"used by mapping 'first'"), qPrintable(summary->text()));
    QVERIFY(!summary->text().contains(u"✓"));
    QVERIFY(!editor->createAction()->isEnabled());
    // The row that overlaps says so; the other does not.
    QVERIFY(editor->model()->problemAt(1).contains(u"segment 2"));
    QVERIFY(editor->model()->problemAt(0).isEmpty());
    saveScreenshot(m_window.get(), QStringLiteral("volmap-conflict-before-create"));

    // Moving the range past the other mapping clears it.
    const QModelIndex offset = editor->model()->index(1, SegmentTableModel::OffsetColumn);
    QVERIFY(editor->model()->setData(offset, QVariant::fromValue(quint64(1000))));
    QTRY_VERIFY2(summary->text().contains(u"✓"), qPrintable(summary->text()));
    QVERIFY(editor->createAction()->isEnabled());
    QVERIFY(editor->model()->problemAt(1).isEmpty());
}

void TestMainWindow::fullDeviceIsRefusedWithTheReason()
{
    createMapping(QStringLiteral("all"), QStringLiteral("0 1000000 linear /dev/sdc1 0"));
    waitForClaimsOf(QStringLiteral("all"));
    addDevices({QStringLiteral("sdc1")});
    QCOMPARE(m_window->editor()->model()->rowCount(), 0);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"/dev/sdc1") && message.contains(u"mapping 'all'"), qPrintable(message));
    saveScreenshot(m_window.get(), QStringLiteral("volmap-drop-refused"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
