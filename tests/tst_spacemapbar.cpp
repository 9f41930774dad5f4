// SPDX-License-Identifier: GPL-2.0-or-later
// The space map and the data warning through the widgets, offscreen:
// the bar's stretches, tooltips and clicks; the feed following the device
// tree (selection and hover) with the draft's ranges and what the probe
// says they hold, also in the editor's "Data There" column; and the
// create and apply confirmations, which over data want a tick and default
// to Cancel. Screenshots land in $VOLMAP_SCREENSHOT_DIR.

#include "blockdeviceresolver.h"
#include "confirmations.h"
#include "devicetreemodel.h"
#include "fakes/widgetlookup.h"
#include "segmenttablemodel.h"
#include "spacemapbar.h"
#include "spacemapfeed.h"
#include "tabletext.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Volmap;

namespace {

constexpr quint64 GiB = 2 * 1024 * 1024; // sectors

SpaceRange claim(quint64 start, quint64 length, SpaceKind kind, const QString &owner)
{
    SpaceRange range;
    range.start = start;
    range.length = length;
    range.kind = kind;
    range.owner = owner;
    return range;
}

BlockDeviceInfo disk(const QString &name, DeviceNumber number, quint64 size)
{
    BlockDeviceInfo info;
    info.kernelName = name;
    info.node = QStringLiteral("/dev/") + name;
    info.number = number;
    info.sizeInSectors = size;
    return info;
}

BlockDeviceInfo partition(const QString &name, DeviceNumber number, const QString &parent, quint64 start,
                          quint64 size)
{
    BlockDeviceInfo info = disk(name, number, size);
    info.kind = DeviceKind::Partition;
    info.parent = parent;
    info.partitionStart = start;
    return info;
}

QModelIndex treeIndexOf(QTreeView *tree, const QString &kernelName)
{
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0),
                                                       DeviceTreeModel::KernelNameRole, kernelName, 1,
                                                       Qt::MatchExactly | Qt::MatchRecursive);
    return found.value(0);
}

} // namespace

class TestSpaceMapBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barShowsUsersTooltipsAndClicks();
    void emptyBarInvitesASelection();
    void feedFollowsTheTreeAndTheDraft();
    void createOverDataWantsConsent();
    void createOverNothingIsPlain();
    void applyOverNewDataWantsConsent();

private:
    SpaceMapInput sampleDisk() const;
    void fakeSysfs(const QString &root);
};

SpaceMapInput TestSpaceMapBar::sampleDisk() const
{
    // A 100 GiB disk: an EFI partition, a home partition the draft reaches
    // into, an LVM partition held by vg-root, a mapping's exact range the
    // draft overlaps, and free space.
    SpaceMapInput input{100 * GiB, {}};
    SpaceRange efi = claim(2048, GiB / 2, SpaceKind::Partition, QStringLiteral("sdb1"));
    efi.signature = QStringLiteral("vfat filesystem labelled “EFI”");
    efi.holdsData = true;
    SpaceRange home = claim(2048 + GiB / 2, 40 * GiB, SpaceKind::Partition, QStringLiteral("sdb2"));
    home.signature = QStringLiteral("ext4 filesystem labelled “home”");
    home.holdsData = true;
    const SpaceRange lvm = claim(50 * GiB, 20 * GiB, SpaceKind::Partition, QStringLiteral("sdb3"));
    SpaceRange held = claim(50 * GiB, 20 * GiB, SpaceKind::WholeDeviceMapping, QStringLiteral("vg-root"));
    held.description = QStringLiteral("used by vg-root (whole device)");
    SpaceRange fast = claim(75 * GiB, 10 * GiB, SpaceKind::Mapping, QStringLiteral("fast"));
    fast.target = QStringLiteral("basic_target");
    SpaceRange intoHome = claim(30 * GiB, 10 * GiB, SpaceKind::Draft, QString());
    intoHome.target = QStringLiteral("basic_target");
    intoHome.draftRow = 0;
    intoHome.signature = home.signature;
    intoHome.holdsData = true;
    SpaceRange overFast = claim(83 * GiB, 5 * GiB, SpaceKind::Draft, QString());
    overFast.target = QStringLiteral("linear");
    overFast.draftRow = 1;
    input.ranges = {efi, home, lvm, held, fast, intoHome, overFast};
    return input;
}

