// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceinspector.h"

#include "devicelog.h"
#include "deviceusage.h"
#include "sysfsattribute.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Volmap {

namespace {

// A sysfs attribute's first line, at most `limit` bytes: dm names and
// uuids are bounded by the kernel (128 bytes), and a message built from
// them stays bounded even if that ever changed.
QString readAttribute(const QString &path, qsizetype limit = 256)
{
    return readSysfsAttribute(path, limit);
}

// What kind of dm device holds a foreign device, from its uuid's prefix
// (the conventions of LVM, cryptsetup, multipath and kpartx).
QString holderKind(const QString &uuid)
{
    if (uuid.isEmpty()) {
        return QStringLiteral("device-mapper, no uuid");
    }
    QString kind = QStringLiteral("device-mapper");
    if (uuid.startsWith(u"LVM-")) {
        kind = QStringLiteral("LVM LV");
    } else if (uuid.startsWith(u"CRYPT-")) {
        kind = QStringLiteral("dm-crypt");
    } else if (uuid.startsWith(u"mpath-")) {
        kind = QStringLiteral("multipath");
    } else if (uuid.startsWith(u"part")) {
        kind = QStringLiteral("partition mapping");
    }
    return QStringLiteral("%1, uuid %2").arg(kind, uuid.left(128));
}

} // namespace

SystemDeviceInspector::SystemDeviceInspector(const QString &root, SignatureProbe probe)
    : m_root(root)
    , m_resolver(root)
    , m_probe(std::move(probe))
{}

Result<ResolvedDevice, QString> SystemDeviceInspector::resolve(const DeviceReference &reference)
{
    return m_resolver.resolve(reference);
}

void SystemDeviceInspector::addClaim(QList<DeviceClaim> &claims, DeviceNumber number,
                                     const QString &description, DeviceClaim::Kind kind)
{
    const auto resolved = m_resolver.describe(number);
    if (resolved) {
        const ResolvedDevice *device = &*resolved;
        claims.append({kind, device->disk, device->startOnDisk, device->geometry.sizeInSectors, description});
        qCDebug(devicesLog, "claim on %s (disk %s, sectors %llu+%llu): %s", qPrintable(number.toString()),
                qPrintable(device->disk.toString()), device->startOnDisk, device->geometry.sizeInSectors,
                qPrintable(description));
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
        pending.append(dependenciesOf(current));
    }
    return false;
}

QList<DeviceNumber> SystemDeviceInspector::dependenciesOf(DeviceNumber device) const
{
    QList<DeviceNumber> below;
    const QString slaves = m_root + QStringLiteral("/sys/dev/block/") + device.toString()
                           + QStringLiteral("/slaves");
    for (const QString &slave : QDir(slaves).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dev = readAttribute(m_root + QStringLiteral("/sys/class/block/") + slave
                                          + QStringLiteral("/dev"));
        if (const auto number = parseDeviceNumber(dev)) {
            below.append(*number);
        }
    }
    return below;
}

