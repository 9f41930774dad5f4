// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"

#include <QObject>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <memory>

struct udev;
struct udev_monitor;

namespace Volmap {

/*
 * Tells when block devices come, go or change. With udev running it
 * listens to udev's events (after udev has updated its database) and
 * rescans just that device; without udev it rescans everything every few
 * seconds, which costs a few sysfs reads per device. Either way the
 * receiver gets whole BlockDeviceInfo values.
 *
 * Scanning reads sysfs and /proc and probes devices with libblkid, which
 * can block (a slow disk, a hung loop file), so it runs on a thread of the
 * monitor's own; results arrive as queued signals, in the order asked for.
 * A rescan asked for while one runs is done once, after it.
 */
class DeviceMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit DeviceMonitor(const QString &root = QString(), QObject *parent = nullptr);
    /* Waits for a scan under way. */
    ~DeviceMonitor() override;

    /* Emits `rescanned` once the first scan is done, then follows changes. */
    void start();
    /* A full scan, e.g. after a mapping changed which devices are held. */
    void rescan();
    bool usesUdev() const { return m_notifier != nullptr; }
    bool isScanning() const { return m_scanning; }
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

Q_SIGNALS:
    void rescanned(const QList<Volmap::BlockDeviceInfo> &devices);
    void deviceChanged(const Volmap::BlockDeviceInfo &device);
    void deviceRemoved(const QString &kernelName);

private:
    struct Event
    {
        QString name;
        bool removed;
    };

    void readUdevEvents();
    void finishRescan(const QList<BlockDeviceInfo> &devices);
    void deliverEvents(const QList<Event> &events, const QList<std::optional<BlockDeviceInfo>> &devices);

    BlockDeviceScanner m_scanner;
    QString m_root;
    udev *m_udev = nullptr;
    udev_monitor *m_monitor = nullptr;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_poll;
    QThread m_thread;
    QObject *m_worker; // lives in m_thread: the context of the scans
    bool m_scanning = false;
    bool m_rescanPending = false;
};

} // namespace Volmap