void TestSpaceMapBar::barShowsUsersTooltipsAndClicks()
{
    SpaceMapBar bar;
    bar.resize(760, bar.sizeHint().height());
    bar.setInput(QStringLiteral("sdb"), sampleDisk());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    Fakes::saveScreenshot(&bar, QStringLiteral("spacemap-bar"));

    const QList<SpaceMapSegment> &segments = bar.segments();
    QCOMPARE(segments.first().start, quint64(0));
    QCOMPARE(segments.last().end(), 100 * GiB);
    // Stretches lie left to right without gaps, each at least a sliver wide.
    for (int index = 1; index < segments.size(); ++index) {
        QCOMPARE(segments[index].start, segments[index - 1].end());
        QCOMPARE(bar.segmentRect(index).left(), bar.segmentRect(index - 1).right());
        QVERIFY(bar.segmentRect(index).width() >= 3);
    }
    const auto indexAt = [&](quint64 sector) {
        for (int index = 0; index < segments.size(); ++index) {
            if (segments[index].start <= sector && sector < segments[index].end()) {
                return index;
            }
        }
        return -1;
    };
    const int intoHome = indexAt(35 * GiB);
    const QString homeTip = bar.describeSegment(intoHome);
    QVERIFY2(homeTip.contains(u"This table, segment 1 (basic_target), holds ext4 filesystem labelled “home”"),
             qPrintable(homeTip));
    QVERIFY2(homeTip.contains(u"Partition sdb2"), qPrintable(homeTip));
    QVERIFY(!segments[intoHome].conflict);
    const int clash = indexAt(84 * GiB);
    QVERIFY(segments[clash].conflict);
    QVERIFY2(bar.describeSegment(clash).contains(u"overlaps another user"),
             qPrintable(bar.describeSegment(clash)));
    QVERIFY(bar.describeSegment(indexAt(71 * GiB)).contains(u"Free space"));
    QVERIFY(bar.describeSegment(indexAt(55 * GiB)).contains(u"Used by mapping vg-root (whole device)"));
    QCOMPARE(bar.describeSegment(indexAt(1000)).section(u'\n', 0, 0),
             QStringLiteral("Sectors 0–2047 (1 MiB)"));

    QSignalSpy mappings(&bar, &SpaceMapBar::mappingClicked);
    QSignalSpy rows(&bar, &SpaceMapBar::draftRowClicked);
    QTest::mouseClick(&bar, Qt::LeftButton, {}, bar.segmentRect(indexAt(78 * GiB)).center().toPoint());
    QCOMPARE(mappings.size(), 1);
    QCOMPARE(mappings.first().first().toString(), QStringLiteral("fast"));
    QTest::mouseClick(&bar, Qt::LeftButton, {}, bar.segmentRect(indexAt(55 * GiB)).center().toPoint());
    QCOMPARE(mappings.last().first().toString(), QStringLiteral("vg-root"));
    QTest::mouseClick(&bar, Qt::LeftButton, {}, bar.segmentRect(clash).center().toPoint());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().first().toInt(), 1);
    QTest::mouseClick(&bar, Qt::LeftButton, {}, bar.segmentRect(indexAt(71 * GiB)).center().toPoint());
    QCOMPARE(mappings.size() + rows.size(), 3); // free space selects nothing

    bar.setPalette(Fakes::darkPalette());
    Fakes::saveScreenshot(&bar, QStringLiteral("spacemap-bar-dark"));
}

void TestSpaceMapBar::emptyBarInvitesASelection()
{
    SpaceMapBar bar;
    bar.resize(400, bar.sizeHint().height());
    bar.setInput(QString(), {});
    QVERIFY(bar.segments().isEmpty());
    QCOMPARE(bar.segmentAt(QPointF(10, 10)), -1);
    Fakes::saveScreenshot(&bar, QStringLiteral("spacemap-bar-empty"));
}

void TestSpaceMapBar::fakeSysfs(const QString &root)
{
    // sdb (8:16) with partition sdb1 (8:17) from sector 2048, as the resolver reads them.
    const QString sdb = root + QStringLiteral("/sys/devices/virtual/block/sdb");
    const QString sdb1 = sdb + QStringLiteral("/sdb1");
    QVERIFY(QDir().mkpath(sdb1));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sys/dev/block")));
    const auto write = [](const QString &path, const QByteArray &content) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(sdb + QStringLiteral("/size"), "2097152\n");
    write(sdb + QStringLiteral("/dev"), "8:16\n");
    write(sdb1 + QStringLiteral("/size"), "1048576\n");
    write(sdb1 + QStringLiteral("/dev"), "8:17\n");
    write(sdb1 + QStringLiteral("/start"), "2048\n");
    write(sdb1 + QStringLiteral("/partition"), "1\n");
    QVERIFY(QFile::link(sdb, root + QStringLiteral("/sys/dev/block/8:16")));
    QVERIFY(QFile::link(sdb1, root + QStringLiteral("/sys/dev/block/8:17")));
}

