// SPDX-License-Identifier: GPL-2.0-or-later
// The app over real LVM and LUKS, inside the VM: a volume group on two
// loop devices with a striped and a linear LV, and an open LUKS container
// on a third (tests/vm/app/disk-context.sh sets them up and writes what
// the kernel says into $VOLMAP_FLOW_DIR/expected). The window, offscreen
// and unprivileged, must show them in the stack view and the space map at
// the kernel's ranges, show the crypt table without its key, pick only
// free space on a drop and refuse a draft over an LV before the helper.

#include "claimssource.h"
#include "devicepanel.h"
#include "devicetreemodel.h"
#include "fakes/widgetlookup.h"
#include "fakes/windowdriver.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "segmenttablemodel.h"
#include "spacemap.h"
#include "spacemapbar.h"
#include "spacemapfeed.h"
#include "stackmodel.h"
#include "tableeditor.h"

#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

// Every answer passes through the helper and polkit under TCG, while another VM may share the cores.
constexpr int Patience = 60000;
const QString Striped = QStringLiteral("vmdc-striped");
const QString Linear = QStringLiteral("vmdc-linear");
const QString Crypt = QStringLiteral("vmdc-crypt");

/* A range of a backing device that a mapping uses, from its table line. */
struct LvRange
{
    QString mapping;
    QString device; // major:minor
    quint64 offset = 0;
    quint64 length = 0;
};

} // namespace

class TestDiskContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stackViewShowsTheStacks();
    void spaceMapShowsTheKernelsRanges();
    void inspectorHidesTheKey();
    void dropPicksOnlyFreeSpace();
    void draftOverAnLvIsRefusedBeforeTheHelper();

private:
    QString kernelNameOfMapping(const QString &name) const;
    QString loopKernelName(int index) const { return m_devices.value(index).section(u'/', -1); }

    QStringList m_devices; // /dev/loopN
    QStringList m_numbers; // their major:minor
    QList<LvRange> m_ranges;
    QString m_key;
    std::unique_ptr<HelperClient> m_client;
    std::unique_ptr<HelperClient> m_samplingClient;
    std::unique_ptr<MainWindow> m_window;
};

