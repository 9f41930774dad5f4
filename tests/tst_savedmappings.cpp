// SPDX-License-Identifier: GPL-2.0-or-later
// Mappings recreated at startup, through the window: the choice in the
// Create confirmation, the marks and states in the Mappings panel, and
// Recreate at Startup, Assemble Now, Forget and Remove on its rows,
// against the real helper service (fake kernel parts, a scratch
// /etc/volmap) on a private bus.

#include "confirmations.h"
#include "datawarning.h"
#include "fakes/fakehelperstack.h"
#include "fakes/fakesavedstore.h"
#include "fakes/fakesystem.h"
#include "fakes/widgetlookup.h"
#include "fakes/windowdriver.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "tableeditor.h"
#include "tabletext.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextEdit>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString OnSdb = QStringLiteral("0 2048 linear /dev/sdb 0\n");

/* Runs one HelperClient call to its answer; the error's D-Bus name, or empty. */
template<typename T>
QString run(const std::function<void(HelperClient::Callback<T>)> &call)
{
    std::optional<QString> problem;
    call([&](const ClientResult<T> &result) { problem = result ? QString() : result.error().dbusName; });
    return QTest::qWaitFor([&]() { return problem.has_value(); }, 10000) ? *problem
                                                                         : QStringLiteral("timeout");
}

QAction *actionLabelled(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text().remove(u'&') == text) {
            return action;
        }
    }
    return nullptr;
}

} // namespace

class TestSavedMappings final : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createOffersRecreateAtStartup();
    void createOverDataAsksBoth();
    void noStableIdentityIsExplained();
    void panelShowsSavedWaitingAndRefused();
    void recreateAtStartupTogglesFromTheMenu();
    void assembleNowSaysWhatBecameOfIt();
    void forgetDropsTheDefinition();
    void removeAsksAboutTheDefinition();

private:
    void create(const QString &name, const QString &table, bool persistent);
    /* The waiting "archive" (sdc1 unplugged), the refused "scratch" (its range taken by "other"), the saved
     * "backup". */
    void buildSavedStates();
    /* The context menu of the row named `name` (live or saved). */
    QMenu *menuOf(const QString &name);
    void openRemoveConfirmationOf(const QString &name);
    /* Adds `device` to the editor, names the table `name` and asks to create it: the confirmation, or
     * nullptr. */
    QMessageBox *openCreateConfirmation(const QString &device, const QString &name);

    FakeSavedStore m_store;
};

void TestSavedMappings::initTestCase()
{
    if (!setUpMachine()) {
        QSKIP("making device nodes (mknod) needs root; the test suite runs as root");
    }
}

void TestSavedMappings::init()
{
    QSettings().remove(QStringLiteral("create"));
    m_helper.start();
    m_store.attach(m_helper);
    QVERIFY(openWindow());
}

void TestSavedMappings::cleanup()
{
    closeWindow();
    m_store.detach(m_helper);
    m_helper.stop();
}

void TestSavedMappings::create(const QString &name, const QString &table, bool persistent)
{
    HelperClient *client = m_helper.client.get();
    QCOMPARE(run<QString>([&](auto done) {
                 client->create(name, table, HelperClient::CreateFlags{false, persistent}, done);
             }),
             QString());
}

void TestSavedMappings::buildSavedStates()
{
    m_store.giveSdcASerial();
    HelperClient *client = m_helper.client.get();
    create(QStringLiteral("backup"), OnSdb, true);
    create(QStringLiteral("archive"), QStringLiteral("0 4096 linear /dev/sdc1 0\n"), true);
    QCOMPARE(run<Done>([&](auto done) { client->remove(QStringLiteral("archive"), false, true, done); }),
             QString());
    m_store.unplug(QStringLiteral("sdc1"));
    create(QStringLiteral("scratch"), QStringLiteral("0 2048 linear /dev/sdb 8192\n"), true);
    QCOMPARE(run<Done>([&](auto done) { client->remove(QStringLiteral("scratch"), false, true, done); }),
             QString());
    create(QStringLiteral("other"), QStringLiteral("0 1024 linear /dev/sdb 9000\n"), false);
    MappingListModel *model = m_window->mappingModel();
    QTRY_VERIFY(model->rowOf(QStringLiteral("other")) >= 0);
    QTRY_VERIFY(model->savedRowOf(QStringLiteral("archive")) >= 0);
    QTRY_VERIFY(model->savedRowOf(QStringLiteral("scratch")) >= 0);
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("backup"))).persistence, Persistence::Saved);
    QTRY_COMPARE(model->row(model->savedRowOf(QStringLiteral("scratch"))).persistence, Persistence::Refused);
}

