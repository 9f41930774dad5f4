#include "deviceinspector.h"

#include "tabletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace Volmap {

namespace {

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
    , m_resolver(root)
{
}

std::variant<ResolvedDevice, QString> SystemDeviceInspector::resolve(const DeviceReference &reference)
{
    return m_resolver.resolve(reference);
}

void SystemDeviceInspector::addClaim(QList<DeviceClaim> &claims, DeviceNumber number, const QString &description)
{
    const auto resolved = m_resolver.describe(number);
    if (const auto *device = std::get_if<ResolvedDevice>(&resolved)) {
        claims.append({DeviceClaim::Kind::InUse, device->disk, device->startOnDisk, device->geometry.sizeInSectors,
                       description});
    }
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
        if (const auto number = parseDeviceNumber(fields[2]); number && number->major != 0) {
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
            if (const auto number = parseDeviceNumber(entry)) {
                addClaim(claims, *number, QStringLiteral("held by %1").arg(holder));
            }
        }
    }
    return claims;
}

} // namespace Volmap
