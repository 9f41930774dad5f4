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

void SegmentSampler::setHistoryLength(int samples)
{
    m_historyLength = qMax(1, samples);
    for (Mapping &mapping : m_mappings) {
        mapping.history.setCapacity(m_historyLength);
    }
}

void SegmentSampler::watch(const QString &mapping)
{
    if (!m_mappings.contains(mapping)) {
        Mapping entry;
        entry.history.setCapacity(m_historyLength);
        m_mappings.emplace(mapping, std::move(entry));
    }
}

void SegmentSampler::unwatch(const QString &mapping)
{
    m_mappings.remove(mapping);
}

// Each accessor looks the mapping up in place: value() would copy it, history and all.
QList<QList<SegmentRates>> SegmentSampler::history(const QString &mapping) const
{
    QList<QList<SegmentRates>> ordered;
    const auto it = m_mappings.constFind(mapping);
    if (it != m_mappings.constEnd()) {
        ordered.reserve(it->history.size());
        for (qsizetype i = 0; i < it->history.size(); ++i) {
            ordered.append(it->history.at(i));
        }
    }
    return ordered;
}

QList<SegmentStatus> SegmentSampler::totals(const QString &mapping) const
{
    const auto it = m_mappings.constFind(mapping);
    return it == m_mappings.constEnd() ? QList<SegmentStatus>() : it->last;
}

QList<SegmentStatus> SegmentSampler::latest(const QString &mapping) const
{
    const auto it = m_mappings.constFind(mapping);
    return it == m_mappings.constEnd() ? QList<SegmentStatus>() : it->table;
}

bool SegmentSampler::latestHasRates(const QString &mapping) const
{
    const auto it = m_mappings.constFind(mapping);
    return it != m_mappings.constEnd() && it->latestHasRates;
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
                entry->history.append(std::move(rates));
            }
            entry->last = now;
            Q_EMIT sampled(name);
        });
    }
}

} // namespace Volmap
