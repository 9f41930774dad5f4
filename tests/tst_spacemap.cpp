// SPDX-License-Identifier: GPL-2.0-or-later
// The space map's layout: claims on a device become an ordered bar of
// stretches that covers the device exactly, with free gaps, priorities,
// merging, clipping and conflicts; and the input built from the device
// list (partitions, holders, mounts) and from claims by device number.

#include "spacemap.h"

#include <QTest>

using namespace Volmap;

namespace {

SpaceRange range(quint64 start, quint64 length, SpaceKind kind, const QString &owner = {}, int draftRow = -1)
{
    SpaceRange range;
    range.start = start;
    range.length = length;
    range.kind = kind;
    range.owner = owner;
    range.draftRow = draftRow;
    return range;
}

// "start+length:ranges" per stretch, e.g. "0+100:1,0 100+50:-", for compact comparisons.
QString shape(const QList<SpaceMapSegment> &segments)
{
    QStringList parts;
    for (const SpaceMapSegment &segment : segments) {
        QStringList indexes;
        for (int index : segment.ranges) {
            indexes.append(QString::number(index));
        }
        parts.append(QStringLiteral("%1+%2:%3%4")
                         .arg(segment.start)
                         .arg(segment.length)
                         .arg(indexes.isEmpty() ? QStringLiteral("-") : indexes.join(u','))
                         .arg(segment.conflict ? QStringLiteral("!") : QString()));
    }
    return parts.join(u' ');
}

BlockDeviceInfo device(const QString &name, DeviceNumber number, quint64 size,
                       DeviceKind kind = DeviceKind::Disk)
{
    BlockDeviceInfo info;
    info.kernelName = name;
    info.node = QStringLiteral("/dev/") + name;
    info.number = number;
    info.sizeInSectors = size;
    info.kind = kind;
    return info;
}

BlockDeviceInfo partition(const QString &name, DeviceNumber number, const QString &disk, quint64 start,
                          quint64 size)
{
    BlockDeviceInfo info = device(name, number, size, DeviceKind::Partition);
    info.parent = disk;
    info.partitionStart = start;
    return info;
}

} // namespace

class TestSpaceMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDeviceIsOneFreeStretch();
    void zeroSizedDeviceHasNoStretches();
    void partitionsWithGaps();
    void draftInsidePartitionIsDrawnOnTop();
    void draftOverMappingIsAConflict();
    void twoDraftSegmentsOverlapping();
    void rangesAreClippedToTheDevice();
    void equalNeighboursMerge();
    void inputFromDeviceList();
    void exactMappingRangesReplaceWholeDeviceClaims();
    void claimsOnPartitionsAreShifted();
    void mappingClaimsBecomeRanges();
};

void TestSpaceMap::emptyDeviceIsOneFreeStretch()
{
    const QList<SpaceMapSegment> segments = layoutSpaceMap({1000, {}});
    QCOMPARE(shape(segments), QStringLiteral("0+1000:-"));
    QVERIFY(segments.first().isFree());
}

void TestSpaceMap::zeroSizedDeviceHasNoStretches()
{
    QVERIFY(layoutSpaceMap({0, {range(0, 10, SpaceKind::Draft)}}).isEmpty());
}

void TestSpaceMap::partitionsWithGaps()
{
    // GPT-like: a gap before the first partition, one between, one at the end.
    const SpaceMapInput input{1000,
                              {range(100, 200, SpaceKind::Partition, QStringLiteral("sdb1")),
                               range(400, 500, SpaceKind::Partition, QStringLiteral("sdb2"))}};
    const QList<SpaceMapSegment> segments = layoutSpaceMap(input);
    QCOMPARE(shape(segments), QStringLiteral("0+100:- 100+200:0 300+100:- 400+500:1 900+100:-"));
    QCOMPARE(segments[1].partition, 0);
    QCOMPARE(segments[3].partition, 1);
    QCOMPARE(segments[2].partition, -1);
}

void TestSpaceMap::draftInsidePartitionIsDrawnOnTop()
{
    const SpaceMapInput input{1000,
                              {range(0, 1000, SpaceKind::Partition, QStringLiteral("sdb1")),
                               range(200, 100, SpaceKind::Draft, {}, 0)}};
    const QList<SpaceMapSegment> segments = layoutSpaceMap(input);
    QCOMPARE(shape(segments), QStringLiteral("0+200:0 200+100:1,0 300+700:0"));
    QCOMPARE(segments[1].partition, 0); // the strip under the draft still shows the partition
    QVERIFY(!segments[1].conflict);     // a partition is nobody's use of it
}

