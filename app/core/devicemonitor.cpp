// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicemonitor.h"

#include "devicelog.h"

#include <QFileInfo>

#include <libudev.h>

namespace Volmap {

DeviceMonitor::DeviceMonitor(const QString &root, QObject *parent)
    : QObject(parent)
    , m_scanner(root)
    , m_root(root)
    , m_worker(new QObject)
{
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &DeviceMonitor::rescan);
    m_thread.setObjectName(QStringLiteral("volmap-device-scan"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

DeviceMonitor::~DeviceMonitor()
{
    m_poll.stop();
    m_thread.quit();
    m_thread.wait();
    m_notifier.reset();
    if (m_monitor) {
        udev_monitor_unref(m_monitor);
    }
    if (m_udev) {
        udev_unref(m_udev);
    }
}

void DeviceMonitor::start()
{
    // udev's events are worth following only while udevd runs.
    const bool udevRunning = m_root.isEmpty() && QFileInfo::exists(QStringLiteral("/run/udev/control"));
    if (udevRunning) {
        m_udev = udev_new();
        m_monitor = m_udev ? udev_monitor_new_from_netlink(m_udev, "udev") : nullptr;
        if (m_monitor && udev_monitor_filter_add_match_subsystem_devtype(m_monitor, "block", nullptr) >= 0
            && udev_monitor_enable_receiving(m_monitor) >= 0) {
            m_notifier = std::make_unique<QSocketNotifier>(udev_monitor_get_fd(m_monitor),
                                                           QSocketNotifier::Read);
            connect(m_notifier.get(), &QSocketNotifier::activated, this, &DeviceMonitor::readUdevEvents);
        }
    }
    rescan();
    if (!m_notifier) {
        m_poll.start();
    }
}

void DeviceMonitor::rescan()
{
    if (m_scanning) {
        m_rescanPending = true;
        return;
    }
    m_scanning = true;
    // The scanner is a value (the root path): the thread gets its own copy.
    QMetaObject::invokeMethod(m_worker, [this, scanner = m_scanner]() {
        const QList<BlockDeviceInfo> devices = scanner.scanAll();
        // Dropped by Qt if the monitor is gone by then.
        QMetaObject::invokeMethod(
            this, [this, devices]() { finishRescan(devices); }, Qt::QueuedConnection);
    });
}

void DeviceMonitor::finishRescan(const QList<BlockDeviceInfo> &devices)
{
    m_scanning = false;
    Q_EMIT rescanned(devices);
    if (m_rescanPending) {
        m_rescanPending = false;
        rescan();
    }
}

void DeviceMonitor::readUdevEvents()
{
    // Reading the netlink socket does not block; scanning the devices may.
    QList<Event> events;
    while (udev_device *event = udev_monitor_receive_device(m_monitor)) {
        const QString action = QString::fromUtf8(udev_device_get_action(event));
        events.append({QString::fromUtf8(udev_device_get_sysname(event)), action == u"remove"});
        udev_device_unref(event);
    }
    if (events.isEmpty()) {
        return;
    }
    QMetaObject::invokeMethod(m_worker, [this, scanner = m_scanner, events]() {
        QList<std::optional<BlockDeviceInfo>> devices;
        for (const Event &event : events) {
            devices.append(event.removed ? std::nullopt : scanner.scan(event.name));
        }
        QMetaObject::invokeMethod(
            this, [this, events, devices]() { deliverEvents(events, devices); }, Qt::QueuedConnection);
    });
}

void DeviceMonitor::deliverEvents(const QList<Event> &events,
                                  const QList<std::optional<BlockDeviceInfo>> &devices)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        qCDebug(devicesLog, "udev: %s %s", qPrintable(events[i].name), devices[i] ? "changed" : "removed");
        if (devices[i]) {
            Q_EMIT deviceChanged(*devices[i]);
        } else {
            Q_EMIT deviceRemoved(events[i].name); // removed, or e.g. a loop device detached: size 0
        }
    }
}

} // namespace Volmap
