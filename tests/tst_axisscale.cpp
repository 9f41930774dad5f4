// SPDX-License-Identifier: GPL-2.0-or-later
// Round y axes for the I/O charts.

#include "axisscale.h"

#include <QTest>

using namespace Volmap;

class TestAxisScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimal_data();
    void decimal();
    void binary_data();
    void binary();
    void ticks();
    void neverBelowThePeak();
    void timeSpan_data();
    void timeSpan();
    void timeSpanChangesRarely();
};

void TestAxisScale::decimal_data()
{
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("step");
    QTest::newRow("idle uses the floor") << 0.0 << 4.0 << 1.0;
    QTest::newRow("fraction") << 0.3 << 4.0 << 1.0;
    QTest::newRow("just above the floor") << 4.5 << 6.0 << 2.0;
    QTest::newRow("73") << 73.0 << 80.0 << 20.0;
    QTest::newRow("exact") << 400.0 << 400.0 << 100.0;
    QTest::newRow("12345") << 12345.0 << 15000.0 << 5000.0;
}

void TestAxisScale::decimal()
{
    QFETCH(double, peak);
    QFETCH(double, maximum);
    QFETCH(double, step);
    const AxisScale scale = niceAxisScale(peak, 4, AxisUnits::Decimal, 4);
    QCOMPARE(scale.maximum, maximum);
    QCOMPARE(scale.step, step);
}

void TestAxisScale::binary_data()
{
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("step");
    QTest::newRow("idle: 4 KiB/s") << 0.0 << 4096.0 << 1024.0;
    // 2,000,000 B/s is 1.9 MiB/s: the axis goes to 2 MiB/s, not to 2,000,000.
    QTest::newRow("2 MB/s") << 2000000.0 << 2.0 * 1048576 << 0.5 * 1048576;
    QTest::newRow("700 MiB/s") << 700.0 * 1048576 << 800.0 * 1048576 << 200.0 * 1048576;
    QTest::newRow("3.5 GiB/s") << 3.5 * 1073741824 << 4.0 * 1073741824 << 1073741824.0;
}

void TestAxisScale::binary()
{
    QFETCH(double, peak);
    QFETCH(double, maximum);
    QFETCH(double, step);
    const AxisScale scale = niceAxisScale(peak, 4096, AxisUnits::Binary, 4);
    QCOMPARE(scale.maximum, maximum);
    QCOMPARE(scale.step, step);
}

void TestAxisScale::ticks()
{
    QCOMPARE((AxisScale{80, 20}.ticks()), (QList<double>{0, 20, 40, 60, 80}));
    QCOMPARE((AxisScale{1, 1}.ticks()), (QList<double>{0, 1}));
}

void TestAxisScale::neverBelowThePeak()
{
    for (double peak = 0.01; peak < 1e12; peak *= 1.37) {
        for (AxisUnits units : {AxisUnits::Decimal, AxisUnits::Binary}) {
            const AxisScale scale = niceAxisScale(peak, 1, units, 5);
            QVERIFY2(scale.maximum >= peak, qPrintable(QString::number(peak)));
            QVERIFY2(scale.maximum / scale.step <= 5.0 + 1e-9, qPrintable(QString::number(peak)));
            // At most a step of headroom, or the chart wastes its height.
            QVERIFY2(scale.maximum - scale.step < peak || scale.maximum <= 1,
                     qPrintable(QString::number(peak)));
        }
    }
}

void TestAxisScale::timeSpan_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<double>("span");
    QTest::newRow("no history: the window") << 0.0 << 180.0;
    QTest::newRow("a fraction") << 0.18 << 0.2;
    QTest::newRow("round already") << 2.0 << 2.0;
    QTest::newRow("just above 1") << 1.01 << 1.2;
    QTest::newRow("7 s") << 7.0 << 8.0;
    QTest::newRow("61 s") << 61.0 << 80.0;
    QTest::newRow("capped by the window") << 170.0 << 180.0;
    QTest::newRow("a full window") << 180.0 << 180.0;
    QTest::newRow("older than the window") << 181.0 << 180.0;
}

void TestAxisScale::timeSpan()
{
    QFETCH(double, seconds);
    QFETCH(double, span);
    QCOMPARE(niceTimeSpan(seconds, 180), span);
}

void TestAxisScale::timeSpanChangesRarely()
{
    // A history growing 4 times a second to 3 minutes: the axis changes a
    // few dozen times, not 720, and always holds the oldest sample while
    // using at least 3/4 of the width.
    int changes = 0;
    double previous = 0;
    for (int sample = 1; sample <= 720; ++sample) {
        const double seconds = sample * 0.25;
        const double span = niceTimeSpan(seconds, 180);
        QVERIFY(span >= seconds - 1e-9);
        QVERIFY(seconds / span >= 0.75 - 1e-9);
        changes += span != previous ? 1 : 0;
        previous = span;
    }
    QVERIFY2(changes < 30, qPrintable(QString::number(changes)));
}

QTEST_GUILESS_MAIN(TestAxisScale)
#include "tst_axisscale.moc"
