// SPDX-License-Identifier: GPL-2.0-or-later
#include "iosampler.h"
#include "segmentsampler.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <utility>

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
    void holdsTheStatFileAndOpensItAgainWhenItFails();
    void historyStaysInOrderAndResizes();
    void ringKeepsNewestInOrder();
    void ringChangesCapacity();
    void ringTakesItsStorageOnce();
    void rateHistoryIsCompact();
    void rateHistoryMovesItsTimeBase();
    void segmentRates();

private:
    void writeStat(const QString &root, const QString &device, const QByteArray &line);
};

namespace {

int openDescriptors()
{
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

template<typename T>
QList<T> ringValues(const BoundedRing<T> &ring)
{
    QList<T> values;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        values.append(ring.at(i));
    }
    return values;
}

} // namespace

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

/*
 * The stat file is opened once and read again at offset 0, as sysfs
 * prints it afresh; when a read fails (in sysfs: the device went away)
 * the name is opened again, for a device that may have it now.
 */
void TestIoSampler::holdsTheStatFileAndOpensItAgainWhenItFails()
{
    QTemporaryDir root;
    IoSampler sampler(root.path());
    qint64 nowNs = 0;
    sampler.setClock([&nowNs]() { return nowNs; });
    const QString statPath = root.path() + QStringLiteral("/sys/block/dm-0/stat");
    writeStat(root.path(), QStringLiteral("dm-0"), "10 0 80 0 0 0 0 0 0 0 0\n");
    sampler.watch(QStringLiteral("dm-0"));
    sampler.sampleNow(); // opens /sys/block and the file
    const int held = openDescriptors();
    for (int i = 2; i <= 5; ++i) {
        nowNs += 1'000'000'000;
        writeStat(root.path(), QStringLiteral("dm-0"), QByteArray::number(i * 10) + " 0 0 0 0 0 0 0 0 0 0\n");
        sampler.sampleNow();
        QCOMPARE(openDescriptors(), held); // no file opened on a tick
    }
    QCOMPARE(sampler.totals(QStringLiteral("dm-0"))->readIos, 50u); // rewritten in place: read afresh

    // The device goes (its file reads nothing) and another takes its name.
    {
        QFile gone(statPath);
        QVERIFY(gone.resize(0));
    }
    const QString next = statPath + QStringLiteral(".next");
    QVERIFY(QFile::rename(statPath, next + QStringLiteral(".old")));
    {
        QFile fresh(next);
        QVERIFY(fresh.open(QIODevice::WriteOnly));
        fresh.write("7 0 56 0 0 0 0 0 0 0 0\n");
    }
    QVERIFY(QFile::rename(next, statPath));
    nowNs += 1'000'000'000;
    sampler.sampleNow();
    QCOMPARE(sampler.totals(QStringLiteral("dm-0"))->readIos, 7u);
    QCOMPARE(openDescriptors(), held);

    sampler.unwatch(QStringLiteral("dm-0"));
    QCOMPARE(openDescriptors(), held - 1); // closed with the device
}

void TestIoSampler::historyStaysInOrderAndResizes()
{
    QTemporaryDir root;
    IoSampler sampler(root.path());
    qint64 nowNs = 0;
    sampler.setClock([&nowNs]() { return nowNs; });
    sampler.setHistoryLength(4);
    sampler.watch(QStringLiteral("dm-0"));
    // Its storage is there from the start, not taken as it fills.
    QCOMPARE(sampler.rateHistory(QStringLiteral("dm-0"))->capacity(), 4);
    QVERIFY(sampler.rateHistory(QStringLiteral("dm-0"))->isEmpty());
    QVERIFY(!sampler.rateHistory(QStringLiteral("dm-1")));
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
    QCOMPARE(sampler.rateHistory(QStringLiteral("dm-0"))->capacity(), 2);
    sample(1);
    QCOMPARE(times(), (QList<qint64>{1100, 1200}));
    sampler.setHistoryLength(5); // room again: grows with new readings
    sample(4);
    QCOMPARE(times(), (QList<qint64>{1200, 1300, 1400, 1500, 1600}));
    sample(1);
    QCOMPARE(times(), (QList<qint64>{1300, 1400, 1500, 1600, 1700}));
}

void TestIoSampler::ringKeepsNewestInOrder()
{
    BoundedRing<int> ring(3);
    QVERIFY(ring.isEmpty());
    auto values = [&ring]() { return ringValues(ring); };
    ring.append(1);
    ring.append(2);
    QCOMPARE(values(), (QList<int>{1, 2}));
    QCOMPARE(ring.last(), 2);
    // Wraps: each new value replaces the oldest, more than once around.
    for (int value = 3; value <= 8; ++value) {
        ring.append(value);
    }
    QCOMPARE(values(), (QList<int>{6, 7, 8}));
    QCOMPARE(ring.size(), 3);
    QCOMPARE(ring.last(), 8);
    ring[0] += 100; // in place, in the same order as at()
    QCOMPARE(values(), (QList<int>{106, 7, 8}));
    ring.clear();
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.capacity(), 3);
    ring.append(9);
    QCOMPARE(values(), QList<int>{9});

    BoundedRing<int> none;
    none.append(1); // no room: nothing kept, nothing broken
    QVERIFY(none.isEmpty());
}