QList<DeviceClaim> SystemDeviceInspector::systemClaims()
{
    QList<DeviceClaim> claims;

    // mountinfo: "id parent major:minor root mountpoint ..."
    const QHash<QString, QStringList> mounts = readMountPoints(m_root);
    for (auto it = mounts.cbegin(); it != mounts.cend(); ++it) {
        if (const auto number = parseDeviceNumber(it.key()); number && number->major != 0) {
            addClaim(claims, *number,
                     QStringLiteral("mounted at %1").arg(it.value().join(QStringLiteral(", "))));
        }
    }
    for (const DeviceNumber &swap : readSwapDevices(m_root)) {
        addClaim(claims, swap, QStringLiteral("used as swap"));
    }

    // Holders other than device-mapper (md, bcache, ...): dm holders are
    // judged from their tables by the caller. And read-only devices: a
    // read-write table over one fails in the kernel, or at the first write.
    const QDir blockDir(m_root + QStringLiteral("/sys/dev/block"));
    for (const QString &entry : blockDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (readAttribute(blockDir.filePath(entry) + QStringLiteral("/ro")) == u"1") {
            if (const auto number = parseDeviceNumber(entry)) {
                addClaim(claims, *number, QStringLiteral("read-only"), DeviceClaim::Kind::ReadOnly);
            }
        }
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

QList<DeviceClaim> SystemDeviceInspector::foreignClaims(const QList<DeviceNumber> &disks)
{
    QList<DeviceClaim> claims;
    QList<DeviceNumber> done;
    for (const DeviceNumber &disk : disks) {
        if (done.contains(disk)) {
            continue;
        }
        done.append(disk);
        // The disk itself, then its partitions: the subfolders with a `partition` file.
        QList<DeviceNumber> devices{disk};
        const QDir diskDir(m_root + QStringLiteral("/sys/dev/block/") + disk.toString());
        for (const QString &entry : diskDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (!QFileInfo::exists(diskDir.filePath(entry) + QStringLiteral("/partition"))) {
                continue;
            }
            const QString dev = readAttribute(diskDir.filePath(entry) + QStringLiteral("/dev"));
            if (const auto number = parseDeviceNumber(dev)) {
                devices.append(*number);
            }
        }
        for (const DeviceNumber &device : devices) {
            addForeignClaims(claims, device);
        }
    }
    return claims;
}

void SystemDeviceInspector::addForeignClaims(QList<DeviceClaim> &claims, DeviceNumber number)
{
    const auto resolved = m_resolver.describe(number);
    if (!resolved) {
        return; // gone from sysfs: nothing can map it either
    }
    const ResolvedDevice *device = &*resolved;
    const QString dir = m_root + QStringLiteral("/sys/dev/block/") + number.toString();
    // sysfs spells a '/' in a kernel name as '!' (cciss!c0d0 is /dev/cciss/c0d0).
    QString kernelName = sysfsKernelName(dir);
    kernelName.replace(u'!', u'/');
    const QString node = QStringLiteral("/dev/") + kernelName;
    const auto claim = [&](const QString &sentence) {
        claims.append({DeviceClaim::Kind::Foreign, device->disk, device->startOnDisk,
                       device->geometry.sizeInSectors, node + u' ' + sentence});
    };

    const ForeignSignature signature = probeSignature(kernelName, number);
    if (signature.verdict == ForeignSignature::Verdict::Foreign) {
        claim(QStringLiteral("holds %1").arg(signature.description));
    } else if (signature.verdict == ForeignSignature::Verdict::Unreadable) {
        claim(signature.description
              + QStringLiteral(", so it cannot be checked for a foreign owner's signature"));
    }

    // dm holders: Volume Mapper's own mappings carry a VOLMAP- uuid; any
    // other (an LVM LV, a dm-crypt mapping, multipath) owns the device.
    const QDir holders(dir + QStringLiteral("/holders"));
    for (const QString &holder : holders.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!holder.startsWith(u"dm-")) {
            continue; // md, bcache, ...: systemClaims() reports those
        }
        const QString uuid = readAttribute(m_root + QStringLiteral("/sys/block/%1/dm/uuid").arg(holder));
        if (!uuid.startsWith(u"VOLMAP-")) {
            claim(QStringLiteral("is held by %1 (%2)").arg(holder.left(32), holderKind(uuid)));
        }
    }
}

ForeignSignature SystemDeviceInspector::probeSignature(const QString &kernelName, DeviceNumber number)
{
    const auto unreadable = [](const QString &reason) {
        return ForeignSignature{ForeignSignature::Verdict::Unreadable, QString(), reason};
    };
    if (kernelName.isEmpty() || kernelName.startsWith(u'.') || kernelName.contains(QStringLiteral("/."))) {
        return unreadable(QStringLiteral("has no usable kernel name"));
    }
    // Reading a suspended dm device would wait until someone resumes it.
    const QString suspended = m_root
                              + QStringLiteral("/sys/dev/block/%1/dm/suspended").arg(number.toString());
    if (readAttribute(suspended) == u"1") {
        return unreadable(QStringLiteral("is a suspended device-mapper device"));
    }
    // Only a node inside /dev: a folder on the way (/dev/cciss) may not lead elsewhere.
    const QString node = m_root + QStringLiteral("/dev/") + kernelName;
    const QString devDir = QFileInfo(m_root + QStringLiteral("/dev")).canonicalFilePath();
    const QString nodeDir = QFileInfo(QFileInfo(node).path()).canonicalFilePath();
    if (devDir.isEmpty() || (nodeDir != devDir && !nodeDir.startsWith(devDir + u'/'))) {
        return unreadable(QStringLiteral("has no node under /dev"));
    }
    return m_probe(node, number);
}

} // namespace Volmap