QMenu *TestSavedMappings::menuOf(const QString &name)
{
    MappingListModel *model = m_window->mappingModel();
    const int row = model->rowOf(name) >= 0 ? model->rowOf(name) : model->savedRowOf(name);
    QMenu *menu = m_window->mappingsPanel()->menuForRow(row);
    if (menu) {
        menu->deleteLater();
    }
    return menu;
}

void TestSavedMappings::openRemoveConfirmationOf(const QString &name)
{
    m_window->mappingsPanel()->selectMapping(name);
    QTest::mouseClick(buttonLabelled(m_window->mappingsPanel(), QStringLiteral("Remove…")), Qt::LeftButton);
}

QMessageBox *TestSavedMappings::openCreateConfirmation(const QString &device, const QString &name)
{
    TableEditor *editor = m_window->editor();
    addDevicesByKeyboard(m_window.get(), {device});
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")), name);
    editor->createAction()->trigger();
    return waitForTopLevel<QMessageBox>(QStringLiteral("createConfirmation"));
}

void TestSavedMappings::createOffersRecreateAtStartup()
{
    auto *confirm = openCreateConfirmation(QStringLiteral("sdb"), QStringLiteral("kept"));
    QVERIFY(confirm);
    auto *recreate = confirm->findChild<QCheckBox *>(QStringLiteral("recreateAtStartup"));
    QVERIFY(recreate);
    QVERIFY(!recreate->isChecked()); // off until the person chooses it
    QVERIFY(recreate->isVisible());
    // On a row of its own between the text and the buttons, not over either.
    auto *buttons = confirm->findChild<QDialogButtonBox *>();
    QVERIFY(recreate->geometry().bottom() < buttons->geometry().top());
    QVERIFY(recreate->geometry().top()
            > confirm->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"))->geometry().bottom());
    recreate->setChecked(true);
    saveScreenshot(confirm, QStringLiteral("volmap-create-recreate-at-startup"));
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Create")), Qt::LeftButton);
    auto *created = waitForTopLevel<QMessageBox>(QStringLiteral("createdMessage"));
    QVERIFY(created);
    QVERIFY2(created->informativeText().contains(u"recreated at every startup"),
             qPrintable(created->informativeText()));
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("kept")));
    QVERIFY(m_store.saved->isSaved(QStringLiteral("kept")));
    const auto &requests = m_helper.authorizer->requests;
    QVERIFY(std::any_of(requests.cbegin(), requests.cend(), [](const auto &request) {
        return request.action == HelperProtocol::Action::persist() && request.allowInteraction;
    }));
    MappingListModel *model = m_window->mappingModel();
    QTRY_VERIFY(model->rowOf(QStringLiteral("kept")) >= 0);
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("kept"))).persistence, Persistence::Saved);
    created->close();

    // The choice is remembered for the next Create.
    m_window->editor()->startNewMapping();
    confirm = openCreateConfirmation(QStringLiteral("sdc1"), QStringLiteral("next"));
    QVERIFY(confirm);
    QVERIFY(confirm->findChild<QCheckBox *>(QStringLiteral("recreateAtStartup"))->isChecked());
    confirm->close();
}

void TestSavedMappings::createOverDataAsksBoth()
{
    // Over data the consent is the box's check box; Recreate at startup still has its own row.
    const QString table = QStringLiteral("0 2048 basic_target /dev/sdb 0\n");
    const QList<RangeData> data = rangeDataOf(parseTable(table).table,
                                              {RangeSignature{RangeSignature::Kind::Filesystem,
                                                              QStringLiteral("ext4"),
                                                              QStringLiteral("home"),
                                                              {},
                                                              {},
                                                              false}});
    auto *box = qobject_cast<QMessageBox *>(
        createConfirmation(m_window.get(), QStringLiteral("fast"), table, false, data));
    QVERIFY(box);
    box->open();
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QVERIFY(box->checkBox());
    QCOMPARE(box->checkBox()->objectName(), QStringLiteral("dataConsent"));
    auto *recreate = box->findChild<QCheckBox *>(QStringLiteral("recreateAtStartup"));
    QVERIFY(recreate && recreate->isVisible());
    QVERIFY(box->checkBox()->geometry().bottom() < recreate->geometry().top());
    QVERIFY(recreate->geometry().bottom() < box->findChild<QDialogButtonBox *>()->geometry().top());
    QCOMPARE(recreate->geometry().left(), box->checkBox()->geometry().left());
    saveScreenshot(box, QStringLiteral("volmap-create-over-data-recreate"));
    // Showing the details lays nothing over it.
    QTest::mouseClick(buttonLabelled(box, QStringLiteral("Show Details...")), Qt::LeftButton);
    QTRY_VERIFY(box->findChild<QTextEdit *>() && box->findChild<QTextEdit *>()->isVisible());
    QVERIFY(recreate->isVisible());
    QVERIFY(recreate->geometry().bottom() < box->findChild<QDialogButtonBox *>()->geometry().top());
    QVERIFY(box->findChild<QTextEdit *>()->mapTo(box, QPoint(0, 0)).y() > recreate->geometry().bottom());
    saveScreenshot(box, QStringLiteral("volmap-create-over-data-details"));
    box->close();
}

