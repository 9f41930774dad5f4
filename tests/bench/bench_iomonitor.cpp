// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): the live I/O view offscreen, its sampler
// following 100 mappings at 4 Hz on a fake /sys (dm-N/stat files; a shell
// loop, not this process, advances the shown mapping's counters), for ten
// minutes: this process's CPU time as a share of one core (getrusage) and
// its resident memory every 30 s. VOLMAP_BENCH_SHORT=1 runs one minute,
// sampling memory every 10 s. The per-segment counters come from the
// helper; there is none here, so that sampler fails fast and shows so.

#include "helperclient.h"
#include "iomonitorview.h"
#include "iosampler.h"
#include "segmentsampler.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

using namespace Volmap;

namespace {

constexpr int Mappings = 100;
constexpr int IntervalMs = 250;

bool writeStat(const QString &root, int index)
{
    const QString dir = root + QStringLiteral("/sys/block/dm-%1").arg(index);
    QDir().mkpath(dir);
    QFile file(dir + QStringLiteral("/stat"));
    return file.open(QIODevice::WriteOnly)
           && file.write("   140 0 6248 36 205112 0 1640896 101924 2 51264 101960 0 0 0 0 0 0\n") > 0;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long residentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool brief = qEnvironmentVariableIntValue("VOLMAP_BENCH_SHORT") == 1;
    const int seconds = brief ? 60 : 600;
    const int memoryEverySeconds = brief ? 10 : 30;

    QTemporaryDir root;
    for (int i = 0; i < Mappings; ++i) {
        if (!writeStat(root.path(), i)) {
            return 1;
        }
    }
    // The shown mapping is busy: its counters advance at the sampling rate.
    // Written in place, as sysfs keeps its file: the sampler holds it open.
    QProcess writer;
    writer.start(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("n=0; while :; do n=$((n + 100)); "
                        "echo \"$n 0 $((n * 8)) 36 $n 0 $((n * 8)) 40 1 50 90 0 0 0 0 0 0\" >\"$1\"; "
                        "sleep 0.25; done"),
         QStringLiteral("sh"), root.path() + QStringLiteral("/sys/block/dm-0/stat")});

    IoSampler blockSampler(root.path());
    HelperClient client(QDBusConnection(QStringLiteral("volmap-bench-no-bus")));
    SegmentSampler segmentSampler(client);
    IoMonitorView view(&blockSampler, &segmentSampler);
    view.setSamplingInterval(IntervalMs);
    view.setMapping(QStringLiteral("bench-0"), QStringLiteral("dm-0"));
    for (int i = 1; i < Mappings; ++i) {
        blockSampler.watch(QStringLiteral("dm-%1").arg(i));
    }
    view.resize(1000, 700);
    view.show();

    // Start-up is not part of the figure: measure from the first drawn
    // rates on. Rates need two readings (the first comes as the view is
    // shown, the next a tick later); the view then draws them, and with
    // them the first lines: the paint engine's buffers for that are
    // start-up too. Nothing grows with the history before this point: it
    // has one entry per device.
    int ticks = 0;
    QObject::connect(&blockSampler, &IoSampler::sampled, &app, [&ticks]() { ++ticks; });
    QElapsedTimer startUp;
    startUp.start();
    while (ticks < 2 && startUp.elapsed() < 10'000) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    QApplication::processEvents();
    if (ticks < 2 || blockSampler.history(QStringLiteral("dm-0")).isEmpty()) {
        std::fprintf(stderr, "the view did not start sampling\n");
        return 1;
    }
    ticks = 0;
    const double cpuStart = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QList<long> resident{residentKib()};
    QTimer memory;
    QObject::connect(&memory, &QTimer::timeout, &app, [&]() {
        resident.append(residentKib());
        // By samples, not elapsed time: the timer may fire a little early.
        if (resident.size() > seconds / memoryEverySeconds) {
            QApplication::quit();
        }
    });
    memory.start(memoryEverySeconds * 1000);
    QApplication::exec();
    const double cpu = cpuSeconds() - cpuStart;
    const double elapsed = wall.elapsed() / 1000.0;
    writer.kill();
    writer.waitForFinished();
    if (argc > 1) {
        view.grab().save(QString::fromLocal8Bit(argv[1]));
    }

    std::printf("live I/O view, %d mappings sampled at %d Hz, offscreen, %.0f s:\n", Mappings,
                1000 / IntervalMs, elapsed);
    std::printf("  ticks %d (expected about %.0f)\n", ticks, elapsed * 1000 / IntervalMs);
    std::printf("  CPU %.2f s of %.0f s: %.2f %% of one core (goal < 2 %%)\n", cpu, elapsed,
                100 * cpu / elapsed);
    for (int i = 0; i < resident.size(); ++i) {
        std::printf("  rss %4d s %7ld KiB\n", i * memoryEverySeconds, resident.at(i));
    }
    std::printf("  rss last/first %.3f (flat: 1.000)\n", double(resident.last()) / double(resident.first()));
    // The charts' history fills for the first minutes: the second half shows whether it stays put.
    std::printf("  rss last/halfway %.3f (flat: 1.000)\n",
                double(resident.last()) / double(resident.at(resident.size() / 2)));
    return 0;
}