void TestIoSampler::ringChangesCapacity()
{
    BoundedRing<QString> ring(4);
    for (int value = 1; value <= 6; ++value) { // wrapped: the oldest sits mid-storage
        ring.append(QString::number(value));
    }
    auto values = [&ring]() { return QStringList(ringValues(ring)).join(u' '); };
    QCOMPARE(values(), QStringLiteral("3 4 5 6"));
    ring.setCapacity(6); // more room: all kept, in order, and room for two
    QCOMPARE(values(), QStringLiteral("3 4 5 6"));
    ring.append(QStringLiteral("7"));
    ring.append(QStringLiteral("8"));
    QCOMPARE(values(), QStringLiteral("3 4 5 6 7 8"));
    ring.append(QStringLiteral("9"));
    QCOMPARE(values(), QStringLiteral("4 5 6 7 8 9"));
    ring.setCapacity(2); // less: the newest stay
    QCOMPARE(ring.capacity(), 2);
    QCOMPARE(values(), QStringLiteral("8 9"));
    ring.append(QStringLiteral("10"));
    QCOMPARE(values(), QStringLiteral("9 10"));
    ring.setCapacity(0);
    QVERIFY(ring.isEmpty());
}

void TestIoSampler::ringTakesItsStorageOnce()
{
    // The storage is taken when the capacity is set: appending, full or
    // not, never moves it (that is what keeps the memory flat).
    BoundedRing<int> ring(5);
    ring.append(1);
    const int *storage = &ring.at(0);
    for (int value = 2; value <= 12; ++value) {
        ring.append(value);
        QVERIFY(&ring.at(0) >= storage && &ring.at(0) < storage + 5);
    }
    ring.setCapacity(5); // the same capacity again: untouched
    QCOMPARE(ring.at(0), 8);
    QVERIFY(&ring.at(0) >= storage && &ring.at(0) < storage + 5);
}

void TestIoSampler::rateHistoryIsCompact()
{
    RateHistory history;
    history.setCapacity(2);
    QCOMPARE(history.capacity(), 2);
    IoRates rates;
    rates.msecs = 86'400'000LL * 365 * 30; // a monotonic clock after 30 years up
    rates.readIops = 123456.5;
    rates.writeIops = 0.25;
    rates.readBytesPerSecond = 3.5e9;
    rates.writeBytesPerSecond = 1234567.0;
    rates.readLatencyMs = 0.123;
    rates.writeLatencyMs = 45.6;
    rates.inFlight = 7;
    history.append(rates);
    const IoRates kept = history.last();
    QCOMPARE(kept.msecs, rates.msecs); // times exact
    QCOMPARE(kept.inFlight, 7u);
    // Rates as floats: far finer than a chart or a label shows.
    for (const auto &[original, stored] :
         {std::pair{rates.readIops, kept.readIops}, std::pair{rates.writeIops, kept.writeIops},
          std::pair{rates.readBytesPerSecond, kept.readBytesPerSecond},
          std::pair{rates.writeBytesPerSecond, kept.writeBytesPerSecond},
          std::pair{rates.readLatencyMs, kept.readLatencyMs},
          std::pair{rates.writeLatencyMs, kept.writeLatencyMs}}) {
        QVERIFY2(qAbs(stored - original) <= qAbs(original) * 1e-6, qPrintable(QString::number(original)));
    }
    rates.msecs += 250;
    rates.inFlight = quint64(1) << 40; // saturates instead of wrapping
    history.append(rates);
    QCOMPARE(history.toList().size(), 2);
    QCOMPARE(history.at(0).msecs, kept.msecs);
    QCOMPARE(history.at(1).msecs, kept.msecs + 250);
    QCOMPARE(history.at(1).inFlight, quint64(std::numeric_limits<quint32>::max()));
}

void TestIoSampler::rateHistoryMovesItsTimeBase()
{
    RateHistory history;
    history.setCapacity(3);
    IoRates rates;
    constexpr qint64 Day = 86'400'000;
    constexpr qint64 Range = std::numeric_limits<quint32>::max(); // 49.7 days of milliseconds
    rates.msecs = 1000;
    history.append(rates);
    rates.msecs = 1000 + 30 * Day;
    history.append(rates);
    // Sixty days after the first: past the offsets' range from the first base.
    const qint64 later = 1000 + 60 * Day;
    rates.msecs = later;
    history.append(rates);
    QCOMPARE(history.at(1).msecs, 1000 + 30 * Day);
    QCOMPARE(history.at(2).msecs, later);
    // Only a history spanning more than the range loses time: its oldest
    // entry reads as that much older than the newest.
    QCOMPARE(history.at(0).msecs, later - Range);
    rates.msecs = later + 1;
    history.append(rates);
    QCOMPARE(history.at(0).msecs, 1000 + 30 * Day);
    QCOMPARE(history.at(2).msecs, later + 1);

    // A clock that goes back before the base (a test's): the times kept stay as they were.
    RateHistory back;
    back.setCapacity(3);
    for (qint64 msecs : {10'000, 20'000, 5'000}) {
        rates.msecs = msecs;
        back.append(rates);
    }
    QCOMPARE(back.at(0).msecs, 10'000);
    QCOMPARE(back.at(1).msecs, 20'000);
    QCOMPARE(back.at(2).msecs, 5'000);
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
