// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): from this process's start (as the kernel counts
// it, so loading the libraries is in it) to the first paint event of the
// main window, offscreen, set up as ui/main.cpp sets it up (without
// the translators: an English session loads none). Prints one line in ms;
// run-benchmarks runs it several times, interleaved with its peer: with
// --bare, an empty QWidget instead of the main window, the floor Qt sets.

#include "helperclient.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <time.h>
#include <unistd.h>

#include <cstdio>

namespace {

// ms since boot when this process started (field 22 of /proc/self/stat).
double processStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = stat.readAll();
    // The command name may hold spaces; the fields after it do not.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.at(22 - 3).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double nowSinceBootMs()
{
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

class FirstPaint final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            std::printf("first paint %.0f ms after process start\n", nowSinceBootMs() - processStartMs());
            QTimer::singleShot(0, qApp, &QApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("volmap"));
    QApplication::setOrganizationName(QStringLiteral("volmap"));
    FirstPaint firstPaint;
    if (QApplication::arguments().contains(QStringLiteral("--bare"))) {
        QWidget bare;
        bare.resize(800, 600);
        bare.installEventFilter(&firstPaint);
        bare.show();
        return QApplication::exec();
    }
    Volmap::HelperClient client;
    Volmap::HelperClient samplingClient;
    samplingClient.setInteractive(false);
    Volmap::MainWindow window(&client, &samplingClient);
    window.installEventFilter(&firstPaint);
    window.show();
    return QApplication::exec();
}