void TestSpaceMap::draftOverMappingIsAConflict()
{
    const SpaceMapInput input{1000,
                              {range(0, 500, SpaceKind::Mapping, QStringLiteral("vg-data")),
                               range(400, 200, SpaceKind::Draft, {}, 1),
                               range(800, 200, SpaceKind::InUse, QStringLiteral("md0"))}};
    QCOMPARE(shape(layoutSpaceMap(input)),
             QStringLiteral("0+400:0 400+100:1,0! 500+100:1 600+200:- 800+200:2"));
}

void TestSpaceMap::twoDraftSegmentsOverlapping()
{
    const SpaceMapInput input{
        100, {range(0, 60, SpaceKind::Draft, {}, 0), range(50, 50, SpaceKind::Draft, {}, 1)}};
    QCOMPARE(shape(layoutSpaceMap(input)), QStringLiteral("0+50:0 50+10:0,1! 60+40:1"));
}

void TestSpaceMap::rangesAreClippedToTheDevice()
{
    // A claim from a stale listing may reach past the end, or lie beyond it.
    const SpaceMapInput input{100,
                              {range(80, 50, SpaceKind::Mapping, QStringLiteral("a")),
                               range(200, 10, SpaceKind::Mapping, QStringLiteral("b")),
                               range(90, std::numeric_limits<quint64>::max(), SpaceKind::Draft)}};
    const QList<SpaceMapSegment> segments = layoutSpaceMap(input);
    QCOMPARE(shape(segments), QStringLiteral("0+80:- 80+10:0 90+10:2,0!"));
    QCOMPARE(segments.last().end(), quint64(100));
}

void TestSpaceMap::equalNeighboursMerge()
{
    // Two adjacent partitions stay apart; one mapping over a boundary of
    // two of its own ranges becomes separate stretches only where the set differs.
    const SpaceMapInput input{300,
                              {range(0, 100, SpaceKind::WholeDeviceMapping, QStringLiteral("m")),
                               range(100, 100, SpaceKind::WholeDeviceMapping, QStringLiteral("m")),
                               range(0, 300, SpaceKind::Partition, QStringLiteral("p"))}};
    QCOMPARE(shape(layoutSpaceMap(input)), QStringLiteral("0+100:0,2 100+100:1,2 200+100:2"));
    const SpaceMapInput same{
        300, {range(0, 150, SpaceKind::Partition, QStringLiteral("p")), range(100, 200, SpaceKind::Draft)}};
    QCOMPARE(shape(layoutSpaceMap(same)), QStringLiteral("0+100:0 100+50:1,0 150+150:1"));
}

void TestSpaceMap::inputFromDeviceList()
{
    BlockDeviceInfo disk = device(QStringLiteral("sdb"), {8, 16}, 10000);
    BlockDeviceInfo boot = partition(QStringLiteral("sdb1"), {8, 17}, QStringLiteral("sdb"), 2048, 1000);
    boot.fsType = QStringLiteral("vfat");
    boot.mountPoints = {QStringLiteral("/boot/efi")};
    BlockDeviceInfo data = partition(QStringLiteral("sdb2"), {8, 18}, QStringLiteral("sdb"), 4096, 4000);
    data.holders = {QStringLiteral("dm-0"), QStringLiteral("md127")};
    BlockDeviceInfo mapped = device(QStringLiteral("dm-0"), {253, 0}, 4000, DeviceKind::DeviceMapper);
    mapped.dmName = QStringLiteral("fast");
    const BlockDeviceInfo other = partition(QStringLiteral("sdc1"), {8, 33}, QStringLiteral("sdc"), 0, 50);

    const SpaceMapInput input = spaceMapInputFor(disk, {disk, data, boot, mapped, other}, {});
    QCOMPARE(input.sizeInSectors, quint64(10000));
    QCOMPARE(input.ranges.size(), 5);
    // Partitions first, by position; then what uses them.
    QCOMPARE(input.ranges[0], (SpaceRange{2048, 1000, SpaceKind::Partition, QStringLiteral("sdb1"), QString(),
                                          QString(), QStringLiteral("vfat filesystem"), true, -1}));
    QCOMPARE(input.ranges[1].owner, QStringLiteral("sdb2"));
    QCOMPARE(input.ranges[2].kind, SpaceKind::InUse);
    QCOMPARE(input.ranges[2].description, QStringLiteral("mounted at /boot/efi"));
    QCOMPARE(input.ranges[2].start, quint64(2048));
    QCOMPARE(input.ranges[3].kind, SpaceKind::WholeDeviceMapping);
    QCOMPARE(input.ranges[3].owner, QStringLiteral("fast"));
    QCOMPARE(input.ranges[3].description, QStringLiteral("used by fast (whole device)"));
    QCOMPARE(input.ranges[3].start, quint64(4096));
    QCOMPARE(input.ranges[3].length, quint64(4000));
    QCOMPARE(input.ranges[4].kind, SpaceKind::InUse);
    QCOMPARE(input.ranges[4].owner, QStringLiteral("md127"));
}