void TestSpaceMapBar::feedFollowsTheTreeAndTheDraft()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    fakeSysfs(root.path());
    DeviceTreeModel devices;
    BlockDeviceInfo sdb1 = partition(QStringLiteral("sdb1"), {8, 17}, QStringLiteral("sdb"), 2048, GiB / 2);
    sdb1.fsType = QStringLiteral("ext4");
    devices.setDevices(
        {disk(QStringLiteral("sdb"), {8, 16}, GiB), sdb1, disk(QStringLiteral("sdc"), {8, 32}, GiB)});
    RangeSignatureProbe probe(root.path());
    // The probe as a rule: an ext4 superblock at the start of sdb1, nothing elsewhere.
    probe.setProbeFunction([](const QString &node, const RangeKey &key) {
        const bool ext4 = node == u"/dev/sdb1" && key.offset == 0;
        return RangeSignature{ext4 ? RangeSignature::Kind::Filesystem : RangeSignature::Kind::Nothing,
                              ext4 ? QStringLiteral("ext4") : QString(),
                              {},
                              {},
                              {},
                              false};
    });
    SegmentTableModel draft(BlockDeviceResolver(root.path()).tableResolver());
    draft.insertSegment(0, {GiB / 8, QStringLiteral("basic_target"), QStringLiteral("8:17"), 0});
    draft.insertSegment(1, {GiB / 8, QStringLiteral("linear"), QStringLiteral("8:16"), GiB / 2 + 4096});

    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *tree = new QTreeView(&window);
    tree->setModel(&devices);
    tree->expandAll();
    auto *bar = new SpaceMapBar(&window);
    layout->addWidget(tree);
    layout->addWidget(bar);
    SpaceMapFeed feed(bar, &devices, &probe, root.path());
    feed.followTree(tree);
    feed.setDraftModel(&draft);
    draft.setSignatureLookup(feed.signatureLookup());
    connect(&probe, &RangeSignatureProbe::probed, &draft, &SegmentTableModel::signaturesChanged);
    window.resize(640, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    tree->setCurrentIndex(treeIndexOf(tree, QStringLiteral("sdb")));
    QCOMPARE(feed.shownDevice(), QStringLiteral("sdb"));
    // Both draft segments land on sdb: the one on sdb1 moved by the partition's start.
    QTRY_VERIFY(
        std::any_of(bar->input().ranges.cbegin(), bar->input().ranges.cend(), [](const SpaceRange &range) {
            return range.kind == SpaceKind::Draft && range.start == 2048 && range.holdsData;
        }));
    const auto drafts = std::count_if(bar->input().ranges.cbegin(), bar->input().ranges.cend(),
                                      [](const SpaceRange &range) { return range.kind == SpaceKind::Draft; });
    QCOMPARE(drafts, 2);
    QTRY_COMPARE(draft.index(0, SegmentTableModel::DataColumn).data().toString(),
                 QStringLiteral("ext4 filesystem"));
    QVERIFY(draft.index(0, SegmentTableModel::DataColumn).data(SegmentTableModel::HoldsDataRole).toBool());
    QTRY_COMPARE(draft.index(1, SegmentTableModel::DataColumn).data().toString(),
                 QStringLiteral("no known signature"));
    QVERIFY(!draft.index(1, SegmentTableModel::DataColumn).data(SegmentTableModel::HoldsDataRole).toBool());
    Fakes::saveScreenshot(&window, QStringLiteral("spacemap-feed"));

    // Hovering sdc shows it for as long as the mouse stays; leaving returns to sdb.
    const QRect sdcRow = tree->visualRect(treeIndexOf(tree, QStringLiteral("sdc")));
    QTest::mouseMove(tree->viewport(), sdcRow.center());
    QTRY_COMPARE(feed.shownDevice(), QStringLiteral("sdc"));
    QVERIFY(bar->input().ranges.isEmpty());
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(tree->viewport(), &leave);
    QCOMPARE(feed.shownDevice(), QStringLiteral("sdb"));

    // A device change forgets what was probed there and asks again.
    sdb1.fsLabel = QStringLiteral("changed");
    devices.updateDevice(sdb1);
    QVERIFY(!probe.signatureFor(QStringLiteral("/dev/sdb1"), {{8, 17}, 0, GiB / 8}));
    // Removing the draft's rows empties its part of the map.
    draft.removeSegment(1);
    draft.removeSegment(0);
    QTRY_COMPARE(std::count_if(bar->input().ranges.cbegin(), bar->input().ranges.cend(),
                               [](const SpaceRange &range) { return range.kind == SpaceKind::Draft; }),
                 0);
}

