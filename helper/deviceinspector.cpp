#include "deviceinspector.h"

#include "deviceusage.h"

#include <QDir>
#include <QFile>

namespace Volmap {

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

bool SystemDeviceInspector::dependsOn(DeviceNumber device, DeviceNumber on)
{
    QList<DeviceNumber> pending{device};
    QList<DeviceNumber> seen;
    while (!pending.isEmpty()) {
        const DeviceNumber current = pending.takeLast();
        if (current == on) {
            return true;
        }
        if (seen.contains(current)) {
            continue;
        }
        seen.append(current);
        const QString slaves = m_root + QStringLiteral("/sys/dev/block/") + current.toString() + QStringLiteral("/slaves");
        for (const QString &slave : QDir(slaves).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile dev(m_root + QStringLiteral("/sys/class/block/") + slave + QStringLiteral("/dev"));
            if (dev.open(QIODevice::ReadOnly)) {
                if (const auto number = parseDeviceNumber(QString::fromUtf8(dev.readLine()).trimmed())) {
                    pending.append(*number);
                }
            }
        }
    }
    return false;
}

QList<DeviceClaim> SystemDeviceInspector::systemClaims()
{
    QList<DeviceClaim> claims;

    // mountinfo: "id parent major:minor root mountpoint ..."
    const QHash<QString, QStringList> mounts = readMountPoints(m_root);
    for (auto it = mounts.cbegin(); it != mounts.cend(); ++it) {
        if (const auto number = parseDeviceNumber(it.key()); number && number->major != 0) {
            addClaim(claims, *number, QStringLiteral("mounted at %1").arg(it.value().join(QStringLiteral(", "))));
        }
    }
    for (const DeviceNumber &swap : readSwapDevices(m_root)) {
        addClaim(claims, swap, QStringLiteral("used as swap"));
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
