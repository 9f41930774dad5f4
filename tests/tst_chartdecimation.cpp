// SPDX-License-Identifier: GPL-2.0-or-later
// Fewer chart points, every peak and dip kept.

#include "chartdecimation.h"

#include <QTest>

using namespace Volmap;

class TestChartDecimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fewPointsUnchanged();
    void keepsEndsPeaksAndDips();
    void boundedByBuckets();
    void stableWhileTheWindowSlides();
};

namespace {

// Samples as the I/O view passes them: x is the age in seconds, oldest
// first, `step` apart; y from `value`.
QList<QPointF> samples(int count, double step, double (*value)(int))
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i) {
        points.append({(count - 1 - i) * step, value(i)});
    }
    return points;
}

} // namespace

void TestChartDecimation::fewPointsUnchanged()
{
    const QList<QPointF> two{{1, 5}, {0, 7}};
    QCOMPARE(decimateMinMax(two, 10), two);
    const QList<QPointF> three{{2, 5}, {1, 9}, {0, 7}};
    // One point per bucket already: nothing to drop.
    QCOMPARE(decimateMinMax(three, 0.5), three);
    QCOMPARE(decimateMinMax(three, 0), three);
}

void TestChartDecimation::keepsEndsPeaksAndDips()
{
    const QList<QPointF> points = samples(100, 0.25, [](int i) {
        if (i == 37) {
            return 1000.0; // a single busy sample
        }
        if (i == 61) {
            return -5.0; // and a single dip
        }
        return double(i % 3);
    });
    const QList<QPointF> kept = decimateMinMax(points, 2.0);
    QVERIFY(kept.size() < points.size() / 2);
    QCOMPARE(kept.constFirst(), points.constFirst());
    QCOMPARE(kept.constLast(), points.constLast());
    QVERIFY(kept.contains(points.at(37)));
    QVERIFY(kept.contains(points.at(61)));
    // Still ordered as the input: oldest first.
    for (int i = 1; i < kept.size(); ++i) {
        QVERIFY(kept.at(i).x() < kept.at(i - 1).x());
    }
}

void TestChartDecimation::boundedByBuckets()
{
    // 721 samples over 180 s in 1.5 s buckets: at most two per bucket and the ends.
    const QList<QPointF> points = samples(721, 0.25, [](int i) { return double((i * 7919) % 113); });
    const QList<QPointF> kept = decimateMinMax(points, 1.5);
    QVERIFY2(kept.size() <= 2 * (180 / 1.5 + 1) + 2, qPrintable(QString::number(kept.size())));
    QVERIFY(kept.size() >= 180 / 1.5);
}

void TestChartDecimation::stableWhileTheWindowSlides()
{
    // The same samples one tick later: ages grow by the step and the anchor
    // (the newest sample's time) with them. Buckets counted from the anchor
    // keep the same samples together, so the older points stay put.
    const auto value = [](int i) { return double((i * 7919) % 113); };
    QList<QPointF> before;
    QList<QPointF> after;
    const double step = 0.25;
    for (int i = 0; i < 200; ++i) {
        before.append({(199 - i) * step, value(i)});
        after.append({(200 - i) * step, value(i)});
    }
    after.append({0, value(200)});
    const double newestBefore = 199 * step;
    const QList<QPointF> keptBefore = decimateMinMax(before, 2.0, newestBefore);
    const QList<QPointF> keptAfter = decimateMinMax(after, 2.0, newestBefore + step);
    // Compare the values of the middle part (not the ends, which always stay).
    QList<double> middleBefore;
    QList<double> middleAfter;
    for (const QPointF &point : keptBefore.mid(1, 40)) {
        middleBefore.append(point.y());
    }
    for (const QPointF &point : keptAfter.mid(1, 40)) {
        middleAfter.append(point.y());
    }
    QCOMPARE(middleAfter, middleBefore);
}

QTEST_GUILESS_MAIN(TestChartDecimation)
#include "tst_chartdecimation.moc"