void TestSpaceMap::exactMappingRangesReplaceWholeDeviceClaims()
{
    BlockDeviceInfo disk = device(QStringLiteral("sdb"), {8, 16}, 10000);
    disk.holders = {QStringLiteral("dm-0")};
    BlockDeviceInfo mapped = device(QStringLiteral("dm-0"), {253, 0}, 100, DeviceKind::DeviceMapper);
    mapped.dmName = QStringLiteral("fast");
    SpaceRange exact = range(500, 100, SpaceKind::Mapping, QStringLiteral("fast"));
    exact.target = QStringLiteral("linear");
    const SpaceMapInput input = spaceMapInputFor(disk, {disk, mapped}, {{{8, 16}, exact}});
    QCOMPARE(input.ranges.size(), 1);
    QCOMPARE(input.ranges[0], exact);
    QCOMPARE(shape(layoutSpaceMap(input)), QStringLiteral("0+500:- 500+100:0 600+9400:-"));
}

void TestSpaceMap::claimsOnPartitionsAreShifted()
{
    const BlockDeviceInfo disk = device(QStringLiteral("sdb"), {8, 16}, 10000);
    const BlockDeviceInfo part = partition(QStringLiteral("sdb2"), {8, 18}, QStringLiteral("sdb"), 4096,
                                           4000);
    const QList<DeviceRangeClaim> claims{{{8, 18}, range(10, 20, SpaceKind::Draft, {}, 0)},
                                         {{8, 16}, range(0, 8, SpaceKind::Draft, {}, 1)},
                                         {{9, 9}, range(0, 8, SpaceKind::Draft, {}, 2)}};
    // On the disk: the partition's claim moves by its start; another device's is not there.
    const SpaceMapInput onDisk = spaceMapInputFor(disk, {disk, part}, claims);
    QCOMPARE(onDisk.ranges.size(), 3);
    QCOMPARE(onDisk.ranges[1].start, quint64(4106));
    QCOMPARE(onDisk.ranges[1].draftRow, 0);
    QCOMPARE(onDisk.ranges[2].start, quint64(0));
    // On the partition itself: its own numbers.
    const SpaceMapInput onPartition = spaceMapInputFor(part, {disk, part}, claims);
    QCOMPARE(onPartition.ranges.size(), 1);
    QCOMPARE(onPartition.ranges[0].start, quint64(10));
}

// The shape of the claims library's DeviceClaim, which mappingRangesOf() reads.
struct ClaimLike
{
    enum class Kind { InUse, Mapping, Foreign, ReadOnly };
    Kind kind = Kind::InUse;
    DeviceNumber disk;
    quint64 start = 0;
    quint64 length = 0;
    QString description;
    QString owner = {};
    QString target = {};
};

void TestSpaceMap::mappingClaimsBecomeRanges()
{
    using K = ClaimLike::Kind;
    const QList<ClaimLike> claims{
        {K::Mapping,
         {8, 16},
         2048,
         100,
         QStringLiteral("used by mapping 'fast'"),
         QStringLiteral("fast"),
         QStringLiteral("linear")},
        {K::InUse,
         {8, 32},
         0,
         5000,
         QStringLiteral("used by mapping 'mp' (multipath), whole device"),
         QStringLiteral("mp"),
         QStringLiteral("multipath")},
        {K::InUse, {8, 16}, 0, 10000, QStringLiteral("mounted at /home")},
    };
    const QList<DeviceRangeClaim> ranges = mappingRangesOf(claims);
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(ranges[0].device, (DeviceNumber{8, 16}));
    QCOMPARE(ranges[0].range,
             (SpaceRange{2048, 100, SpaceKind::Mapping, QStringLiteral("fast"), QStringLiteral("linear"),
                         QStringLiteral("used by mapping 'fast'"), QString(), false, -1}));
    QCOMPARE(ranges[1].range.kind, SpaceKind::WholeDeviceMapping);
    QCOMPARE(ranges[1].range.owner, QStringLiteral("mp"));
    QCOMPARE(ranges[1].range.length, quint64(5000));
}

QTEST_APPLESS_MAIN(TestSpaceMap)
#include "tst_spacemap.moc"