void TestSpaceMapBar::createOverDataWantsConsent()
{
    const QString table = QStringLiteral("0 2048 basic_target /dev/sdb2 0\n2048 2048 linear /dev/sdc 0\n");
    const MappingTable parsed = parseTable(table).table;
    const QList<RangeData> data = rangeDataOf(
        parsed, {RangeSignature{RangeSignature::Kind::Filesystem,
                                QStringLiteral("ext4"),
                                QStringLiteral("home"),
                                QStringLiteral("5e1f"),
                                {},
                                false},
                 RangeSignature{RangeSignature::Kind::Nothing, {}, {}, {}, {}, false}});
    QWidget parent;
    QDialog *dialog = createConfirmation(&parent, QStringLiteral("fast"), table, false, data);
    auto *box = qobject_cast<QMessageBox *>(dialog);
    QVERIFY(box);
    box->open();
    QVERIFY(QTest::qWaitForWindowExposed(box));
    Fakes::saveScreenshot(box, QStringLiteral("data-warning-create"));
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QVERIFY2(box->informativeText().contains(u"ext4 filesystem labelled “home” (UUID 5e1f)"),
             qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(u"no known signature"));
    QPushButton *create = Fakes::buttonLabelled(box, QStringLiteral("Create"));
    QVERIFY(create);
    QVERIFY(!create->isEnabled());
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QCheckBox *consent = box->checkBox();
    QVERIFY(consent);
    QVERIFY(!consent->isChecked());
    // Enter is Cancel, not Create.
    QSignalSpy accepted(box, &QDialog::accepted);
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(!box->isVisible());

    dialog = createConfirmation(&parent, QStringLiteral("fast"), table, false, data);
    box = qobject_cast<QMessageBox *>(dialog);
    QSignalSpy acceptedNow(box, &QDialog::accepted);
    box->open();
    box->checkBox()->setChecked(true);
    create = Fakes::buttonLabelled(box, QStringLiteral("Create"));
    QVERIFY(create->isEnabled());
    create->click();
    QCOMPARE(acceptedNow.size(), 1);
}

void TestSpaceMapBar::createOverNothingIsPlain()
{
    const QString table = QStringLiteral("0 2048 basic_target /dev/sdc 0\n");
    const QList<RangeData> data = rangeDataOf(
        parseTable(table).table, {RangeSignature{RangeSignature::Kind::Nothing, {}, {}, {}, {}, false}});
    QWidget parent;
    auto *box = qobject_cast<QMessageBox *>(
        createConfirmation(&parent, QStringLiteral("fast"), table, false, data));
    QVERIFY(box);
    QCOMPARE(box->icon(), QMessageBox::Question);
    QVERIFY(!box->checkBox());
    QPushButton *create = Fakes::buttonLabelled(box, QStringLiteral("Create"));
    QVERIFY(create->isEnabled());
    QCOMPARE(box->defaultButton(), create);
    QVERIFY(box->informativeText().contains(u"no known signature"));
    delete box;
}

void TestSpaceMapBar::applyOverNewDataWantsConsent()
{
    const QString oldTable = QStringLiteral("0 2048 basic_target /dev/sdb2 0\n");
    const QString newTable = QStringLiteral("0 2048 basic_target /dev/sdb2 0\n2048 4096 linear /dev/sdd 0\n");
    const auto lvm = RangeSignature{
        RangeSignature::Kind::Lvm, QStringLiteral("LVM2_member"), {}, {}, {}, false};
    const auto ext4 = RangeSignature{
        RangeSignature::Kind::Filesystem, QStringLiteral("ext4"), {}, {}, {}, false};
    // The range the mapping had already holds its own ext4: only the new one counts.
    const QList<RangeData> added = rangesNewTo(rangeDataOf(parseTable(newTable).table, {ext4, lvm}),
                                               parseTable(oldTable).table);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().use.device, QStringLiteral("/dev/sdd"));
    QWidget parent;
    QDialog *dialog = reloadConfirmation(&parent, QStringLiteral("fast"), oldTable, newTable, added);
    dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    Fakes::saveScreenshot(dialog, QStringLiteral("data-warning-apply"));
    auto *found = dialog->findChild<QLabel *>(QStringLiteral("newRanges"));
    QVERIFY(found);
    QVERIFY2(found->text().contains(u"LVM physical volume (LVM2_member)"), qPrintable(found->text()));
    QPushButton *apply = Fakes::buttonLabelled(dialog, QStringLiteral("Apply"));
    QVERIFY(apply && !apply->isEnabled());
    auto *consent = dialog->findChild<QCheckBox *>(QStringLiteral("dataConsent"));
    QVERIFY(consent);
    consent->setChecked(true);
    QVERIFY(apply->isEnabled());
    dialog->close();

    // Nothing new over data: no tick wanted.
    QDialog *plain = reloadConfirmation(&parent, QStringLiteral("fast"), oldTable, oldTable, {});
    QVERIFY(!plain->findChild<QCheckBox *>(QStringLiteral("dataConsent")));
    QVERIFY(Fakes::buttonLabelled(plain, QStringLiteral("Apply"))->isEnabled());
    delete plain;
}

QTEST_MAIN(TestSpaceMapBar)
#include "tst_spacemapbar.moc"
