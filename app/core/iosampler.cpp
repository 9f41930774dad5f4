// SPDX-License-Identifier: GPL-2.0-or-later
#include "iosampler.h"

#include "tabletext.h"

#include <QFile>

#include <limits>

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
    // Field by field, not split(): that builds a list of 17 views for the
    // 11 read here, and its reallocations were most of a tick's own work.
    const QStringView text = line.trimmed();
    std::optional<quint64> values[11];
    qsizetype position = 0;
    for (std::optional<quint64> &value : values) {
        while (position < text.size() && text[position] == u' ') {
            ++position;
        }
        qsizetype end = text.indexOf(u' ', position);
        if (end < 0) {
            end = text.size();
        }
        value = parseDecimal(text.sliced(position, end - position));
        if (!value) {
            return std::nullopt; // too few fields, or not a number
        }
        position = end;
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

void RateHistory::append(const IoRates &rates)
{
    if (m_entries.isEmpty()) {
        m_baseMsecs = rates.msecs;
    }
    qint64 offset = rates.msecs - m_baseMsecs;
    if (offset < 0 || offset > std::numeric_limits<quint32>::max()) {
        rebase(rates.msecs);
        offset = rates.msecs - m_baseMsecs;
    }
    Entry entry;
    entry.offsetMsecs = quint32(offset);
    entry.inFlight = quint32(qMin<quint64>(rates.inFlight, std::numeric_limits<quint32>::max()));
    entry.readIops = float(rates.readIops);
    entry.writeIops = float(rates.writeIops);
    entry.readBytesPerSecond = float(rates.readBytesPerSecond);
    entry.writeBytesPerSecond = float(rates.writeBytesPerSecond);
    entry.readLatencyMs = float(rates.readLatencyMs);
    entry.writeLatencyMs = float(rates.writeLatencyMs);
    m_entries.append(entry);
}

/*
 * A new base for a time outside the offsets' range (a clock that went
 * back, or 49 days of sampling): the earliest time kept or coming, or, if
 * the history would span more than the range, the oldest entries read as
 * that much older than the newest.
 */
void RateHistory::rebase(qint64 msecs)
{
    constexpr qint64 Range = std::numeric_limits<quint32>::max();
    qint64 base = msecs;
    if (!m_entries.isEmpty()) {
        base = qMin(base, m_baseMsecs + m_entries.at(0).offsetMsecs);
    }
    base = qMax(base, msecs - Range);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        entry.offsetMsecs = quint32(qBound<qint64>(0, m_baseMsecs + entry.offsetMsecs - base, Range));
    }
    m_baseMsecs = base;
}

IoRates RateHistory::at(qsizetype index) const
{
    const Entry &entry = m_entries.at(index);
    IoRates rates;
    rates.msecs = m_baseMsecs + entry.offsetMsecs;
    rates.readIops = entry.readIops;
    rates.writeIops = entry.writeIops;
    rates.readBytesPerSecond = entry.readBytesPerSecond;
    rates.writeBytesPerSecond = entry.writeBytesPerSecond;
    rates.readLatencyMs = entry.readLatencyMs;
    rates.writeLatencyMs = entry.writeLatencyMs;
    rates.inFlight = entry.inFlight;
    return rates;
}

QList<IoRates> RateHistory::toList() const
{
    QList<IoRates> rates;
    rates.reserve(size());
    for (qsizetype i = 0; i < size(); ++i) {
        rates.append(at(i));
    }
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
        device.history.setCapacity(m_historyLength);
    }
}

void IoSampler::watch(const QString &kernelName)
{
    if (!m_devices.contains(kernelName)) {
        Device device;
        device.statPath = QFile::encodeName(kernelName) + "/stat";
        device.history.setCapacity(m_historyLength);
        m_devices.emplace(kernelName, std::move(device));
    }
}

void IoSampler::unwatch(const QString &kernelName)
{
    m_devices.remove(kernelName);
}

QList<IoRates> IoSampler::history(const QString &kernelName) const
{
    const RateHistory *rates = rateHistory(kernelName);
    return rates ? rates->toList() : QList<IoRates>();
}

const RateHistory *IoSampler::rateHistory(const QString &kernelName) const
{
    const auto it = m_devices.constFind(kernelName);
    return it == m_devices.constEnd() ? nullptr : &it->history;
}

std::optional<IoCounters> IoSampler::totals(const QString &kernelName) const
{
    // Not value(): that would copy the device and its history.
    const auto it = m_devices.constFind(kernelName);
    return it == m_devices.constEnd() ? std::nullopt : it->last;
}

/*
 * One system call per device and tick, no buffers on the heap. A held
 * file whose device went away fails (ENODEV): open the name again, as a
 * new device may have it now; the rates then restart as they would.
 */
qsizetype IoSampler::readStat(Device &device, char *buffer, std::size_t size)
{
    if (device.stat) {
        const ssize_t length = ::pread(device.stat->get(), buffer, size, 0);
        if (length > 0) {
            return length;
        }
        device.stat.reset();
    }
    const int fd = ::openat(m_blockDirectory, device.statPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    device.stat = std::make_shared<FileDescriptor>(fd);
    return ::pread(fd, buffer, size, 0);
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
        char line[512];
        const qsizetype length = readStat(device, line, sizeof line);
        if (length <= 0) {
            continue; // gone; the owner unwatches it when it learns so
        }
        // Widened on the stack: a QString would be one more allocation per device and tick.
        char16_t wide[sizeof line];
        for (ssize_t i = 0; i < length; ++i) {
            wide[i] = uchar(line[i]);
        }
        const auto counters = parseBlockStat(QStringView(wide, qsizetype(length)), now);
        if (!counters) {
            continue;
        }
        if (device.last) {
            device.history.append(ratesBetween(*device.last, *counters));
        }
        device.last = counters;
    }
    Q_EMIT sampled();
}

} // namespace Volmap
