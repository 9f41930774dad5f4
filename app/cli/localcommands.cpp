// SPDX-License-Identifier: GPL-2.0-or-later
#include "localcommands.h"

#include "blockdevicescanner.h"
#include "ctloutput.h"
#include "devicelisting.h"
#include "sizeunits.h"
#include "tabletext.h"

#include <QJsonObject>
#include <QTime>

namespace Volmap {

LocalCommands::LocalCommands(CtlOptions options, QObject *parent)
    : CtlCommand(std::move(options), parent)
{}

void LocalCommands::start()
{
    if (m_options.command == u"check") {
        check();
    } else {
        devices();
    }
}

void LocalCommands::check()
{
    if (!needArguments(1, QStringLiteral("check FILE|-"))) {
        return;
    }
    m_options.tableFile = m_options.arguments[0];
    const auto text = readTable();
    if (!text) {
        return;
    }
    const ParsedTable parsed = parseTable(*text);
    const quint64 sectors = parsed.table.lengthInSectors();
    if (m_options.json) {
        printJson(QJsonObject{{QStringLiteral("valid"), true},
                              {QStringLiteral("segments"), int(parsed.table.segments.size())},
                              {QStringLiteral("sectors"), qint64(sectors)}});
    } else {
        out() << m_options.tableFile << ": valid, " << parsed.table.segments.size() << " segments, "
              << sectors << " sectors (" << bytesOfSectors(sectors) << ")\n";
    }
    finish(ExitOk);
}

void LocalCommands::devices()
{
    if (!needArguments(0, QStringLiteral("devices [--json] [--follow [--count N]]"))) {
        return;
    }
    if (m_options.follow) {
        followDevices();
        return;
    }
    // The program prints `devices` and `devices --json` itself, without
    // Qt; other spellings of them come here and print the same.
    const std::vector<ScannedDevice> devices = scanBlockDevices(std::string());
    out() << QString::fromStdString(m_options.json ? devicesJsonText(devices) : devicesTableText(devices));
    out().flush();
    finish(ExitOk);
}

void LocalCommands::reportDevice(const QString &what, const BlockDeviceInfo &device)
{
    out() << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << ' ' << what << ' '
          << device.kernelName << ' ' << device.number.toString() << ' ' << kindName(device.kind) << ' '
          << formatSizeHuman(device.sizeInBytes());
    if (!device.fsType.isEmpty()) {
        out() << ' ' << device.fsType;
    }
    if (const QString usage = device.inUseReason(); !usage.isEmpty()) {
        out() << " (" << usage << ')';
    }
    out() << '\n';
    out().flush();
    ++m_samples;
    if (m_options.count > 0 && m_samples >= m_options.count) {
        finish(ExitOk);
    }
}

void LocalCommands::followDevices()
{
    m_monitor = std::make_unique<DeviceMonitor>();
    // The monitor scans on its own thread: the first listing arrives later.
    auto announced = std::make_shared<bool>(false);
    connect(m_monitor.get(), &DeviceMonitor::rescanned, this,
            [this, announced](const QList<BlockDeviceInfo> &devices) {
                if (!*announced) {
                    *announced = true;
                    out() << "following " << devices.size() << " block devices ("
                          << (m_monitor->usesUdev() ? "udev events" : "polling") << ")\n";
                    out().flush();
                }
                QHash<QString, BlockDeviceInfo> now;
                for (const BlockDeviceInfo &device : devices) {
                    now.insert(device.kernelName, device);
                }
                const bool first = m_known.isEmpty() && m_samples == 0;
                for (const BlockDeviceInfo &device : devices) {
                    if (first) {
                        continue;
                    }
                    if (!m_known.contains(device.kernelName)) {
                        reportDevice(QStringLiteral("added"), device);
                    } else if (!(m_known.value(device.kernelName) == device)) {
                        reportDevice(QStringLiteral("changed"), device);
                    }
                }
                for (const BlockDeviceInfo &gone : std::as_const(m_known)) {
                    if (!now.contains(gone.kernelName)) {
                        reportDevice(QStringLiteral("removed"), gone);
                    }
                }
                m_known = now;
            });
    connect(m_monitor.get(), &DeviceMonitor::deviceChanged, this, [this](const BlockDeviceInfo &device) {
        const auto known = m_known.constFind(device.kernelName);
        if (known != m_known.cend() && *known == device) {
            return; // udev often says "change" twice
        }
        const bool added = known == m_known.cend();
        m_known.insert(device.kernelName, device);
        reportDevice(added ? QStringLiteral("added") : QStringLiteral("changed"), device);
    });
    connect(m_monitor.get(), &DeviceMonitor::deviceRemoved, this, [this](const QString &name) {
        if (m_known.contains(name)) {
            reportDevice(QStringLiteral("removed"), m_known.take(name));
        }
    });
    m_monitor->start();
}

} // namespace Volmap
