// SPDX-License-Identifier: GPL-2.0-or-later
#include "iosampler.h"
#include "segmentsampler.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

class TestIoSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBlockStat();
    void refusesMalformedStat();
    void computesRates();
    void neverGoesNegative();
    void samplesWatchedDevicesWithBoundedHistory();
    void historyStaysInOrderAndResizes();
    void segmentRates();

private:
    void writeStat(const QString &root, const QString &device, const QByteArray &line);
};

void TestIoSampler::writeStat(const QString &root, const QString &device, const QByteArray &line)
{
    QDir().mkpath(root + QStringLiteral("/sys/block/") + device);
    QFile file(root + QStringLiteral("/sys/block/") + device + QStringLiteral("/stat"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(line);
}

void TestIoSampler::parsesBlockStat()
{
    // A real line: 17 fields on 6.x kernels.
    const auto counters = parseBlockStat(
        u"     140        0     6248       36   205112        0  1640896   101924        2"
        u"    51264   101960        0        0        0        0        0        0\n",
        1234);
    QVERIFY(counters);
    QCOMPARE(counters->msecs, 1234);
    QCOMPARE(counters->readIos, 140u);
    QCOMPARE(counters->readSectors, 6248u);
    QCOMPARE(counters->readTicksMs, 36u);
    QCOMPARE(counters->writeIos, 205112u);
    QCOMPARE(counters->writeSectors, 1640896u);
    QCOMPARE(counters->writeTicksMs, 101924u);
    QCOMPARE(counters->inFlight, 2u);
}

void TestIoSampler::refusesMalformedStat()
{
    QVERIFY(!parseBlockStat(u"", 0));
    QVERIFY(!parseBlockStat(u"1 2 3", 0));
    QVERIFY(!parseBlockStat(u"1 2 3 4 5 6 7 8 9 10 x", 0));
    QVERIFY(!parseBlockStat(u"1 2 3 4 5 6 7 8 9 10 -1", 0));
}

void TestIoSampler::computesRates()
{
    const IoCounters before{1000, 100, 800, 50, 10, 80, 20, 0};
    const IoCounters after{3000, 300, 2400, 250, 30, 4176, 60, 4};
    const IoRates rates = ratesBetween(before, after);
    QCOMPARE(rates.msecs, 3000);
    QCOMPARE(rates.readIops, 100.0);              // 200 reads in 2 s
    QCOMPARE(rates.readBytesPerSecond, 409600.0); // 1600 sectors in 2 s
    QCOMPARE(rates.writeIops, 10.0);
    QCOMPARE(rates.writeBytesPerSecond, 1048576.0); // 4096 sectors in 2 s
    QCOMPARE(rates.readLatencyMs, 1.0);             // 200 ms over 200 reads
    QCOMPARE(rates.writeLatencyMs, 2.0);
    QCOMPARE(rates.inFlight, 4u);
}

void TestIoSampler::neverGoesNegative()
{
    // The device was recreated: counters start again from 0.
    const IoRates rates = ratesBetween({0, 500, 4000, 10, 5, 40, 1, 0}, {1000, 3, 24, 0, 0, 0, 0, 0});
    QCOMPARE(rates.readIops, 0.0);
    QCOMPARE(rates.readBytesPerSecond, 0.0);
    QCOMPARE(ratesBetween({1000, 1, 1, 1, 1, 1, 1, 0}, {1000, 9, 9, 9, 9, 9, 9, 0}).readIops, 0.0);
}

void TestIoSampler::samplesWatchedDevicesWithBoundedHistory()
{
    QTemporaryDir root;
    IoSampler sampler(root.path());
    qint64 nowNs = 0;
    sampler.setClock([&nowNs]() { return nowNs; });
    sampler.setHistoryLength(3);
    sampler.watch(QStringLiteral("dm-0"));
    sampler.watch(QStringLiteral("dm-9")); // never exists: skipped quietly
    QSignalSpy sampled(&sampler, &IoSampler::sampled);
    for (int i = 0; i < 6; ++i) {
        writeStat(root.path(), QStringLiteral("dm-0"),
                  QByteArray::number(i * 10) + " 0 " + QByteArray::number(i * 80) + " 0 0 0 0 0 0 0 0\n");
        sampler.sampleNow();
        nowNs += 20'000'000;
    }
    QCOMPARE(sampled.count(), 6);
    const QList<IoRates> history = sampler.history(QStringLiteral("dm-0"));
    QCOMPARE(history.size(), 3);
    for (const IoRates &rates : history) {
        QVERIFY(rates.readIops > 0);
        QVERIFY(qFuzzyCompare(rates.readBytesPerSecond, rates.readIops * 8 * 512));
    }
    QCOMPARE(sampler.totals(QStringLiteral("dm-0"))->readIos, 50u);
    QVERIFY(sampler.history(QStringLiteral("dm-9")).isEmpty());
    sampler.unwatch(QStringLiteral("dm-0"));
    QCOMPARE(sampler.watched(), QStringList(QStringLiteral("dm-9")));
}

void TestIoSampler::historyStaysInOrderAndResizes()
{
    QTemporaryDir root;
    IoSampler sampler(root.path());
    qint64 nowNs = 0;
    sampler.setClock([&nowNs]() { return nowNs; });
    sampler.setHistoryLength(4);
    sampler.watch(QStringLiteral("dm-0"));
    auto sample = [&](int times) {
        for (int i = 0; i < times; ++i) {
            nowNs += 100'000'000;
            writeStat(root.path(), QStringLiteral("dm-0"),
                      QByteArray::number(nowNs / 1'000'000) + " 0 0 0 0 0 0 0 0 0 0\n");
            sampler.sampleNow();
        }
    };
    // The times of the readings that ended each interval, oldest first.
    auto times = [&]() {
        QList<qint64> values;
        for (const IoRates &rates : sampler.history(QStringLiteral("dm-0"))) {
            values.append(rates.msecs);
        }
        return values;
    };
    sample(11); // wraps around the four places more than twice
    QCOMPARE(times(), (QList<qint64>{800, 900, 1000, 1100}));
    sampler.setHistoryLength(2); // keeps the newest
    QCOMPARE(times(), (QList<qint64>{1000, 1100}));
    sample(1);
    QCOMPARE(times(), (QList<qint64>{1100, 1200}));
    sampler.setHistoryLength(5); // room again: grows with new readings
    sample(4);
    QCOMPARE(times(), (QList<qint64>{1200, 1300, 1400, 1500, 1600}));
    sample(1);
    QCOMPARE(times(), (QList<qint64>{1300, 1400, 1500, 1600, 1700}));
}

void TestIoSampler::segmentRates()
{
    SegmentStatus before;
    before.start = 2048;
    before.length = 4096;
    before.reads = 10;
    before.readSectors = 80;
    before.writes = 4;
    before.writeSectors = 64;
    before.flushes = 1;
    SegmentStatus after = before;
    after.reads = 30;
    after.readSectors = 240;
    after.writes = 8;
    after.writeSectors = 128;
    after.flushes = 3;
    after.discards = 1;
    const SegmentRates rates = segmentRatesBetween(before, after, 2.0);
    QCOMPARE(rates.start, 2048u);
    QCOMPARE(rates.readIops, 10.0);
    QCOMPARE(rates.readBytesPerSecond, 80.0 * 512);
    QCOMPARE(rates.writeIops, 2.0);
    QCOMPARE(rates.writeBytesPerSecond, 32.0 * 512);
    QCOMPARE(rates.flushes, 2u);
    QCOMPARE(rates.discards, 1u);
    // After reset_counters the counters start again from zero.
    SegmentStatus reset = before;
    reset.reads = 3;
    QCOMPARE(segmentRatesBetween(before, reset, 1.0).readIops, 3.0);
}

QTEST_GUILESS_MAIN(TestIoSampler)
#include "tst_iosampler.moc"
