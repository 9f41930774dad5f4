// SPDX-License-Identifier: GPL-2.0-or-later
#include "iosampler.h"

#include "tabletext.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

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

IoSampler::~IoSampler()
{
    if (m_blockDirectory >= 0) {
        ::close(m_blockDirectory);
    }
}

bool IoSampler::openBlockDirectory()
{
    if (m_blockDirectory < 0) {
        const QByteArray path = QFile::encodeName(m_root + QStringLiteral("/sys/block"));
        m_blockDirectory = ::open(path.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
    return m_blockDirectory >= 0;
}

void IoSampler::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(50, milliseconds));
}

void IoSampler::setHistoryLength(int samples)
{
    m_historyLength = qMax(1, samples);
    for (Device &device : m_devices) {
        device.truncate(m_historyLength);
    }
}

QList<IoRates> IoSampler::Device::history() const
{
    if (oldest == 0) {
        return ring;
    }
    QList<IoRates> ordered;
    ordered.reserve(ring.size());
    ordered.append(ring.constBegin() + oldest, ring.constEnd());
    ordered.append(ring.constBegin(), ring.constBegin() + oldest);
    return ordered;
}

void IoSampler::Device::append(const IoRates &rates, int capacity)
{
    if (ring.size() < capacity) {
        if (ring.isEmpty()) {
            ring.reserve(capacity);
        }
        ring.append(rates);
        return;
    }
    ring[oldest] = rates;
    oldest = (oldest + 1) % ring.size();
}

void IoSampler::Device::truncate(int capacity)
{
    QList<IoRates> ordered = history();
    if (ordered.size() > capacity) {
        ordered.remove(0, ordered.size() - capacity);
    }
    ring = QList<IoRates>();
    ring.reserve(capacity);
    ring.append(ordered);
    oldest = 0;
}

void IoSampler::watch(const QString &kernelName)
{
    if (!m_devices.contains(kernelName)) {
        Device device;
        device.statPath = QFile::encodeName(kernelName) + "/stat";
        m_devices.insert(kernelName, device);
    }
}

void IoSampler::unwatch(const QString &kernelName)
{
    m_devices.remove(kernelName);
}

QList<IoRates> IoSampler::history(const QString &kernelName) const
{
    const auto it = m_devices.constFind(kernelName);
    return it == m_devices.constEnd() ? QList<IoRates>() : it->history();
}

std::optional<IoCounters> IoSampler::totals(const QString &kernelName) const
{
    return m_devices.value(kernelName).last;
}

void IoSampler::sampleNow()
{
    const qint64 now = m_clock() / 1000000;
    if (!openBlockDirectory()) {
        Q_EMIT sampled();
        return;
    }
    for (auto it = m_devices.begin(); it != m_devices.end(); ++it) {
        Device &device = it.value();
        // Three system calls per device and tick, no buffers on the heap:
        // QFile would add a stat for the size and allocations for each.
        const int fd = ::openat(m_blockDirectory, device.statPath.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            continue; // gone; the owner unwatches it when it learns so
        }
        char line[512];
        const ssize_t length = ::read(fd, line, sizeof line);
        ::close(fd);
        if (length <= 0) {
            continue;
        }
        const auto counters = parseBlockStat(QString::fromLatin1(line, qsizetype(length)), now);
        if (!counters) {
            continue;
        }
        if (device.last) {
            device.append(ratesBetween(*device.last, *counters), m_historyLength);
        }
        device.last = counters;
    }
    Q_EMIT sampled();
}

} // namespace Volmap
