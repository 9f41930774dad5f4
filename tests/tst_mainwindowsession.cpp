// SPDX-License-Identifier: GPL-2.0-or-later
// The main window's session, through widgets: the unfinished table kept
// across quits, remembered settings, empty states, Open and Remove while a
// call runs, the Help menu, and column widths (run again at
// QT_SCALE_FACTOR=2 by gui_mainwindowsession_scale2). Saves screenshots.

#include "devicepanel.h"
#include "devicetreemodel.h"
#include "draftstore.h"
#include "fakes/fakehelperstack.h"
#include "fakes/fakesystem.h"
#include "fakes/widgetlookup.h"
#include "fakes/windowdriver.h"
#include "handbook.h"
#include "iomonitorview.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"
#include "windowfixture.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Volmap;
using namespace Volmap::Fakes;

/* Stands in for the desktop's help viewer: QDesktopServices hands it man: URLs. */
class ManViewer final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class TestMainWindowSession : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void quittingWithADraftAsksAndKeepsIt();
    void discardingTheDraftQuitsClean();
    void editDraftComesBackAsUnapplied();
    void remembersIntervalUnitAndDropLength();
    void emptyStatesSayWhy();
    void openAndRemoveWaitForACall();
    void closedLiveIoDockStopsStatusCalls();
    void helpMenuOpensHandbookAndManPages();
    void columnsFitTheirContent();

private:
    void addDevices(const QStringList &kernelNames);
    void createMapping(const QString &name, const QString &table);
    void reopenWindow();
    QLineEdit *nameField() const
    {
        return m_window->editor()->findChild<QLineEdit *>(QStringLiteral("mappingName"));
    }

    ManViewer m_manViewer;
};

void TestMainWindowSession::initTestCase()
{
    if (!setUpMachine()) {
        QSKIP("making device nodes (mknod) needs root; the test suite runs as root");
    }
    QDesktopServices::setUrlHandler(QStringLiteral("man"), &m_manViewer, "open");
}

void TestMainWindowSession::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("man"));
}

void TestMainWindowSession::init()
{
    m_helper.start();
    QVERIFY(openWindow());
}

void TestMainWindowSession::cleanup()
{
    closeWindow();
    m_helper.stop();
    QSettings().clear();
}

void TestMainWindowSession::addDevices(const QStringList &kernelNames)
{
    addDevicesByKeyboard(m_window.get(), kernelNames);
}

void TestMainWindowSession::createMapping(const QString &name, const QString &table)
{
    createMappingDirectly(m_helper.client.get(), m_window.get(), name, table);
}

void TestMainWindowSession::reopenWindow()
{
    QVERIFY(openWindow());
}

