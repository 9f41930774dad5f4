#pragma once

#include "blockdevices.h"

#include <QObject>
#include <QSocketNotifier>
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
 */
class DeviceMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit DeviceMonitor(const QString &root = QString(), QObject *parent = nullptr);
    ~DeviceMonitor() override;

    /* Emits `rescanned` once, then follows changes. */
    void start();
    /* A full scan now, e.g. after a mapping changed which devices are held. */
    void rescan();
    bool usesUdev() const { return m_notifier != nullptr; }
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

Q_SIGNALS:
    void rescanned(const QList<Volmap::BlockDeviceInfo> &devices);
    void deviceChanged(const Volmap::BlockDeviceInfo &device);
    void deviceRemoved(const QString &kernelName);

private:
    void readUdevEvents();

    BlockDeviceScanner m_scanner;
    QString m_root;
    udev *m_udev = nullptr;
    udev_monitor *m_monitor = nullptr;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_poll;
};

} // namespace Volmap
