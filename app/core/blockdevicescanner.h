// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "devicescan.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Volmap {

QString kindName(DeviceKind kind); // "disk", "part", "loop", "dm", "md", "rom", "ram", "zram"

/*
 * Everything the app shows about one block device. Filesystem facts come
 * from the udev database when udev has one (readable without privileges,
 * as lsblk does it), otherwise from libblkid if the node can be opened.
 */
struct BlockDeviceInfo
{
    QString kernelName; // sda1
    QString node;       // /dev/sda1
    DeviceNumber number;
    DeviceKind kind = DeviceKind::Disk;
    QString parent; // a partition's disk (kernel name)
    quint64 sizeInSectors = 0;
    quint32 logicalBlockSize = 512;
    quint32 physicalBlockSize = 512;
    quint64 partitionStart = 0; // sectors, partitions only
    QString model;
    QString serial;
    bool readOnly = false;
    bool removable = false;
    QString fsType;
    QString fsLabel;
    QString fsUuid;
    QString partUuid;
    QString partTableType;         // a disk's own table; for a partition, the table it is in
    bool filesystemProbed = false; // libblkid read the device (no udev database)
    QStringList mountPoints;
    bool swap = false;
    QStringList holders; // kernel names of devices built on this one
    QStringList slaves;  // kernel names of devices this one is built on (dm, md)
    QString dmName;      // device-mapper devices
    QString dmUuid;
    QString loopBackingFile;

    quint64 sizeInBytes() const { return sizeInSectors * 512; }
    /* Why a new mapping should not use this device, or empty. */
    QString inUseReason() const;
    bool operator==(const BlockDeviceInfo &) const = default;
};

/* The plain scan's device as the app's. */
BlockDeviceInfo blockDeviceInfo(const ScannedDevice &device);

/*
 * Lists block devices from sysfs, /proc and libblkid, unprivileged: a
 * device that cannot be opened is still listed. `root` prefixes /sys,
 * /proc, /run and /dev for tests ("" on a real system). The scan itself
 * is Qt-free (devicescan.h), for volmapctl's listing without Qt; this is
 * its face for the app.
 */
class BlockDeviceScanner
{
public:
    explicit BlockDeviceScanner(const QString &root = QString());

    /* Every device with a size, disks before their partitions. */
    QList<BlockDeviceInfo> scanAll() const;
    /* One device by kernel name (for hotplug updates); nullopt if gone. */
    std::optional<BlockDeviceInfo> scan(const QString &kernelName) const;

private:
    std::string m_root;
};

} // namespace Volmap
