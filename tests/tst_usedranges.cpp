// SPDX-License-Identifier: GPL-2.0-or-later
#include "usedranges.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace Volmap;

namespace {

// The rule as the validator had it on a std::map: the first range at or
// after `offset` if it overlaps, else the one before it if that overlaps.
std::optional<UsedRanges::Range> overlappingIn(const std::map<quint64, UsedRanges::Range> &ranges,
                                               quint64 offset, quint64 length)
{
    const auto next = ranges.lower_bound(offset);
    if (next != ranges.end() && next->first < offset + length) {
        return next->second;
    }
    if (next != ranges.begin() && std::prev(next)->first + std::prev(next)->second.length > offset) {
        return std::prev(next)->second;
    }
    return std::nullopt;
}

QString described(const std::optional<UsedRanges::Range> &range)
{
    return range ? QStringLiteral("%1+%2 by %3").arg(range->offset).arg(range->length).arg(range->segment)
                 : QStringLiteral("none");
}

} // namespace

class TestUsedRanges final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ascendingRangesAreAppended()
    {
        UsedRanges used;
        used.insert(0, 8, 0);
        used.insert(8, 8, 1);
        used.insert(100, 4, 2);
        QCOMPARE(described(used.overlapping(16, 84)), QStringLiteral("none"));
        QCOMPARE(described(used.overlapping(104, 1)), QStringLiteral("none"));
        QCOMPARE(described(used.overlapping(12, 2)), QStringLiteral("8+8 by 1"));
        QCOMPARE(described(used.overlapping(90, 20)), QStringLiteral("100+4 by 2"));
    }

    void nextIsReportedBeforePrevious()
    {
        UsedRanges used;
        used.insert(10, 10, 0);
        used.insert(30, 10, 1);
        // Overlaps both: the one at or after the offset is named.
        QCOMPARE(described(used.overlapping(15, 20)), QStringLiteral("30+10 by 1"));
        QCOMPARE(described(used.overlapping(15, 5)), QStringLiteral("10+10 by 0"));
    }

    void rangesBelowTheLastOneCount()
    {
        UsedRanges used;
        used.insert(100, 10, 0);
        used.insert(0, 10, 1); // below the last: kept apart
        used.insert(50, 10, 2);
        QCOMPARE(described(used.overlapping(5, 1)), QStringLiteral("0+10 by 1"));
        QCOMPARE(described(used.overlapping(45, 10)), QStringLiteral("50+10 by 2"));
        QCOMPARE(described(used.overlapping(10, 40)), QStringLiteral("none"));
        QCOMPARE(described(used.overlapping(60, 40)), QStringLiteral("none"));
        QCOMPARE(described(used.overlapping(105, 100)), QStringLiteral("100+10 by 0"));
    }

    void removeNeedsTheSegmentThatUsesTheRange()
    {
        UsedRanges used;
        used.insert(100, 10, 0);
        used.insert(0, 10, 1);
        QVERIFY(!used.remove(100, 1));
        QVERIFY(!used.remove(5, 1));
        QVERIFY(used.remove(0, 1));
        QVERIFY(used.remove(100, 0));
        QVERIFY(!used.remove(100, 0));
        QCOMPARE(described(used.overlapping(0, 200)), QStringLiteral("none"));
    }

    // Random inserts (in order, out of order), checks and removals agree with the map's rule.
    void agreesWithAMapOfRanges()
    {
        QRandomGenerator random(14);
        for (int round = 0; round < 50; ++round) {
            UsedRanges used;
            std::map<quint64, UsedRanges::Range> reference;
            quint64 next = 0;
            for (int step = 0; step < 300; ++step) {
                const bool ascending = random.bounded(4) != 0;
                const quint64 offset = ascending ? next + random.bounded(3)
                                                 : random.bounded(quint32(next + 20));
                const quint64 length = 1 + random.bounded(6);
                const auto expected = overlappingIn(reference, offset, length);
                QCOMPARE(described(used.overlapping(offset, length)), described(expected));
                if (!expected) {
                    used.insert(offset, length, step);
                    reference[offset] = {offset, length, step};
                    next = qMax(next, offset + length);
                }
                if (random.bounded(10) == 0 && !reference.empty()) {
                    auto victim = reference.begin();
                    std::advance(victim, random.bounded(quint32(reference.size())));
                    QVERIFY(!used.remove(victim->first, victim->second.segment + 1));
                    QVERIFY(used.remove(victim->first, victim->second.segment));
                    reference.erase(victim);
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestUsedRanges)
#include "tst_usedranges.moc"
