// SPDX-License-Identifier: GPL-2.0-or-later
#include "blockdevicescanner.h"

#include "devicelog.h"

#include <QCoreApplication>
#include <QFile>

namespace Volmap {

namespace {

QString text(const std::string &utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

QStringList texts(const std::vector<std::string> &list)
{
    QStringList result;
    result.reserve(qsizetype(list.size()));
    for (const std::string &item : list) {
        result.append(text(item));
    }
    return result;
}

} // namespace

QString kindName(DeviceKind kind)
{
    return QString::fromLatin1(deviceKindText(kind));
}

QString BlockDeviceInfo::inUseReason() const
{
    if (!mountPoints.isEmpty()) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "mounted at %1")
            .arg(mountPoints.join(QStringLiteral(", ")));
    }
    if (swap) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "used as swap");
    }
    if (!holders.isEmpty()) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "held by %1")
            .arg(holders.join(QStringLiteral(", ")));
    }
    return QString();
}

BlockDeviceInfo blockDeviceInfo(const ScannedDevice &d)
{
    BlockDeviceInfo device;
    device.kernelName = text(d.kernelName);
    device.node = text(d.node);
    device.number = DeviceNumber{d.major, d.minor};
    device.kind = d.kind;
    device.parent = text(d.parent);
    device.sizeInSectors = d.sizeInSectors;
    device.logicalBlockSize = d.logicalBlockSize;
    device.physicalBlockSize = d.physicalBlockSize;
    device.partitionStart = d.partitionStart;
    device.model = text(d.model);
    device.serial = text(d.serial);
    device.readOnly = d.readOnly;
    device.removable = d.removable;
    device.fsType = text(d.fsType);
    device.fsLabel = text(d.fsLabel);
    device.fsUuid = text(d.fsUuid);
    device.partUuid = text(d.partUuid);
    device.partTableType = text(d.partTableType);
    device.filesystemProbed = d.filesystemProbed;
    device.mountPoints = texts(d.mountPoints);
    device.swap = d.swap;
    device.holders = texts(d.holders);
    device.slaves = texts(d.slaves);
    device.dmName = text(d.dmName);
    device.dmUuid = text(d.dmUuid);
    device.loopBackingFile = text(d.loopBackingFile);
    return device;
}

BlockDeviceScanner::BlockDeviceScanner(const QString &root)
    : m_root(QFile::encodeName(root).toStdString())
{}

QList<BlockDeviceInfo> BlockDeviceScanner::scanAll() const
{
    const std::vector<ScannedDevice> scanned = scanBlockDevices(m_root);
    QList<BlockDeviceInfo> devices;
    devices.reserve(qsizetype(scanned.size()));
    for (const ScannedDevice &device : scanned) {
        devices.append(blockDeviceInfo(device));
    }
    qCDebug(devicesLog, "scanned %lld block devices under %s/sys/class/block", qlonglong(devices.size()),
            m_root.c_str());
    return devices;
}

std::optional<BlockDeviceInfo> BlockDeviceScanner::scan(const QString &kernelName) const
{
    const auto device = scanBlockDevice(m_root, QFile::encodeName(kernelName).toStdString());
    return device ? std::optional(blockDeviceInfo(*device)) : std::nullopt;
}

} // namespace Volmap
