// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceclaims.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Volmap;

class TestDeviceClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conflicts_data();
    void conflicts();
    void sweepAgreesWithEveryPair();
    void selfOverlapAcrossDiskAndPartition();
    void selfOverlapAgreesWithEveryPair();
    void descriptionOnlyWhenAsked();
};

namespace {

bool intersects(quint64 startA, quint64 lengthA, quint64 startB, quint64 lengthB)
{
    return startA < startB + lengthB && startB < startA + lengthA;
}

} // namespace

void TestDeviceClaims::conflicts_data()
{
    QTest::addColumn<quint64>("start");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<QString>("errorName"); // empty: no conflict
    // Claims on disk 8:16: a mapping uses 1000-1999, a mount 5000-5999.
    QTest::newRow("before both") << quint64(0) << quint64(1000) << QString();
    QTest::newRow("touches the mapping's start") << quint64(999) << quint64(1) << QString();
    QTest::newRow("first sector of the mapping")
        << quint64(999) << quint64(2) << HelperProtocol::Error::overlap();
    QTest::newRow("inside the mapping") << quint64(1500) << quint64(10) << HelperProtocol::Error::overlap();
    QTest::newRow("around the mapping") << quint64(0) << quint64(3000) << HelperProtocol::Error::overlap();
    QTest::newRow("right after the mapping") << quint64(2000) << quint64(3000) << QString();
    QTest::newRow("last sector of the mount")
        << quint64(5999) << quint64(8) << HelperProtocol::Error::deviceInUse();
    QTest::newRow("after the mount") << quint64(6000) << quint64(8) << QString();
}

void TestDeviceClaims::conflicts()
{
    QFETCH(quint64, start);
    QFETCH(quint64, length);
    QFETCH(QString, errorName);
    const QList<DeviceClaim> claims = {
        {DeviceClaim::Kind::Mapping,
         {8, 16},
         1000,
         1000,
         QStringLiteral("sectors 0-999 of /dev/sdb1 used by mapping 'a'")},
        {DeviceClaim::Kind::InUse, {8, 16}, 5000, 1000, QStringLiteral("mounted at /srv")},
        {DeviceClaim::Kind::InUse, {8, 32}, 0, 100000, QStringLiteral("used as swap")},
    };
    const QList<WantedRange> wanted = {{2, {8, 16}, start, length, 7, QStringLiteral("/dev/sdb")}};
    const auto conflict = findConflict(wanted, claims);
    QCOMPARE(conflict.has_value(), !errorName.isEmpty());
    if (conflict) {
        QCOMPARE(conflict->name, errorName);
        QVERIFY(conflict->message.startsWith(
            QStringLiteral("segment 3 (sectors 7-%1 of /dev/sdb)").arg(7 + length - 1)));
        QVERIFY(conflict->message.contains(u"mapping 'a'") || conflict->message.contains(u"mounted at /srv"));
    }
}

// The sort-and-sweep must find exactly what comparing every pair finds:
// the first wanted range (in table order) that meets any claim.
void TestDeviceClaims::sweepAgreesWithEveryPair()
{
    QRandomGenerator random(20261130);
    for (int round = 0; round < 300; ++round) {
        QList<DeviceClaim> claims;
        QList<WantedRange> wanted;
        const int claimCount = int(random.bounded(30));
        for (int i = 0; i < claimCount; ++i) {
            claims.append({DeviceClaim::Kind::Mapping,
                           {8, quint32(16 * random.bounded(3))},
                           quint64(random.bounded(10000)),
                           quint64(1 + random.bounded(500)),
                           QStringLiteral("claim %1").arg(i)});
        }
        for (int i = 0; i < 20; ++i) {
            wanted.append({i,
                           {8, quint32(16 * random.bounded(3))},
                           quint64(random.bounded(10000)),
                           quint64(1 + random.bounded(200)),
                           0,
                           QStringLiteral("wanted %1").arg(i)});
        }
        const WantedRange *expected = nullptr;
        for (const WantedRange &range : std::as_const(wanted)) {
            for (const DeviceClaim &claim : std::as_const(claims)) {
                if (claim.disk == range.disk
                    && intersects(range.start, range.length, claim.start, claim.length)) {
                    expected = &range;
                    break;
                }
            }
            if (expected) {
                break;
            }
        }
        const auto found = firstCollision(wanted, claims);
        QCOMPARE(found.has_value(), expected != nullptr);
        if (found) {
            QCOMPARE(found->wanted, expected);
            QCOMPARE(found->other->disk, expected->disk);
            QVERIFY(intersects(expected->start, expected->length, found->other->start, found->other->length));
        }
    }
}

