// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctlcommand.h"
#include "devicemonitor.h"

#include <QHash>

#include <memory>

namespace Volmap {

/*
 * The volmapctl commands that need no helper: `check` (a table file,
 * offline) and `devices` (sysfs, udev's database). They run in volmapctl
 * itself, which links no D-Bus library.
 */
class LocalCommands final : public CtlCommand
{
    Q_OBJECT

public:
    explicit LocalCommands(CtlOptions options, QObject *parent = nullptr);
    void start() override;

private:
    void check();
    void devices();
    void followDevices();
    void reportDevice(const QString &what, const BlockDeviceInfo &device);

    std::unique_ptr<DeviceMonitor> m_monitor;
    QHash<QString, BlockDeviceInfo> m_known;
    int m_samples = 0;
};

} // namespace Volmap
