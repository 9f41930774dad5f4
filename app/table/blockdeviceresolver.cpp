// SPDX-License-Identifier: GPL-2.0-or-later
#include "blockdeviceresolver.h"

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

// Enough for every chain udev makes (/dev/disk/by-*/..., /dev/mapper/...).
constexpr int MaxSymlinkHops = 16;

/*
 * Walks `path` (which starts with /dev/) one component at a time with
 * lstat() and readlink(), so the kernel never follows a link for us: a link
 * leading out of /dev, or through /dev/shm or /dev/mqueue (the two places
 * under /dev where any user can make files), ends the walk before anything
 * outside /dev is touched. So a link to a FUSE or NFS mount cannot block us
 * and a caller cannot learn anything about files elsewhere. The device
 * number of the block device node it names, or std::nullopt.
 */
std::optional<dev_t> blockDeviceNodeUnderDev(const QString &root, QStringView path)
{
    QStringList pending = path.sliced(5).toString().split(u'/', Qt::SkipEmptyParts);
    QStringList current{QStringLiteral("dev")};
    int hops = 0;
    while (!pending.isEmpty()) {
        const QString component = pending.takeFirst();
        if (component == u".") {
            continue;
        }
        if (component == u"..") {
            if (current.size() <= 1) {
                return std::nullopt; // would leave /dev
            }
            current.removeLast();
            continue;
        }
        if (current.size() == 1 && (component == u"shm" || component == u"mqueue")) {
            return std::nullopt;
        }
        const QString here = u'/' + current.join(u'/') + u'/' + component;
        const QByteArray native = QFile::encodeName(root + here);
        struct stat info = {};
        if (::lstat(native.constData(), &info) != 0) {
            return std::nullopt;
        }
        if (!S_ISLNK(info.st_mode)) {
            if (pending.isEmpty()) {
                return S_ISBLK(info.st_mode) ? std::optional<dev_t>(info.st_rdev) : std::nullopt;
            }
            if (!S_ISDIR(info.st_mode)) {
                return std::nullopt;
            }
            current.append(component);
            continue;
        }
        if (++hops > MaxSymlinkHops) {
            return std::nullopt;
        }
        char target[4096];
        const ssize_t length = ::readlink(native.constData(), target, sizeof(target) - 1);
        if (length <= 0) {
            return std::nullopt;
        }
        const QString link = QFile::decodeName(QByteArray(target, length));
        QStringList spliced;
        if (link.startsWith(u'/')) {
            if (link != u"/dev" && !link.startsWith(u"/dev/")) {
                return std::nullopt;
            }
            current = QStringList{QStringLiteral("dev")};
            spliced = link.sliced(4).split(u'/', Qt::SkipEmptyParts);
        } else {
            spliced = link.split(u'/', Qt::SkipEmptyParts);
        }
        pending = spliced + pending;
    }
    return std::nullopt; // "/dev/" itself
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
    const auto node = blockDeviceNodeUnderDev(m_root, path);
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
