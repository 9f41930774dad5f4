// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): the table editor offscreen with a 10 000-segment
// table. Import = parse + load into the model + validate (grammar, layout,
// device ranges through a resolver) + render the editor once; an edit =
// one length changed in place, revalidated and rendered again. Median of
// nine, with the fastest and slowest beside it. Devices are resolved as the
// app resolves them (BlockDeviceResolver: /dev and sysfs) on this machine's
// largest block device, or VOLMAP_BENCH_DEVICE (e.g. /dev/vda): only its
// size is read. The claims check against the running system (DraftChecker)
// is not part of it: it needs a helper.

#include "blockdeviceresolver.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace Volmap;

namespace {

constexpr int Segments = 10000;
constexpr int Runs = 9;

QString tableText(const QString &device)
{
    QString text;
    for (int i = 0; i < Segments; ++i) {
        text += QStringLiteral("%1 8 linear %2 %3\n").arg(i * 8).arg(device).arg(i * 8);
    }
    return text;
}

QString largestBlockDevice()
{
    const QString chosen = qEnvironmentVariable("VOLMAP_BENCH_DEVICE");
    if (!chosen.isEmpty()) {
        return chosen;
    }
    QString largest;
    quint64 largestSize = 0;
    for (const QString &name :
         QDir(QStringLiteral("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile size(QStringLiteral("/sys/block/%1/size").arg(name));
        const quint64 sectors = size.open(QIODevice::ReadOnly) ? size.readAll().trimmed().toULongLong() : 0;
        if (sectors > largestSize && QFile::exists(QStringLiteral("/dev/") + name)) {
            largest = QStringLiteral("/dev/") + name;
            largestSize = sectors;
        }
    }
    return largest;
}

struct Spread
{
    double median;
    double best;
    double worst;
};

Spread spreadOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return {values.at(values.size() / 2), values.first(), values.last()};
}

void print(const char *what, const Spread &spread, double goal)
{
    std::printf("  %-38s %8.1f ms  (best %.1f, worst %.1f; goal < %.0f ms)\n", what, spread.median,
                spread.best, spread.worst, goal);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString device = largestBlockDevice();
    const QString text = tableText(device);
    TableEditor editor(BlockDeviceResolver().tableResolver());
    editor.resize(1200, 800);
    editor.show();
    QApplication::processEvents();

    QList<double> imports;
    QList<double> edits;
    QPixmap shown;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!editor.loadTableText(text, QStringLiteral("Import"))) {
            std::fprintf(stderr, "bench_editor: the table did not load\n");
            return 1;
        }
        shown = editor.grab();
        imports.append(timer.nsecsElapsed() / 1e6);
        if (!editor.model()->isValid() || editor.model()->rowCount() != Segments) {
            std::fprintf(stderr, "bench_editor: the table is not valid in the editor (%s needs %d sectors)\n",
                         qPrintable(device), Segments * 8 * 2);
            return 1;
        }

        SegmentTableModel *model = editor.model();
        const QModelIndex length = model->index(Segments - 1, SegmentTableModel::LengthColumn);
        timer.restart();
        model->setData(length, QVariant::fromValue<qulonglong>(8 + run + 1), Qt::EditRole);
        shown = editor.grab();
        edits.append(timer.nsecsElapsed() / 1e6);
        if (model->data(length, SegmentTableModel::SectorsRole).toULongLong() != quint64(8 + run + 1)) {
            std::fprintf(stderr, "bench_editor: the edit did not take\n");
            return 1;
        }
    }
    if (argc > 1) {
        shown.save(QString::fromLocal8Bit(argv[1]));
    }
    std::printf("table editor, %d segments on %s, offscreen, median of %d:\n", Segments, qPrintable(device),
                Runs);
    print("import + validate + render", spreadOf(imports), 100);
    print("one edit (length) + validate + render", spreadOf(edits), 16);
    return 0;
}