void TestDiskContext::initTestCase()
{
    const QString flow = QString::fromLocal8Bit(qgetenv("VOLMAP_FLOW_DIR"));
    QVERIFY2(!flow.isEmpty(), "run by tests/vm/app/disk-context.sh");
    QFile expected(flow + QStringLiteral("/expected"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    while (!expected.atEnd()) {
        const QString line = QString::fromUtf8(expected.readLine()).trimmed();
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (line.startsWith(u"devices=")) {
            m_devices = line.section(u'=', 1).split(u' ', Qt::SkipEmptyParts);
        } else if (line.startsWith(u"numbers=")) {
            m_numbers = line.section(u'=', 1).split(u' ', Qt::SkipEmptyParts);
        } else if (line.startsWith(u"key=")) {
            m_key = line.section(u'=', 1);
        } else if (fields.size() >= 7 && fields[0] == u"table" && fields[4] == u"linear") {
            // table NAME START LENGTH linear DEVICE OFFSET
            m_ranges.append({fields[1], fields[5], fields[6].toULongLong(), fields[3].toULongLong()});
        } else if (fields.size() >= 7 && fields[0] == u"table" && fields[4] == u"striped") {
            // table NAME START LENGTH striped STRIPES CHUNK (DEVICE OFFSET)...: each stripe takes LENGTH /
            // STRIPES
            const quint64 stripes = fields[5].toULongLong();
            QVERIFY(stripes > 0 && fields.size() == 7 + 2 * int(stripes));
            for (quint64 i = 0; i < stripes; ++i) {
                m_ranges.append({fields[1], fields[7 + 2 * i], fields[8 + 2 * i].toULongLong(),
                                 fields[3].toULongLong() / stripes});
            }
        }
    }
    QCOMPARE(m_devices.size(), 3);
    QCOMPARE(m_numbers.size(), 3);
    QVERIFY(m_ranges.size() >= 3); // two stripes and the linear LV
    QVERIFY(m_key.size() >= 32);

    QStandardPaths::setTestModeEnabled(true);
    m_client = std::make_unique<HelperClient>();
    m_samplingClient = std::make_unique<HelperClient>();
    m_samplingClient->setInteractive(false);
    m_window = std::make_unique<MainWindow>(m_client.get(), m_samplingClient.get());
    m_window->resize(1400, 1000);
    QVERIFY(showAndWaitForDevices(m_window.get()));
    for (const QString &name : {Striped, Linear, Crypt}) {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->mappingModel()->rowOf(name) >= 0, Patience);
    }
    auto *claims = m_window->findChild<ClaimsSource *>();
    QVERIFY(claims);
    QTRY_VERIFY_WITH_TIMEOUT(claims->isReady() && claims->snapshot().byMapping.contains(Striped)
                                 && claims->snapshot().byMapping.contains(Linear)
                                 && claims->snapshot().byMapping.contains(Crypt),
                             Patience);
}

void TestDiskContext::cleanupTestCase()
{
    closeWindowAndDraft(m_window);
}

QString TestDiskContext::kernelNameOfMapping(const QString &name) const
{
    const StackSnapshot &snapshot = m_window->stackModel()->snapshot();
    for (const QString &kernelName : snapshot.names()) {
        if (snapshot.node(kernelName)->dmName == name) {
            return kernelName;
        }
    }
    return QString();
}

void TestDiskContext::stackViewShowsTheStacks()
{
    StackModel *model = m_window->stackModel();
    QTRY_VERIFY_WITH_TIMEOUT(!kernelNameOfMapping(Crypt).isEmpty() && !kernelNameOfMapping(Striped).isEmpty(),
                             Patience);
    // Top down: each mapping over its loop devices, made by the tool its uuid names.
    model->setDirection(StackSnapshot::Direction::TopDown);
    const auto childrenOf = [model](const QModelIndex &parent) {
        QStringList names;
        for (int row = 0; row < model->rowCount(parent); ++row) {
            names.append(model->index(row, 0, parent).data(StackModel::KernelNameRole).toString());
        }
        names.sort();
        return names;
    };
    const QModelIndex striped = model->indexOf(kernelNameOfMapping(Striped));
    QVERIFY(striped.isValid());
    QCOMPARE(childrenOf(striped), (QStringList{loopKernelName(0), loopKernelName(1)}));
    QVERIFY2(striped.siblingAtColumn(StackModel::OwnerColumn).data().toString().contains(u"LVM"),
             qPrintable(striped.siblingAtColumn(StackModel::OwnerColumn).data().toString()));
    const QModelIndex linear = model->indexOf(kernelNameOfMapping(Linear));
    QCOMPARE(childrenOf(linear), QStringList{loopKernelName(0)});
    const QModelIndex crypt = model->indexOf(kernelNameOfMapping(Crypt));
    QCOMPARE(childrenOf(crypt), QStringList{loopKernelName(2)});
    QVERIFY2(crypt.siblingAtColumn(StackModel::OwnerColumn).data().toString().contains(u"crypt"),
             qPrintable(crypt.siblingAtColumn(StackModel::OwnerColumn).data().toString()));
    // Bottom up: the first loop device carries both LVs.
    model->setDirection(StackSnapshot::Direction::BottomUp);
    const QModelIndex loop0 = model->indexOf(loopKernelName(0));
    QVERIFY(loop0.isValid());
    QStringList both{kernelNameOfMapping(Linear), kernelNameOfMapping(Striped)};
    both.sort();
    QCOMPARE(childrenOf(loop0), both);
    m_window->devicePanel()->tabs()->setCurrentIndex(1);
    saveScreenshot(m_window.get(), QStringLiteral("disk-context-stacks"));
    m_window->devicePanel()->tabs()->setCurrentIndex(0);
    model->setDirection(StackSnapshot::Direction::TopDown);
}

void TestDiskContext::spaceMapShowsTheKernelsRanges()
{
    SpaceMapFeed *feed = m_window->spaceMap();
    for (int device = 0; device < 2; ++device) {
        feed->showDevice(loopKernelName(device));
        QTRY_COMPARE_WITH_TIMEOUT(feed->shownDevice(), loopKernelName(device), Patience);
        for (const LvRange &expected : std::as_const(m_ranges)) {
            if (expected.device != m_numbers[device]) {
                continue;
            }
            const auto shown = [&]() {
                const QList<SpaceRange> ranges = feed->bar()->input().ranges;
                return std::any_of(ranges.cbegin(), ranges.cend(), [&](const SpaceRange &range) {
                    return range.kind == SpaceKind::Mapping && range.owner == expected.mapping
                           && range.start == expected.offset && range.length == expected.length;
                });
            };
            QTRY_VERIFY2_WITH_TIMEOUT(shown(),
                                      qPrintable(QStringLiteral("%1: no range of %2 at %3+%4")
                                                     .arg(m_devices[device], expected.mapping)
                                                     .arg(expected.offset)
                                                     .arg(expected.length)),
                                      Patience);
        }
    }
    // dm-crypt keeps its header in front of the data: the whole device is the mapping's.
    feed->showDevice(loopKernelName(2));
    const QList<SpaceRange> crypt = feed->bar()->input().ranges;
    QVERIFY(std::any_of(crypt.cbegin(), crypt.cend(), [](const SpaceRange &range) {
        return range.owner == Crypt && range.start == 0 && range.kind != SpaceKind::Draft;
    }));
    feed->showDevice(loopKernelName(0));
    saveScreenshot(m_window.get(), QStringLiteral("disk-context-space-map"));
}

void TestDiskContext::inspectorHidesTheKey()
{
    MappingListPanel *panel = m_window->mappingsPanel();
    panel->view()->selectRow(m_window->mappingModel()->rowOf(Crypt));
    QPushButton *inspect = buttonLabelled(panel, QStringLiteral("Inspect…"));
    QVERIFY(inspect);
    QTRY_VERIFY_WITH_TIMEOUT(inspect->isEnabled(), Patience);
    QTest::mouseClick(inspect, Qt::LeftButton);
    auto *inspector = waitForTopLevel<QDialog>(QStringLiteral("mappingInspector"), Patience);
    QVERIFY(inspector);
    auto *text = inspector->findChild<QPlainTextEdit *>(QStringLiteral("inspectorTable"));
    QVERIFY(text);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u" crypt "), Patience);
    QVERIFY2(!text->toPlainText().contains(m_key), "the crypt key is shown");
    for (QLabel *label : inspector->findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(m_key), "the crypt key is shown");
    }
    saveScreenshot(inspector, QStringLiteral("disk-context-inspector"));
    inspector->close();
}

