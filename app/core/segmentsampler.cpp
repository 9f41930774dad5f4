// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentsampler.h"

namespace Volmap {

namespace {

quint64 delta(quint64 before, quint64 after)
{
    return after >= before ? after - before : after;
}

} // namespace

SegmentRates segmentRatesBetween(const SegmentStatus &before, const SegmentStatus &after, double seconds)
{
    SegmentRates rates;
    rates.start = after.start;
    rates.length = after.length;
    rates.flushes = delta(before.flushes, after.flushes);
    rates.discards = delta(before.discards, after.discards);
    if (seconds <= 0) {
        return rates;
    }
    rates.readIops = delta(before.reads, after.reads) / seconds;
    rates.writeIops = delta(before.writes, after.writes) / seconds;
    rates.readBytesPerSecond = delta(before.readSectors, after.readSectors) * 512.0 / seconds;
    rates.writeBytesPerSecond = delta(before.writeSectors, after.writeSectors) * 512.0 / seconds;
    return rates;
}

SegmentSampler::SegmentSampler(HelperClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &SegmentSampler::sampleNow);
}

void SegmentSampler::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(200, milliseconds));
}

void SegmentSampler::watch(const QString &mapping)
{
    if (!m_mappings.contains(mapping)) {
        m_mappings.insert(mapping, Mapping());
    }
}

void SegmentSampler::unwatch(const QString &mapping)
{
    m_mappings.remove(mapping);
}

QList<QList<SegmentRates>> SegmentSampler::history(const QString &mapping) const
{
    return m_mappings.value(mapping).history;
}

QList<SegmentStatus> SegmentSampler::totals(const QString &mapping) const
{
    return m_mappings.value(mapping).last;
}

QList<SegmentStatus> SegmentSampler::latest(const QString &mapping) const
{
    return m_mappings.value(mapping).table;
}

bool SegmentSampler::latestHasRates(const QString &mapping) const
{
    return m_mappings.value(mapping).latestHasRates;
}

void SegmentSampler::sampleNow()
{
    for (auto it = m_mappings.begin(); it != m_mappings.end(); ++it) {
        if (it->inFlight) {
            continue; // the previous answer is still on its way
        }
        it->inFlight = true;
        const QString name = it.key();
        m_client.status(name, [this, name](const ClientResult<QList<SegmentStatus>> &result) {
            auto entry = m_mappings.find(name);
            if (entry == m_mappings.end()) {
                return; // unwatched meanwhile
            }
            entry->inFlight = false;
            if (!result) {
                Q_EMIT failed(name, result.error());
                return;
            }
            entry->table = result.value();
            QList<SegmentStatus> now;
            for (const SegmentStatus &segment : std::as_const(entry->table)) {
                if (segment.hasCounters) {
                    now.append(segment);
                }
            }
            const qint64 answeredAt = m_clock();
            const double seconds = entry->answeredAt ? (answeredAt - *entry->answeredAt) / 1e9 : 0;
            entry->answeredAt = answeredAt;
            // Rates only when the layout is the same as last time (a reload resets it).
            bool sameLayout = entry->last.size() == now.size();
            for (int i = 0; sameLayout && i < now.size(); ++i) {
                sameLayout = entry->last[i].start == now[i].start && entry->last[i].length == now[i].length;
            }
            entry->latestHasRates = sameLayout && seconds > 0;
            if (entry->latestHasRates) {
                QList<SegmentRates> rates;
                for (int i = 0; i < now.size(); ++i) {
                    rates.append(segmentRatesBetween(entry->last[i], now[i], seconds));
                }
                entry->history.append(rates);
                while (entry->history.size() > m_historyLength) {
                    entry->history.removeFirst();
                }
            }
            entry->last = now;
            Q_EMIT sampled(name);
        });
    }
}

} // namespace Volmap