void TestSavedMappings::noStableIdentityIsExplained()
{
    // sdc has neither WWN nor serial number: sdc1 cannot be found again after a restart.
    auto *confirm = openCreateConfirmation(QStringLiteral("sdc1"), QStringLiteral("data"));
    QVERIFY(confirm);
    confirm->findChild<QCheckBox *>(QStringLiteral("recreateAtStartup"))->setChecked(true);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Create")), Qt::LeftButton);
    auto *error = waitForTopLevel<QMessageBox>(QStringLiteral("errorMessage"));
    QVERIFY(error);
    saveScreenshot(error, QStringLiteral("volmap-no-stable-identity"));
    QVERIFY2(error->text().contains(u"Cannot be recreated at startup"), qPrintable(error->text()));
    // Which device, and why.
    QVERIFY2(error->text().contains(u"/dev/sdc1 has no PARTUUID on a disk with a WWN or serial number"),
             qPrintable(error->text()));
    QVERIFY(error->informativeText().startsWith(u"Nothing was created or saved."));
    QVERIFY(m_helper.backend->mappings.isEmpty());
    QVERIFY(!m_store.saved->isSaved(QStringLiteral("data")));
    QVERIFY(m_window->editor()->createAction()->isEnabled()); // the table stays for another try
}

void TestSavedMappings::panelShowsSavedWaitingAndRefused()
{
    buildSavedStates();
    MappingListModel *model = m_window->mappingModel();
    const auto state = [model](int row) {
        return model->index(row, MappingListModel::StateColumn).data().toString();
    };
    const int backup = model->rowOf(QStringLiteral("backup"));
    QCOMPARE(state(backup), QStringLiteral("active, recreated at startup"));
    QCOMPARE(model->index(backup, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Recreated at startup"));
    QVERIFY(model->index(model->rowOf(QStringLiteral("other")), 0).data(Qt::ToolTipRole).isNull());
    const int archive = model->savedRowOf(QStringLiteral("archive"));
    QVERIFY2(state(archive).startsWith(u"waiting for partition PARTUUID=6a7b-01"),
             qPrintable(state(archive)));
    const int scratch = model->savedRowOf(QStringLiteral("scratch"));
    QVERIFY2(state(scratch).startsWith(u"refused: ") && state(scratch).contains(u"other"),
             qPrintable(state(scratch)));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->mappings().size(), 2);

    // A saved row is not a mapping: nothing to open, remove or watch.
    MappingListPanel *panel = m_window->mappingsPanel();
    QSignalSpy selected(panel, &MappingListPanel::selectionChanged);
    panel->view()->selectRow(archive);
    QCOMPARE(panel->selectedMapping(), QString());
    QCOMPARE(panel->selectedSaved(), QStringLiteral("archive"));
    QVERIFY(!buttonLabelled(panel, QStringLiteral("Open in Editor"))->isEnabled());
    QVERIFY(!buttonLabelled(panel, QStringLiteral("Remove…"))->isEnabled());
    QCOMPARE(selected.constLast().at(0).toString(), QString());
    QTest::keyClick(panel->view(), Qt::Key_Return); // activating it opens nothing
    QTest::qWait(100);
    QVERIFY(m_window->editor()->editedMapping().isEmpty());
    panel->view()->selectRow(backup);
    QCOMPARE(selected.constLast().at(0).toString(), QStringLiteral("backup"));

    // A right click on a saved row selects it and offers its actions.
    const QRect archiveCell = panel->view()->visualRect(model->index(archive, MappingListModel::NameColumn));
    Q_EMIT panel->view()->customContextMenuRequested(archiveCell.center());
    auto *menu = waitForTopLevel<QMenu>(QStringLiteral("mappingMenu"));
    QVERIFY(menu);
    QCOMPARE(panel->selectedSaved(), QStringLiteral("archive"));
    QVERIFY(actionLabelled(menu, QStringLiteral("Assemble Now"))
            && actionLabelled(menu, QStringLiteral("Forget…")));
    QVERIFY(!actionLabelled(menu, QStringLiteral("Open in Editor")));
    menu->close();
    panel->view()->selectRow(backup);
    // The reason shows beside the name: the state spans the saved row's empty columns.
    QCOMPARE(panel->view()->columnSpan(archive, MappingListModel::SizeColumn),
             MappingListModel::ColumnCount - MappingListModel::SizeColumn);
    QCOMPARE(panel->view()->columnSpan(backup, MappingListModel::SizeColumn), 1);
    m_window->resizeDocks({m_window->findChild<QDockWidget *>(QStringLiteral("mappingsDock"))}, {640},
                          Qt::Horizontal);
    panel->view()->resizeColumnsToContents();
    QTest::qWait(50);
    saveScreenshot(panel, QStringLiteral("volmap-saved-mappings-panel"));
    saveScreenshot(m_window.get(), QStringLiteral("volmap-saved-mappings"));
}

void TestSavedMappings::recreateAtStartupTogglesFromTheMenu()
{
    create(QStringLiteral("plain"), OnSdb, false);
    MappingListModel *model = m_window->mappingModel();
    QTRY_VERIFY(model->rowOf(QStringLiteral("plain")) >= 0);
    QAction *recreate = actionLabelled(menuOf(QStringLiteral("plain")),
                                       QStringLiteral("Recreate at Startup"));
    QVERIFY(recreate);
    QVERIFY(recreate->isCheckable());
    QVERIFY(!recreate->isChecked());
    recreate->trigger();
    QTRY_VERIFY(m_store.saved->isSaved(QStringLiteral("plain")));
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("plain"))).persistence, Persistence::Saved);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"plain is recreated at startup"));

    recreate = actionLabelled(menuOf(QStringLiteral("plain")), QStringLiteral("Recreate at Startup"));
    QVERIFY(recreate->isChecked());
    recreate->trigger();
    QTRY_VERIFY(!m_store.saved->isSaved(QStringLiteral("plain")));
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("plain"))).persistence, Persistence::NotSaved);
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("plain"))); // the mapping itself stays

    // Another tool's mapping cannot be saved: no such entry.
    MappingState foreign = m_helper.backend->mappings.value(QStringLiteral("plain"));
    foreign.name = QStringLiteral("vg-lv");
    foreign.uuid = QStringLiteral("LVM-abc");
    m_helper.backend->mappings.insert(foreign.name, foreign);
    model->refresh();
    QTRY_VERIFY(model->rowOf(QStringLiteral("vg-lv")) >= 0);
    QVERIFY(!actionLabelled(menuOf(QStringLiteral("vg-lv")), QStringLiteral("Recreate at Startup")));
}

