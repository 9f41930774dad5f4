// SPDX-License-Identifier: GPL-2.0-or-later
// bench_helpercycle NAME FILE: the create + remove cycle as the app makes
// it: through HelperClient on ONE system bus connection, kept for the
// whole run. For vm-helper.sh, which runs it as a coprocess so that its
// cycles interleave with gdbus, volmapctl and dmsetup: every line read on
// standard input starts one cycle (create NAME with FILE's table, then
// remove it); its answer is one line, "CREATE_MS REMOVE_MS" (3 decimals,
// from sending the call to its reply), or "error: ..." and the program
// exits 1. Ends at the end of its input.

#include "helperclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Volmap;

namespace {

class CycleRunner final : public QObject
{
    Q_OBJECT

public:
    CycleRunner(QString name, QString table)
        : m_name(std::move(name))
        , m_table(std::move(table))
        , m_input(STDIN_FILENO, QSocketNotifier::Read)
    {
        // No agent to ask: the bench's polkit rules answer without one.
        m_client.setInteractive(false);
        connect(&m_input, &QSocketNotifier::activated, this, &CycleRunner::readInput);
    }

private:
    void readInput()
    {
        char buffer[256];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            m_input.setEnabled(false);
            m_atEnd = true;
            quitWhenIdle();
            return;
        }
        // Every line is one cycle; several may come in one read.
        for (ssize_t i = 0; i < got; ++i) {
            m_requested += buffer[i] == '\n' ? 1 : 0;
        }
        startNext();
    }

    void startNext()
    {
        if (m_running || m_requested == 0) {
            return;
        }
        --m_requested;
        m_running = true;
        m_clock.start();
        m_client.create(m_name, m_table, false, [this](const ClientResult<QString> &created) {
            if (!created) {
                failWith(created.error());
                return;
            }
            const qint64 createNs = m_clock.nsecsElapsed();
            m_clock.start();
            m_client.remove(m_name, false, [this, createNs](const ClientResult<Done> &removed) {
                if (!removed) {
                    failWith(removed.error());
                    return;
                }
                std::printf("%.3f %.3f\n", double(createNs) / 1e6, double(m_clock.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                m_running = false;
                startNext();
                quitWhenIdle();
            });
        });
    }

    void failWith(const ClientError &error)
    {
        std::printf("error: %s %s\n", qPrintable(error.dbusName), qPrintable(error.message));
        std::fflush(stdout);
        QCoreApplication::exit(1);
    }

    void quitWhenIdle()
    {
        if (m_atEnd && !m_running && m_requested == 0) {
            QCoreApplication::quit();
        }
    }

    QString m_name;
    QString m_table;
    HelperClient m_client;
    QSocketNotifier m_input;
    QElapsedTimer m_clock;
    int m_requested = 0;
    bool m_running = false;
    bool m_atEnd = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_helpercycle NAME FILE\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_helpercycle: cannot read %s\n", argv[2]);
        return 2;
    }
    CycleRunner runner(QString::fromLocal8Bit(argv[1]), QString::fromUtf8(file.readAll()));
    return app.exec();
}

#include "bench_helpercycle.moc"
