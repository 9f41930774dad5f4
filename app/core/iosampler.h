// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "boundedring.h"
#include "filedescriptor.h"
#include "monotonicclock.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace Volmap {

/* One reading of /sys/block/<dev>/stat. */
struct IoCounters
{
    qint64 msecs = 0; // when it was read (monotonic)
    quint64 readIos = 0;
    quint64 readSectors = 0;
    quint64 readTicksMs = 0;
    quint64 writeIos = 0;
    quint64 writeSectors = 0;
    quint64 writeTicksMs = 0;
    quint64 inFlight = 0;
};

/* What happened between two readings. */
struct IoRates
{
    qint64 msecs = 0; // the later reading's time
    double readIops = 0;
    double writeIops = 0;
    double readBytesPerSecond = 0;
    double writeBytesPerSecond = 0;
    double readLatencyMs = 0; // average time per read completed in the interval
    double writeLatencyMs = 0;
    quint64 inFlight = 0;
};

std::optional<IoCounters> parseBlockStat(QStringView line, qint64 msecs);
IoRates ratesBetween(const IoCounters &before, const IoCounters &after);

/*
 * The rates of one device over the last `capacity` samples, oldest first,
 * for its charts. Its storage is taken (and touched) when the capacity is
 * set, so a history that fills for minutes costs no memory while it does.
 * An entry is half an IoRates: times are milliseconds after a base kept
 * once, rates are floats (seven significant digits: a chart of a few
 * hundred pixels, and a label of three or four digits, cannot show more).
 */
class RateHistory final
{
public:
    void setCapacity(qsizetype samples) { m_entries.setCapacity(samples); }
    qsizetype capacity() const { return m_entries.capacity(); }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    void append(const IoRates &rates);
    /* 0 is the oldest entry. */
    IoRates at(qsizetype index) const;
    IoRates last() const { return at(size() - 1); }
    QList<IoRates> toList() const;

private:
    struct Entry
    {
        quint32 offsetMsecs = 0; // after m_baseMsecs
        quint32 inFlight = 0;
        float readIops = 0;
        float writeIops = 0;
        float readBytesPerSecond = 0;
        float writeBytesPerSecond = 0;
        float readLatencyMs = 0;
        float writeLatencyMs = 0;
    };
    static_assert(sizeof(Entry) == 32);

    void rebase(qint64 msecs);

    BoundedRing<Entry> m_entries;
    qint64 m_baseMsecs = 0;
};

/*
 * Samples the block-layer counters of watched devices (readable without
 * privileges) every interval and keeps a bounded history of rates per
 * device, for charts. One small file read per device and tick, so the
 * cost grows linearly and stays small with hundreds of mappings.
 */
class IoSampler final : public QObject
{
    Q_OBJECT

public:
    explicit IoSampler(const QString &root = QString(), QObject *parent = nullptr);
    ~IoSampler() override;

    /* Where the time of each reading comes from; steadyClock() unless a test says otherwise. */
    void setClock(MonotonicClock clock) { m_clock = std::move(clock); }

    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }
    void setHistoryLength(int samples);
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    bool isRunning() const { return m_timer.isActive(); }

    /* kernelName as in /sys/block, e.g. "dm-3". */
    void watch(const QString &kernelName);
    void unwatch(const QString &kernelName);
    QStringList watched() const { return m_devices.keys(); }

    QList<IoRates> history(const QString &kernelName) const;
    /* The same without a copy; nullptr for a device not watched. Valid until the next watch() or unwatch().
     */
    const RateHistory *rateHistory(const QString &kernelName) const;
    std::optional<IoCounters> totals(const QString &kernelName) const;

public Q_SLOTS:
    void sampleNow();

Q_SIGNALS:
    void sampled();

private:
    struct Device
    {
        QByteArray statPath; // "dm-3/stat", below /sys/block
        // The stat file, held open: sysfs prints it afresh for every read
        // at offset 0, so a tick costs one pread per device where opening
        // it walked the path and took a file each time. Shared only so
        // that the hash can hold it; never copied.
        std::shared_ptr<FileDescriptor> stat;
        std::optional<IoCounters> last;
        RateHistory history; // m_historyLength entries, taken when watched
    };

    bool openBlockDirectory();
    qsizetype readStat(Device &device, char *buffer, std::size_t size);

    QString m_root;
    // /sys/block, held open: each tick opens every device's file relative
    // to it, without walking the whole path again.
    int m_blockDirectory = -1;
    MonotonicClock m_clock = steadyClock();
    QTimer m_timer;
    int m_historyLength = 300;
    QHash<QString, Device> m_devices;
};

} // namespace Volmap