void TestSavedMappings::assembleNowSaysWhatBecameOfIt()
{
    buildSavedStates();
    QMenu *menu = menuOf(QStringLiteral("archive"));
    QVERIFY(!actionLabelled(menu, QStringLiteral("Recreate at Startup")));
    actionLabelled(menu, QStringLiteral("Assemble Now"))->trigger();
    auto *result = waitForTopLevel<QMessageBox>(QStringLiteral("assembleResult"));
    QVERIFY(result);
    QVERIFY2(result->text().contains(u"was not assembled: waiting for partition PARTUUID=6a7b-01"),
             qPrintable(result->text()));
    QVERIFY(result->informativeText().contains(u"as soon as the device it waits for appears"));
    QVERIFY(!m_helper.backend->mappings.contains(QStringLiteral("archive")));
    result->close();

    // The partition is back: assembled, and shown as a live mapping recreated at startup.
    m_store.facts = FakeSavedStore::defaultFacts();
    m_store.giveSdcASerial();
    actionLabelled(menuOf(QStringLiteral("archive")), QStringLiteral("Assemble Now"))->trigger();
    result = waitForTopLevel<QMessageBox>(QStringLiteral("assembleResult"));
    QVERIFY(result);
    QVERIFY2(result->text().contains(u"/dev/mapper/archive</b> is ready"), qPrintable(result->text()));
    QVERIFY(m_helper.backend->mappings.contains(QStringLiteral("archive")));
    MappingListModel *model = m_window->mappingModel();
    QTRY_VERIFY(model->rowOf(QStringLiteral("archive")) >= 0);
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("archive"))).persistence, Persistence::Saved);
    QCOMPARE(model->savedRowOf(QStringLiteral("archive")), -1);
    QTRY_COMPARE(m_window->mappingsPanel()->selectedMapping(), QStringLiteral("archive"));
    result->close();

    // A refused one says why.
    actionLabelled(menuOf(QStringLiteral("scratch")), QStringLiteral("Assemble Now"))->trigger();
    result = waitForTopLevel<QMessageBox>(QStringLiteral("assembleResult"));
    QVERIFY(result);
    QVERIFY2(result->text().contains(u"was not assembled: refused: ") && result->text().contains(u"other"),
             qPrintable(result->text()));
}

