// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): parse, validate and format a 100 000-segment
// table, as LVM-sized tables go far beyond anything typed by hand.
// Prints one line per step with the best of five runs.

#include "besttime.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <cstdio>
#include <functional>

using namespace Volmap;

namespace {

long peakRssKiB()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int segments = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;

    // Alternating basic_target and linear over four disks, 8 MiB each.
    QString text;
    for (int i = 0; i < segments; ++i) {
        text += QStringLiteral("%1 16384 %2 8:%3 %4\n")
                    .arg(quint64(i) * 16384)
                    .arg(i % 2 ? QStringLiteral("linear") : QStringLiteral("basic_target"))
                    .arg((i % 4) * 16)
                    .arg(quint64(i / 4) * 16384);
    }
    const DeviceResolver disks =
        [](const DeviceReference &reference) -> Result<BlockDeviceGeometry, QString> {
        return BlockDeviceGeometry{std::get<DeviceNumber>(reference.value), quint64(1) << 40, 512,
                                   reference.toString()};
    };

    ParsedTable parsed;
    const double parseMs = bestOfFive([&]() { parsed = parseTable(text); });
    TableIssues issues;
    const double grammarMs = bestOfFive([&]() { issues = validateTable(parsed.table); });
    const double devicesMs = bestOfFive([&]() { issues = validateTable(parsed.table, disks); });
    QString formatted;
    const double formatMs = bestOfFive([&]() { formatted = formatTable(parsed.table); });
    if (!parsed.ok() || !issues.isEmpty() || formatted != text) {
        std::fprintf(stderr, "bench_tables: the table did not round-trip cleanly\n");
        return 1;
    }
    std::printf("table of %d segments (%lld characters):\n", segments, qint64(text.size()));
    std::printf("  parse                          %8.1f ms\n", parseMs);
    std::printf("  validate (grammar, layout)     %8.1f ms\n", grammarMs);
    std::printf("  validate (+ device ranges)     %8.1f ms\n", devicesMs);
    std::printf("  format                         %8.1f ms\n", formatMs);
    std::printf("  peak resident memory           %8ld KiB\n", peakRssKiB());
    return 0;
}
