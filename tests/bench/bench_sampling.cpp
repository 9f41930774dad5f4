// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): the cost of one IoSampler tick as the number of
// watched mappings grows, on a fake /sys of dm-N/stat files. A flat cost
// per mapping means sampling 100+ mappings stays cheap.

#include "iosampler.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Volmap;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir root;
    const QByteArray stat = "   140 0 6248 36 205112 0 1640896 101924 2 51264 101960 0 0 0 0 0 0\n";
    for (int i = 0; i < 400; ++i) {
        const QString dir = root.path() + QStringLiteral("/sys/block/dm-%1").arg(i);
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/stat"));
        if (!file.open(QIODevice::WriteOnly)) {
            return 1;
        }
        file.write(stat);
    }
    std::printf("IoSampler tick (best of 20):\n");
    for (int mappings : {10, 50, 100, 200, 400}) {
        IoSampler sampler(root.path());
        for (int i = 0; i < mappings; ++i) {
            sampler.watch(QStringLiteral("dm-%1").arg(i));
        }
        sampler.sampleNow();
        double best = 1e9;
        for (int run = 0; run < 20; ++run) {
            QElapsedTimer timer;
            timer.start();
            sampler.sampleNow();
            best = qMin(best, timer.nsecsElapsed() / 1e3);
        }
        std::printf("  %4d mappings  %8.1f us  (%5.2f us per mapping)\n", mappings, best, best / mappings);
    }
    return 0;
}
