// SPDX-License-Identifier: GPL-2.0-or-later
#include "blockdeviceresolver.h"

#include "devicenodewalk.h"
#include "sysfsattribute.h"
#include "tabletext.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <optional>

namespace Volmap {

namespace {

// sysfs attributes are one short line.
QString readAttribute(const QString &path)
{
    return readSysfsAttribute(path);
}

} // namespace

BlockDeviceResolver::BlockDeviceResolver(const QString &root)
    : m_root(root)
{}

Result<ResolvedDevice, QString> BlockDeviceResolver::resolve(const DeviceReference &reference) const
{
    if (const auto *number = std::get_if<DeviceNumber>(&reference.value)) {
        return describe(*number);
    }
    const QString path = std::get<QString>(reference.value);
    const auto node = blockDeviceNodeUnderDev(QFile::encodeName(m_root).toStdString(),
                                              QFile::encodeName(path).toStdString());
    if (!node) {
        // One answer for every kind of non-device: which one it was would
        // tell a caller about files it may not see.
        return fail(
            TableMessages::tr("%1 is not a block device node under /dev (outside /dev/shm and /dev/mqueue)")
                .arg(quotedInput(path)));
    }
    return describe(DeviceNumber{::major(*node), ::minor(*node)}, path);
}

Result<ResolvedDevice, QString> BlockDeviceResolver::describe(DeviceNumber number,
                                                              const QString &displayName) const
{
    const QString dir = m_root + QStringLiteral("/sys/dev/block/") + number.toString();
    const auto size = parseDecimal(readAttribute(dir + QStringLiteral("/size")));
    if (!size) {
        return fail(TableMessages::tr("no block device %1 exists").arg(number.toString()));
    }
    ResolvedDevice device;
    device.geometry.number = number;
    device.geometry.sizeInSectors = *size;
    const QString kernelName = sysfsKernelName(dir);
    device.geometry.displayName = displayName.isEmpty()
                                      ? QStringLiteral("/dev/%1 (%2)").arg(kernelName, number.toString())
                                      : displayName;
    device.disk = number;
    QString queueDir = dir + QStringLiteral("/queue");
    if (QFileInfo::exists(dir + QStringLiteral("/partition"))) {
        const QString parent = dir + QStringLiteral("/..");
        const auto parentNumber = parseDeviceNumber(readAttribute(parent + QStringLiteral("/dev")));
        const auto start = parseDecimal(readAttribute(dir + QStringLiteral("/start")));
        if (!parentNumber || !start) {
            return fail(
                TableMessages::tr("cannot find the disk of partition %1").arg(device.geometry.displayName));
        }
        device.disk = *parentNumber;
        device.startOnDisk = *start;
        queueDir = parent + QStringLiteral("/queue");
        device.model = readAttribute(parent + QStringLiteral("/device/model"));
    } else {
        device.model = readAttribute(dir + QStringLiteral("/device/model"));
    }
    const auto blockSize = parseDecimal(readAttribute(queueDir + QStringLiteral("/logical_block_size")));
    device.geometry.logicalBlockSize = blockSize && *blockSize >= 512 ? quint32(*blockSize) : 512;
    return device;
}

DeviceResolver BlockDeviceResolver::tableResolver() const
{
    return [resolver = *this](const DeviceReference &reference) -> Result<BlockDeviceGeometry, QString> {
        auto resolved = resolver.resolve(reference);
        if (!resolved) {
            return fail(std::move(resolved).error());
        }
        return resolved->geometry;
    };
}

} // namespace Volmap