void TestSavedMappings::forgetDropsTheDefinition()
{
    buildSavedStates();
    actionLabelled(menuOf(QStringLiteral("scratch")), QStringLiteral("Forget…"))->trigger();
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("forgetConfirmation"));
    QVERIFY(confirm);
    QVERIFY(m_store.saved->isSaved(QStringLiteral("scratch"))); // nothing before the answer
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Forget")), Qt::LeftButton);
    QTRY_VERIFY(!m_store.saved->isSaved(QStringLiteral("scratch")));
    QTRY_COMPARE(m_window->mappingModel()->savedRowOf(QStringLiteral("scratch")), -1);
    QVERIFY(m_window->mappingModel()->savedRowOf(QStringLiteral("archive")) >= 0);

    // Cancel forgets nothing.
    actionLabelled(menuOf(QStringLiteral("archive")), QStringLiteral("Forget…"))->trigger();
    confirm = waitForTopLevel<QMessageBox>(QStringLiteral("forgetConfirmation"));
    QVERIFY(confirm);
    QTest::keyClick(confirm, Qt::Key_Escape);
    QTest::qWait(100);
    QVERIFY(m_store.saved->isSaved(QStringLiteral("archive")));
}

void TestSavedMappings::removeAsksAboutTheDefinition()
{
    create(QStringLiteral("kept"), OnSdb, true);
    create(QStringLiteral("gone"), QStringLiteral("0 2048 linear /dev/sdb 4096\n"), true);
    MappingListModel *model = m_window->mappingModel();
    QTRY_COMPARE(model->mappings().size(), 2);
    QTRY_COMPARE(model->row(model->rowOf(QStringLiteral("kept"))).persistence, Persistence::Saved);

    // Keep the definition: the mapping goes, its definition waits for the next startup.
    openRemoveConfirmationOf(QStringLiteral("kept"));
    auto *confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"));
    QVERIFY(confirm);
    auto *forget = confirm->findChild<QCheckBox *>(QStringLiteral("forgetDefinition"));
    QVERIFY(forget);
    QVERIFY(forget->isChecked()); // forgetting is the default
    forget->setChecked(false);
    saveScreenshot(confirm, QStringLiteral("volmap-remove-saved"));
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Remove")), Qt::LeftButton);
    QTRY_VERIFY(!m_helper.backend->mappings.contains(QStringLiteral("kept")));
    QVERIFY(m_store.saved->isSaved(QStringLiteral("kept")));
    QTRY_VERIFY(model->savedRowOf(QStringLiteral("kept")) >= 0);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"brings it back at the next startup"));

    // The default forgets it with the mapping.
    QTRY_VERIFY(m_window->mappingsPanel()->findChild<QPushButton *>() != nullptr);
    openRemoveConfirmationOf(QStringLiteral("gone"));
    confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"));
    QVERIFY(confirm);
    QTest::mouseClick(buttonLabelled(confirm, QStringLiteral("Remove")), Qt::LeftButton);
    QTRY_VERIFY(!m_helper.backend->mappings.contains(QStringLiteral("gone")));
    QTRY_VERIFY(!m_store.saved->isSaved(QStringLiteral("gone")));
    QTRY_COMPARE(model->savedRowOf(QStringLiteral("gone")), -1);

    // A mapping that is not saved is asked about as before, without the question.
    create(QStringLiteral("plain"), OnSdb, false);
    QTRY_VERIFY(model->rowOf(QStringLiteral("plain")) >= 0);
    openRemoveConfirmationOf(QStringLiteral("plain"));
    confirm = waitForTopLevel<QMessageBox>(QStringLiteral("removeConfirmation"));
    QVERIFY(confirm);
    QVERIFY(!confirm->findChild<QCheckBox *>(QStringLiteral("forgetDefinition")));
    confirm->close();
}

QTEST_MAIN(TestSavedMappings)
#include "tst_savedmappings.moc"
