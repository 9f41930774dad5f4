// SPDX-License-Identifier: GPL-2.0-or-later
#include "iosampler.h"

#include "tabletext.h"

#include <QFile>

namespace Volmap {

namespace {

// Counters wrap (32-bit on some kernels) or restart when a device is
// recreated under the same name: never report a negative rate.
quint64 delta(quint64 before, quint64 after)
{
    return after >= before ? after - before : 0;
}

} // namespace

std::optional<IoCounters> parseBlockStat(QStringView line, qint64 msecs)
{
    const QList<QStringView> fields = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (fields.size() < 11) {
        return std::nullopt;
    }
    std::optional<quint64> values[11];
    for (int i = 0; i < 11; ++i) {
        values[i] = parseDecimal(fields[i]);
        if (!values[i]) {
            return std::nullopt;
        }
    }
    // read I/Os, merges, sectors, ticks; write I/Os, merges, sectors, ticks; in flight, ...
    return IoCounters{msecs,      *values[0], *values[2], *values[3],
                      *values[4], *values[6], *values[7], *values[8]};
}

IoRates ratesBetween(const IoCounters &before, const IoCounters &after)
{
    IoRates rates;
    rates.msecs = after.msecs;
    rates.inFlight = after.inFlight;
    const double seconds = (after.msecs - before.msecs) / 1000.0;
    if (seconds <= 0) {
        return rates;
    }
    const quint64 reads = delta(before.readIos, after.readIos);
    const quint64 writes = delta(before.writeIos, after.writeIos);
    rates.readIops = reads / seconds;
    rates.writeIops = writes / seconds;
    rates.readBytesPerSecond = delta(before.readSectors, after.readSectors) * 512.0 / seconds;
    rates.writeBytesPerSecond = delta(before.writeSectors, after.writeSectors) * 512.0 / seconds;
    rates.readLatencyMs = reads ? double(delta(before.readTicksMs, after.readTicksMs)) / reads : 0;
    rates.writeLatencyMs = writes ? double(delta(before.writeTicksMs, after.writeTicksMs)) / writes : 0;
    return rates;
}

IoSampler::IoSampler(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &IoSampler::sampleNow);
}

void IoSampler::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(50, milliseconds));
}

void IoSampler::setHistoryLength(int samples)
{
    m_historyLength = qMax(1, samples);
    for (Device &device : m_devices) {
        while (device.history.size() > m_historyLength) {
            device.history.removeFirst();
        }
    }
}

void IoSampler::watch(const QString &kernelName)
{
    if (!m_devices.contains(kernelName)) {
        m_devices.insert(kernelName, Device());
    }
}

void IoSampler::unwatch(const QString &kernelName)
{
    m_devices.remove(kernelName);
}

QList<IoRates> IoSampler::history(const QString &kernelName) const
{
    return m_devices.value(kernelName).history;
}

std::optional<IoCounters> IoSampler::totals(const QString &kernelName) const
{
    return m_devices.value(kernelName).last;
}

void IoSampler::sampleNow()
{
    const qint64 now = m_clock() / 1000000;
    for (auto it = m_devices.begin(); it != m_devices.end(); ++it) {
        QFile file(m_root + QStringLiteral("/sys/block/") + it.key() + QStringLiteral("/stat"));
        if (!file.open(QIODevice::ReadOnly)) {
            continue; // gone; the owner unwatches it when it learns so
        }
        const auto counters = parseBlockStat(QString::fromLatin1(file.readAll()), now);
        if (!counters) {
            continue;
        }
        Device &device = it.value();
        if (device.last) {
            device.history.append(ratesBetween(*device.last, *counters));
            if (device.history.size() > m_historyLength) {
                device.history.removeFirst();
            }
        }
        device.last = counters;
    }
    Q_EMIT sampled();
}

} // namespace Volmap
