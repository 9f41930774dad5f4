#include "deviceinspector.h"

#include "tabletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace Volmap {

namespace {

QString readLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QString();
    }
    return QString::fromUtf8(file.readLine()).trimmed();
}

std::optional<DeviceNumber> parseNumber(QStringView text)
{
    auto parsed = parseDeviceReference(text);
    if (auto *reference = std::get_if<DeviceReference>(&parsed); reference && reference->isNumber()) {
        return std::get<DeviceNumber>(reference->value);
    }
    return std::nullopt;
}

// Files in /proc report a size of 0, so QFile::atEnd() is true at once:
// read everything, then split.
QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll().split('\n');
}

// mountinfo escapes blanks and backslashes in paths as \ooo.
QString unescapeMountPath(QStringView text)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 3 < text.size()) {
            bool ok = false;
            const int code = text.sliced(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                result += QChar(code);
                i += 3;
                continue;
            }
        }
        result += text[i];
    }
    return result;
}

} // namespace

SystemDeviceInspector::SystemDeviceInspector(const QString &root)
    : m_root(root)
{
}

QString SystemDeviceInspector::sysfsDir(DeviceNumber number) const
{
    return m_root + QStringLiteral("/sys/dev/block/") + number.toString();
}

std::variant<ResolvedDevice, QString> SystemDeviceInspector::resolve(const DeviceReference &reference)
{
    if (const auto *number = std::get_if<DeviceNumber>(&reference.value)) {
        return describe(*number, QString());
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

std::variant<ResolvedDevice, QString> SystemDeviceInspector::describe(DeviceNumber number, const QString &displayName)
{
    const QString dir = sysfsDir(number);
    const auto size = parseDecimal(readLine(dir + QStringLiteral("/size")));
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
        const auto parentNumber = parseNumber(readLine(parent + QStringLiteral("/dev")));
        const auto start = parseDecimal(readLine(dir + QStringLiteral("/start")));
        if (!parentNumber || !start) {
            return QStringLiteral("cannot find the disk of partition %1").arg(device.geometry.displayName);
        }
        device.disk = *parentNumber;
        device.startOnDisk = *start;
        queueDir = parent + QStringLiteral("/queue");
    }
    const auto blockSize = parseDecimal(readLine(queueDir + QStringLiteral("/logical_block_size")));
    device.geometry.logicalBlockSize = blockSize && *blockSize >= 512 ? quint32(*blockSize) : 512;
    return device;
}

std::optional<ResolvedDevice> SystemDeviceInspector::resolveQuietly(DeviceNumber number)
{
    auto resolved = describe(number, QString());
    if (auto *device = std::get_if<ResolvedDevice>(&resolved)) {
        return *device;
    }
    return std::nullopt;
}

void SystemDeviceInspector::addClaim(QList<DeviceClaim> &claims, DeviceNumber number, const QString &description)
{
    const auto device = resolveQuietly(number);
    if (!device) {
        return;
    }
    claims.append({DeviceClaim::Kind::InUse, device->disk, device->startOnDisk, device->geometry.sizeInSectors,
                   description});
}

QList<DeviceClaim> SystemDeviceInspector::systemClaims()
{
    QList<DeviceClaim> claims;

    // mountinfo: "id parent major:minor root mountpoint ..."
    for (const QByteArray &line : readLines(m_root + QStringLiteral("/proc/self/mountinfo"))) {
        const QStringList fields = QString::fromUtf8(line).split(u' ');
        if (fields.size() < 5) {
            continue;
        }
        if (const auto number = parseNumber(fields[2]); number && number->major != 0) {
            addClaim(claims, *number, QStringLiteral("mounted at %1").arg(unescapeMountPath(fields[4])));
        }
    }

    const QList<QByteArray> swaps = readLines(m_root + QStringLiteral("/proc/swaps"));
    for (qsizetype i = 1; i < swaps.size(); ++i) { // line 0 is the header
        const QString path = unescapeMountPath(QString::fromUtf8(swaps[i]).section(u' ', 0, 0));
        struct stat info = {};
        if (!path.isEmpty() && ::stat(QFile::encodeName(m_root + path).constData(), &info) == 0 &&
            S_ISBLK(info.st_mode)) {
            addClaim(claims, DeviceNumber{::major(info.st_rdev), ::minor(info.st_rdev)},
                     QStringLiteral("used as swap"));
        }
    }

    // Holders other than device-mapper (md, bcache, ...): dm holders are
    // judged from their tables by the caller.
    const QDir blockDir(m_root + QStringLiteral("/sys/dev/block"));
    for (const QString &entry : blockDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir holders(blockDir.filePath(entry) + QStringLiteral("/holders"));
        for (const QString &holder : holders.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (holder.startsWith(u"dm-")) {
                continue;
            }
            if (const auto number = parseNumber(entry)) {
                addClaim(claims, *number, QStringLiteral("held by %1").arg(holder));
            }
        }
    }
    return claims;
}

} // namespace Volmap
