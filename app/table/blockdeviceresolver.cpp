#include "blockdeviceresolver.h"

#include "tabletext.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace Volmap {

namespace {

// sysfs attributes are one short line.
QString readAttribute(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QString();
    }
    return QString::fromUtf8(file.readLine()).trimmed();
}

} // namespace

BlockDeviceResolver::BlockDeviceResolver(const QString &root)
    : m_root(root)
{
}

std::variant<ResolvedDevice, QString> BlockDeviceResolver::resolve(const DeviceReference &reference) const
{
    if (const auto *number = std::get_if<DeviceNumber>(&reference.value)) {
        return describe(*number);
    }
    const QString path = std::get<QString>(reference.value);
    struct stat info = {};
    if (::stat(QFile::encodeName(m_root + path).constData(), &info) != 0) {
        return QStringLiteral("%1 does not exist").arg(path);
    }
    if (!S_ISBLK(info.st_mode)) {
        return QStringLiteral("%1 is not a block device").arg(path);
    }
    return describe(DeviceNumber{::major(info.st_rdev), ::minor(info.st_rdev)}, path);
}

std::variant<ResolvedDevice, QString> BlockDeviceResolver::describe(DeviceNumber number,
                                                                    const QString &displayName) const
{
    const QString dir = m_root + QStringLiteral("/sys/dev/block/") + number.toString();
    const auto size = parseDecimal(readAttribute(dir + QStringLiteral("/size")));
    if (!size) {
        return QStringLiteral("no block device %1 exists").arg(number.toString());
    }
    ResolvedDevice device;
    device.geometry.number = number;
    device.geometry.sizeInSectors = *size;
    const QString kernelName = QFileInfo(QFileInfo(dir).canonicalFilePath()).fileName();
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
            return QStringLiteral("cannot find the disk of partition %1").arg(device.geometry.displayName);
        }
        device.disk = *parentNumber;
        device.startOnDisk = *start;
        queueDir = parent + QStringLiteral("/queue");
    }
    const auto blockSize = parseDecimal(readAttribute(queueDir + QStringLiteral("/logical_block_size")));
    device.geometry.logicalBlockSize = blockSize && *blockSize >= 512 ? quint32(*blockSize) : 512;
    return device;
}

DeviceResolver BlockDeviceResolver::tableResolver() const
{
    return [resolver = *this](const DeviceReference &reference) -> std::variant<BlockDeviceGeometry, QString> {
        auto resolved = resolver.resolve(reference);
        if (auto *problem = std::get_if<QString>(&resolved)) {
            return *problem;
        }
        return std::get<ResolvedDevice>(resolved).geometry;
    };
}

} // namespace Volmap