void TestDeviceClaims::selfOverlapAcrossDiskAndPartition()
{
    // Segment 3 on sdb1 (placed at 2048 on sdb) and segment 1 on sdb meet.
    const QList<WantedRange> wanted = {{0, {8, 16}, 2050, 100, 2050, QStringLiteral("/dev/sdb")},
                                       {1, {8, 32}, 0, 100, 0, QStringLiteral("/dev/sdc")},
                                       {2, {8, 16}, 2048, 8, 0, QStringLiteral("/dev/sdb1")}};
    const auto overlap = firstSelfOverlap(wanted);
    QVERIFY(overlap);
    QCOMPARE(overlap->wanted->segment, 0);
    QCOMPARE(overlap->other->segment, 2);
    // A long range hides behind a short one that starts later: still found.
    const QList<WantedRange> nested = {{0, {8, 16}, 0, 10000}, {1, {8, 16}, 100, 10}, {2, {8, 16}, 9000, 10}};
    QVERIFY(firstSelfOverlap(nested));
    const QList<WantedRange> apart = {{0, {8, 16}, 0, 100}, {1, {8, 16}, 100, 100}, {2, {8, 32}, 0, 100}};
    QVERIFY(!firstSelfOverlap(apart));
}

// Ranges in (disk, start) order are swept without sorting, others sorted
// first: both must find an overlap exactly when some pair overlaps.
void TestDeviceClaims::selfOverlapAgreesWithEveryPair()
{
    QRandomGenerator random(20261201);
    for (int round = 0; round < 400; ++round) {
        const bool inOrder = round % 2 == 0;
        QList<WantedRange> wanted;
        quint64 next = 0;
        for (int i = 0; i < 12; ++i) {
            const quint32 minor = inOrder ? quint32(16 * (i / 4)) : quint32(16 * random.bounded(3));
            if (inOrder && i % 4 == 0) {
                next = 0;
            }
            // In order: each range starts at or after the previous one's start.
            const quint64 start = inOrder ? next + random.bounded(40) : quint64(random.bounded(400));
            const quint64 length = 1 + random.bounded(inOrder ? 40 : 60);
            next = start;
            wanted.append({i, {8, minor}, start, length, start, QStringLiteral("/dev/sdb")});
        }
        bool expected = false;
        for (qsizetype a = 0; a < wanted.size() && !expected; ++a) {
            for (qsizetype b = a + 1; b < wanted.size() && !expected; ++b) {
                expected = wanted[a].disk == wanted[b].disk
                           && intersects(wanted[a].start, wanted[a].length, wanted[b].start,
                                         wanted[b].length);
            }
        }
        const auto found = firstSelfOverlap(wanted);
        QCOMPARE(found.has_value(), expected);
        if (found) {
            QCOMPARE_LT(found->wanted->segment, found->other->segment);
            QCOMPARE(found->wanted->disk, found->other->disk);
            QVERIFY(intersects(found->wanted->start, found->wanted->length, found->other->start,
                               found->other->length));
        }
    }
}

void TestDeviceClaims::descriptionOnlyWhenAsked()
{
    // Placed at 2048 on its disk, named by its own offset: what the table says.
    const WantedRange range{4, {8, 16}, 2048 + 100, 50, 100, QStringLiteral("/dev/sdb1")};
    QCOMPARE(range.description(), QStringLiteral("sectors 100-149 of /dev/sdb1"));
    const WantedRange percent{0, {8, 16}, 0, 1, 0, QStringLiteral("/dev/disk/by-label/a%1")};
    QCOMPARE(percent.description(), QStringLiteral("sectors 0-0 of /dev/disk/by-label/a%1"));
}

QTEST_APPLESS_MAIN(TestDeviceClaims)
#include "tst_deviceclaims.moc"