void TestDiskContext::dropPicksOnlyFreeSpace()
{
    // The inspector had the focus: the window's shortcuts work in the active window only.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    SegmentTableModel *model = m_window->editor()->model();
    QSignalSpy refused(model, &SegmentTableModel::dropRefused);
    addDevicesByKeyboard(m_window.get(), {loopKernelName(0)});
    QVERIFY2(refused.isEmpty(), qPrintable(refused.value(0).value(0).toString()));
    QCOMPARE(model->rowCount(), 1);
    const EditableSegment segment = model->segments().constFirst();
    QCOMPARE(segment.device, m_devices[0]);
    QVERIFY(segment.length > 0);
    for (const LvRange &used : std::as_const(m_ranges)) {
        if (used.device != m_numbers[0]) {
            continue;
        }
        const bool overlaps = segment.offset < used.offset + used.length
                              && used.offset < segment.offset + segment.length;
        QVERIFY2(!overlaps, qPrintable(QStringLiteral("the drop took %1+%2, which %3 uses")
                                           .arg(segment.offset)
                                           .arg(segment.length)
                                           .arg(used.mapping)));
    }
    model->removeSegment(0);
}

void TestDiskContext::draftOverAnLvIsRefusedBeforeTheHelper()
{
    const auto linear = std::find_if(m_ranges.cbegin(), m_ranges.cend(),
                                     [](const LvRange &range) { return range.mapping == Linear; });
    QVERIFY(linear != m_ranges.cend());
    const int device = m_numbers.indexOf(linear->device);
    QVERIFY(device >= 0);
    TableEditor *editor = m_window->editor();
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("mappingName")),
                     QStringLiteral("vmdc-over"));
    QVERIFY(editor->loadTableText(
        QStringLiteral("0 8192 basic_target %1 %2\n").arg(m_devices[device]).arg(linear->offset),
        QStringLiteral("test")));
    auto *summary = editor->findChild<QLabel *>(QStringLiteral("tableSummary"));
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("mapping '%1'").arg(Linear)), Patience);
    QVERIFY(!editor->createAction()->isEnabled());
    saveScreenshot(m_window.get(), QStringLiteral("disk-context-conflict"));
    // Create does nothing while the conflict stands: no confirmation, no call (the script checks the helper's
    // log).
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    QVERIFY(!waitForTopLevel<QDialog>(QStringLiteral("createConfirmation"), 1000));
}

QTEST_MAIN(TestDiskContext)
#include "tst_diskcontext.moc"
