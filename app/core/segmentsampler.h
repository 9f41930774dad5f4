// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "boundedring.h"
#include "helperclient.h"
#include "monotonicclock.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Volmap {

/* What one basic_target segment did between two status readings. */
struct SegmentRates
{
    quint64 start = 0;
    quint64 length = 0;
    double readIops = 0;
    double writeIops = 0;
    double readBytesPerSecond = 0;
    double writeBytesPerSecond = 0;
    quint64 flushes = 0; // in the interval
    quint64 discards = 0;
};

/* Rates of a segment over `seconds`; counters that went back (a reset) count from zero. */
SegmentRates segmentRatesBetween(const SegmentStatus &before, const SegmentStatus &after, double seconds);

/*
 * Per-segment I/O of mappings, from the helper's GetStatus (the
 * basic_target counters), at a lower rate than the block-layer sampler:
 * each sample is a D-Bus round trip and a polkit check. At most one
 * request per mapping is in flight; history is bounded.
 */
class SegmentSampler final : public QObject
{
    Q_OBJECT

public:
    explicit SegmentSampler(HelperClient &client, QObject *parent = nullptr);

    /* Where the time of each answer comes from; steadyClock() unless a test says otherwise. */
    void setClock(MonotonicClock clock) { m_clock = std::move(clock); }

    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }
    bool isRunning() const { return m_timer.isActive(); }
    void setHistoryLength(int samples);
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

    void watch(const QString &mapping);
    void unwatch(const QString &mapping);

    /* Oldest first; each entry holds one SegmentRates per basic_target segment. */
    QList<QList<SegmentRates>> history(const QString &mapping) const;
    QList<SegmentStatus> totals(const QString &mapping) const;
    /* The latest answer: every segment of the live table, with counters or not. */
    QList<SegmentStatus> latest(const QString &mapping) const;
    /* Whether the latest answer added an entry to history(): not the first, nor one after a reload. */
    bool latestHasRates(const QString &mapping) const;

public Q_SLOTS:
    void sampleNow();

Q_SIGNALS:
    void sampled(const QString &mapping);
    void failed(const QString &mapping, const Volmap::ClientError &error);

private:
    struct Mapping
    {
        QList<SegmentStatus> last;  // basic_target segments only
        QList<SegmentStatus> table; // every segment
        bool latestHasRates = false;
        std::optional<qint64> answeredAt; // ns, by m_clock
        // m_historyLength entries, taken when watched: no list that
        // drops its first entry and wanders through new memory.
        BoundedRing<QList<SegmentRates>> history;
        bool inFlight = false;
    };

    HelperClient &m_client;
    MonotonicClock m_clock = steadyClock();
    QTimer m_timer;
    int m_historyLength = 120;
    QHash<QString, Mapping> m_mappings;
};

} // namespace Volmap