void TestMainWindowSession::quittingWithADraftAsksAndKeepsIt()
{
    QVERIFY(!m_window->editor()->hasDraft());
    addDevices({QStringLiteral("sdb")});
    QTest::keyClicks(nameField(), QStringLiteral("unfinished"));
    QVERIFY(m_window->editor()->hasDraft());
    // Autosaved shortly after the change, before any quit.
    QTRY_VERIFY(DraftStore().load().has_value());
    QCOMPARE(DraftStore().load()->mappingName, QStringLiteral("unfinished"));

    // File ▸ Quit asks, and Cancel keeps the window.
    QAction *quit = nullptr;
    for (QAction *action : m_window->menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == u"&Quit") {
            quit = action;
        }
    }
    QVERIFY(quit);
    quit->trigger();
    auto *question = waitForTopLevel<QMessageBox>(QStringLiteral("quitQuestion"));
    QVERIFY(question);
    QVERIFY2(question->text().contains(u"not created"), qPrintable(question->text()));
    saveScreenshot(question, QStringLiteral("quit-with-draft"));
    question->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QVERIFY(m_window->isVisible());

    // Again, and keep it.
    m_window->close();
    question = waitForTopLevel<QMessageBox>(QStringLiteral("quitQuestion"));
    QVERIFY(question);
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("keepDraftButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->isVisible());

    // The next start has it back, still a draft, and says so.
    reopenWindow();
    TableEditor *editor = m_window->editor();
    QCOMPARE(editor->model()->rowCount(), 1);
    QCOMPARE(editor->model()->segments()[0].device, QStringLiteral("/dev/sdb"));
    QCOMPARE(nameField()->text(), QStringLiteral("unfinished"));
    QVERIFY(editor->hasDraft());
    QVERIFY(editor->createAction()->isEnabled());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Restored"),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindowSession::discardingTheDraftQuitsClean()
{
    addDevices({QStringLiteral("sdb")});
    QTRY_VERIFY(DraftStore().load().has_value());
    m_window->close();
    auto *question = waitForTopLevel<QMessageBox>(QStringLiteral("quitQuestion"));
    QVERIFY(question);
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("discardDraftButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!m_window->isVisible());
    QVERIFY(!DraftStore().load().has_value());
    reopenWindow();
    QCOMPARE(m_window->editor()->model()->rowCount(), 0);

    // Nothing unfinished: quitting asks nothing.
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QVERIFY(!waitForTopLevel<QMessageBox>(QStringLiteral("quitQuestion"), 300));
}

void TestMainWindowSession::editDraftComesBackAsUnapplied()
{
    createMapping(QStringLiteral("live"), QStringLiteral("0 2048 linear /dev/sdb 0\n"));
    m_window->mappingsPanel()->selectMapping(QStringLiteral("live"));
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    TableEditor *editor = m_window->editor();
    QTRY_COMPARE(editor->editedMapping(), QStringLiteral("live"));
    // Opening alone is no draft.
    QVERIFY(!editor->hasDraft());
    addDevices({QStringLiteral("sdc1")});
    QVERIFY(editor->hasDraft());
    m_window->close();
    auto *question = waitForTopLevel<QMessageBox>(QStringLiteral("quitQuestion"));
    QVERIFY(question);
    QVERIFY2(question->text().contains(u"live"), qPrintable(question->text()));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("keepDraftButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->isVisible());

    reopenWindow();
    editor = m_window->editor();
    QCOMPARE(editor->editedMapping(), QStringLiteral("live"));
    QCOMPARE(editor->model()->rowCount(), 2);
    QVERIFY(editor->hasDraft());
    QVERIFY(editor->applyAction()->isEnabled());
}

void TestMainWindowSession::remembersIntervalUnitAndDropLength()
{
    TableEditor *editor = m_window->editor();
    auto *unit = editor->findChildren<QComboBox *>().value(0);
    QVERIFY(unit);
    unit->setCurrentIndex(unit->findData(int(SizeUnit::GiB)));
    QCOMPARE(editor->displayUnit(), SizeUnit::GiB);
    auto *dropLength = editor->findChildren<QLineEdit *>().value(0);
    for (QLineEdit *field : editor->findChildren<QLineEdit *>()) {
        if (field->accessibleName() == u"Length of dropped devices") {
            dropLength = field;
        }
    }
    QTest::keyClicks(dropLength, QStringLiteral("1.5"));
    auto *interval = m_window->ioView()->findChild<QComboBox *>(QStringLiteral("intervalCombo"));
    interval->setCurrentIndex(interval->findData(5000));
    Q_EMIT interval->activated(interval->currentIndex());
    QCOMPARE(m_window->ioView()->samplingInterval(), 5000);

    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    reopenWindow();
    QCOMPARE(m_window->editor()->displayUnit(), SizeUnit::GiB);
    QCOMPARE(m_window->editor()->dropLength(), QStringLiteral("1.5"));
    QCOMPARE(m_window->ioView()->samplingInterval(), 5000);
    // The drop length is in the remembered unit: a dropped device takes 1.5 GiB.
    addDevices({QStringLiteral("sdb")});
    QCOMPARE(m_window->editor()->model()->segments()[0].length, quint64(3 * 1024 * 1024));
}

void TestMainWindowSession::emptyStatesSayWhy()
{
    // No mappings on the machine: the list says so once it has been listed.
    QTableView *mappings = m_window->mappingsPanel()->view();
    auto *mappingsEmpty = mappings->findChild<QLabel *>(QStringLiteral("emptyStateOverlay"));
    QVERIFY(mappingsEmpty);
    QTRY_VERIFY(mappingsEmpty->isVisible());
    QVERIFY2(mappingsEmpty->text().contains(u"No device-mapper mappings"), qPrintable(mappingsEmpty->text()));
    createMapping(QStringLiteral("one"), QStringLiteral("0 2048 linear /dev/sdb 0\n"));
    QTRY_VERIFY(!mappingsEmpty->isVisible());

    // A filter that matches nothing.
    QTreeView *tree = m_window->devicePanel()->view();
    auto *devicesEmpty = tree->findChild<QLabel *>(QStringLiteral("emptyStateOverlay"));
    QVERIFY(devicesEmpty);
    QVERIFY(!devicesEmpty->isVisible());
    auto *filter = m_window->devicePanel()->findChild<QLineEdit *>();
    QTest::keyClicks(filter, QStringLiteral("nosuchdisk"));
    QTRY_VERIFY(devicesEmpty->isVisible());
    QVERIFY2(devicesEmpty->text().contains(u"nosuchdisk"), qPrintable(devicesEmpty->text()));
    saveScreenshot(m_window.get(), QStringLiteral("empty-filter"));
    filter->clear();
    QTRY_VERIFY(!devicesEmpty->isVisible());
}

void TestMainWindowSession::openAndRemoveWaitForACall()
{
    createMapping(QStringLiteral("slow"), QStringLiteral("0 2048 linear /dev/sdb 0\n"));
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->selectMapping(QStringLiteral("slow"));
    QPushButton *open = buttonLabelled(panel, QStringLiteral("Open in Editor"));
    QPushButton *remove = buttonLabelled(panel, QStringLiteral("Remove…"));
    QTRY_VERIFY(open->isEnabled());
    QVERIFY(remove->isEnabled());
    m_helper.authorizer->delayMs = 400; // the call takes a while
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(!open->isEnabled());
    QVERIFY(!remove->isEnabled());
    QAction *removeAction = nullptr;
    QAction *openAction = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == u"&Remove Selected…") {
            removeAction = action;
        } else if (action->text() == u"&Open Selected in Editor") {
            openAction = action;
        }
    }
    QVERIFY(removeAction && openAction);
    QVERIFY(!removeAction->isEnabled());
    QVERIFY(!openAction->isEnabled());
    // The shortcut does nothing meanwhile either: no confirmation opens.
    QTest::keyClick(m_window.get(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"), 100));
    QTRY_COMPARE(m_window->editor()->editedMapping(), QStringLiteral("slow"));
    QVERIFY(open->isEnabled());
    QVERIFY(remove->isEnabled());
    QVERIFY(removeAction->isEnabled());
}

// View ▸ Live I/O off: no more GetStatus calls reach the helper, so it can exit when idle.
void TestMainWindowSession::closedLiveIoDockStopsStatusCalls()
{
    createMapping(QStringLiteral("watched"), QStringLiteral("0 2048 basic_target /dev/sdb 0\n"));
    m_window->mappingsPanel()->selectMapping(QStringLiteral("watched"));
    QTRY_VERIFY(m_helper.backend->statusCalls >= 1);
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("ioDock"));
    QVERIFY(dock);
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(!m_window->ioView()->isVisible());
    QTest::qWait(300); // a call already under way may still be answered
    const quint64 callsWhenClosed = m_helper.backend->statusCalls;
    QTest::qWait(2600); // longer than the per-segment interval (2 s)
    QCOMPARE(m_helper.backend->statusCalls, callsWhenClosed);

    // Open again: it reads at once.
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(m_helper.backend->statusCalls > callsWhenClosed);
}

void TestMainWindowSession::helpMenuOpensHandbookAndManPages()
{
    auto *handbookAction = m_window->findChild<QAction *>(QStringLiteral("handbookAction"));
    QVERIFY(handbookAction);
    QCOMPARE(handbookAction->shortcut(), QKeySequence(QKeySequence::HelpContents));
    handbookAction->trigger();
    auto *handbook = waitForTopLevel<HandbookDialog>(QStringLiteral("handbook"));
    QVERIFY(handbook);
    const QString text = handbook->browser()->toPlainText();
    for (const char *topic :
         {"What basic_target is", "How to build a table", "What the counters mean", "In flight"}) {
        QVERIFY2(text.contains(QLatin1String(topic)), topic);
    }
    const QString html = handbook->browser()->toHtml();
    for (const ManPage &page : manPages()) {
        QVERIFY2(html.contains(page.url().toString()), qPrintable(page.url().toString()));
    }
    saveScreenshot(handbook, QStringLiteral("handbook"));

    // A link in the page goes to the desktop's help viewer.
    Q_EMIT handbook->browser()->anchorClicked(QUrl(QStringLiteral("man:volmap-helper(8)")));
    QCOMPARE(m_manViewer.opened, QList<QUrl>{QUrl(QStringLiteral("man:volmap-helper(8)"))});
    QVERIFY(handbook->isVisible());

    // And so does Help ▸ Manual Pages.
    QMenu *manuals = nullptr;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
        if (menu->title() == u"&Manual Pages") {
            manuals = menu;
        }
    }
    QVERIFY(manuals);
    QCOMPARE(manuals->actions().size(), 3);
    manuals->actions()[1]->trigger();
    QCOMPARE(m_manViewer.opened.last(), QUrl(QStringLiteral("man:volmapctl(1)")));
    m_manViewer.opened.clear();

    // German desktops get the German page.
    QCOMPARE(HandbookDialog::pageFor(QLocale(QLocale::German)), QStringLiteral(":/help/handbook_de.html"));
    QCOMPARE(HandbookDialog::pageFor(QLocale(QLocale::French)), QStringLiteral(":/help/handbook.html"));
}

/*
 * Every column of the editor, the mappings list and the per-segment table
 * is at least as wide as its header and its widest cell, at 100% and (the
 * _scale2 run) at 200%.
 */
void TestMainWindowSession::columnsFitTheirContent()
{
    createMapping(QStringLiteral("data"),
                  QStringLiteral("0 2048 basic_target /dev/sdb 0\n2048 2048 linear /dev/sdc1 0\n"));
    m_window->mappingsPanel()->selectMapping(QStringLiteral("data"));
    // A row with a problem: its message is the longest cell.
    addDevices({QStringLiteral("sdb")});
    m_window->editor()->model()->setData(
        m_window->editor()->model()->index(0, SegmentTableModel::OffsetColumn),
        QStringLiteral("999999999999"));
    QTest::qWait(300);
    const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1"));
    saveScreenshot(m_window.get(), QStringLiteral("window-scale-") + scale);
    for (QTableView *table : {m_window->editor()->view(), m_window->mappingsPanel()->view()}) {
        QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column)) {
                continue;
            }
            const QString name = table->model()->headerData(column, Qt::Horizontal).toString();
            const int needed = qMax(header->sectionSizeHint(column),
                                    static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column));
            QVERIFY2(header->sectionSize(column) >= needed,
                     qPrintable(QStringLiteral("%1 '%2': %3 < %4 at scale %5")
                                    .arg(table->objectName(), name)
                                    .arg(header->sectionSize(column))
                                    .arg(needed)
                                    .arg(scale)));
        }
    }
}

QTEST_MAIN(TestMainWindowSession)
#include "tst_mainwindowsession.moc"
