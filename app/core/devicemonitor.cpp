#include "devicemonitor.h"

#include <QFileInfo>

#include <libudev.h>

namespace Volmap {

DeviceMonitor::DeviceMonitor(const QString &root, QObject *parent)
    : QObject(parent)
    , m_scanner(root)
    , m_root(root)
{
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &DeviceMonitor::rescan);
}

DeviceMonitor::~DeviceMonitor()
{
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
        if (m_monitor && udev_monitor_filter_add_match_subsystem_devtype(m_monitor, "block", nullptr) >= 0 &&
            udev_monitor_enable_receiving(m_monitor) >= 0) {
            m_notifier = std::make_unique<QSocketNotifier>(udev_monitor_get_fd(m_monitor), QSocketNotifier::Read);
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
    Q_EMIT rescanned(m_scanner.scanAll());
}

void DeviceMonitor::readUdevEvents()
{
    while (udev_device *event = udev_monitor_receive_device(m_monitor)) {
        const QString action = QString::fromUtf8(udev_device_get_action(event));
        const QString name = QString::fromUtf8(udev_device_get_sysname(event));
        udev_device_unref(event);
        if (action == u"remove") {
            Q_EMIT deviceRemoved(name);
        } else if (const auto device = m_scanner.scan(name)) {
            Q_EMIT deviceChanged(*device);
        } else {
            Q_EMIT deviceRemoved(name); // e.g. a loop device detached: size 0
        }
    }
}

} // namespace Volmap
