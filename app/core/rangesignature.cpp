// SPDX-License-Identifier: GPL-2.0-or-later
#include "rangesignature.h"

#include "blkidrange.h"
#include "filedescriptor.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <memory>
#include <type_traits>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap {

namespace {

// Which of several signatures libblkid lists speaks for the range: an
// owner's header before a filesystem (a LUKS header over an old ext4 is
// LUKS), a filesystem before swap and the rest.
int rankOf(RangeSignature::Kind kind)
{
    using Kind = RangeSignature::Kind;
    switch (kind) {
    case Kind::Luks:
    case Kind::Lvm:
    case Kind::Raid:
    case Kind::Bcache:
        return 4;
    case Kind::Filesystem:
        return 3;
    case Kind::Swap:
        return 2;
    case Kind::Other:
        return 1;
    default:
        return 0;
    }
}

RangeSignature unknown(const QString &why)
{
    RangeSignature signature;
    signature.why = why;
    return signature;
}

QString fromBlkid(const std::string &value)
{
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

RangeSignature probeSuperblocks(int fd, quint64 offset, quint64 length)
{
    const SuperblockScan scan = scanSuperblocks(fd, offset, length);
    if (!scan.probed) {
        return unknown(QCoreApplication::translate("Volmap::RangeSignature", "libblkid could not read it"));
    }
    RangeSignature best;
    best.kind = RangeSignature::Kind::Nothing;
    for (const BlkidSignature &found : scan.signatures) {
        const QString type = fromBlkid(found.type);
        const RangeSignature::Kind kind = signatureKindOf(type, fromBlkid(found.usage));
        if (rankOf(kind) > rankOf(best.kind)) {
            best = {kind, type, fromBlkid(found.label), fromBlkid(found.uuid), QString(), false};
        }
    }
    if (scan.readFailed && best.kind == RangeSignature::Kind::Nothing) {
        return unknown(QCoreApplication::translate("Volmap::RangeSignature", "libblkid could not read it"));
    }
    return best;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

RangeSignature::Kind signatureKindOf(const QString &type, const QString &usage)
{
    using Kind = RangeSignature::Kind;
    if (type.isEmpty() && usage.isEmpty()) {
        return Kind::Nothing;
    }
    if (type == u"LVM2_member" || type == u"LVM1_member") {
        return Kind::Lvm;
    }
    if (type == u"bcache") {
        return Kind::Bcache;
    }
    if (type == u"swap" || type == u"swsuspend") {
        return Kind::Swap;
    }
    if (type.endsWith(u"_raid_member") || usage == u"raid") {
        return Kind::Raid;
    }
    if (type == u"crypto_LUKS" || usage == u"crypto") {
        return Kind::Luks;
    }
    // The device list has TYPE without USAGE: most types are filesystems.
    if (usage == u"filesystem" || usage.isEmpty()) {
        return Kind::Filesystem;
    }
    return Kind::Other;
}

QString RangeSignature::description() const
{
    switch (kind) {
    case Kind::Unknown:
        return why.isEmpty()
                   ? QCoreApplication::translate("Volmap::RangeSignature", "not known (cannot be read)")
                   : QCoreApplication::translate("Volmap::RangeSignature", "not known (%1)").arg(why);
    case Kind::Nothing:
        return QCoreApplication::translate("Volmap::RangeSignature", "no known signature");
    case Kind::PartitionTable:
        return QCoreApplication::translate("Volmap::RangeSignature", "partition table (%1)").arg(type);
    case Kind::Swap:
        return QCoreApplication::translate("Volmap::RangeSignature", "swap space (%1)").arg(type);
    case Kind::Lvm:
        return QCoreApplication::translate("Volmap::RangeSignature", "LVM physical volume (%1)").arg(type);
    case Kind::Luks:
        return QCoreApplication::translate("Volmap::RangeSignature", "encrypted volume (%1)").arg(type);
    case Kind::Raid:
        return QCoreApplication::translate("Volmap::RangeSignature", "RAID member (%1)").arg(type);
    case Kind::Bcache:
        return QCoreApplication::translate("Volmap::RangeSignature", "bcache device (%1)").arg(type);
    case Kind::Other:
        return QCoreApplication::translate("Volmap::RangeSignature", "%1 signature").arg(type);
    case Kind::Filesystem:
        break;
    }
    QString text = QCoreApplication::translate("Volmap::RangeSignature", "%1 filesystem").arg(type);
    if (!label.isEmpty()) {
        text += QCoreApplication::translate("Volmap::RangeSignature", " labelled “%1”").arg(label);
    }
    if (!uuid.isEmpty()) {
        text += QCoreApplication::translate("Volmap::RangeSignature", " (UUID %1)").arg(uuid);
    }
    return text;
}

RangeSignature probeRangeSignature(const QString &path, quint64 offsetInSectors, quint64 lengthInSectors,
                                   std::optional<DeviceNumber> expected)
{
    int descriptor = -1;
    const NodeOpen opened = openProbeNode(
        QFile::encodeName(path).constData(),
        expected ? std::optional<dev_t>(::makedev(expected->major, expected->minor)) : std::nullopt,
        descriptor);
    if (opened == NodeOpen::Failed) {
        return unknown(errnoText(errno));
    }
    if (opened == NodeOpen::NotThatDevice) {
        return unknown(
            QCoreApplication::translate("Volmap::RangeSignature", "%1 is not the node of device %2")
                .arg(path, expected->toString()));
    }
    const FileDescriptor fd(descriptor);
    const quint64 offset = offsetInSectors * 512;
    const quint64 length = lengthInSectors * 512;
    RangeSignature found = probeSuperblocks(fd.get(), offset, length);
    if (found.kind == RangeSignature::Kind::Nothing) {
        // Partition tables only where no superblock is: a filesystem on a
        // whole disk is what a leftover protective MBR would hide.
        const QString table = fromBlkid(partitionTableType(fd.get(), offset, length));
        if (!table.isEmpty()) {
            found.kind = RangeSignature::Kind::PartitionTable;
            found.type = table;
        }
    }
    return found;
}

RangeSignature udevSignature(const QString &root, DeviceNumber number)
{
    const UdevContentRecord record = udevContentRecord(QFile::encodeName(root).toStdString(), number.major,
                                                       number.minor);
    if (!record.found) {
        return unknown(
            QCoreApplication::translate("Volmap::RangeSignature", "cannot be read, and udev has no record"));
    }
    RangeSignature found;
    found.fromUdev = true;
    if (!record.type.empty()) {
        found.type = fromBlkid(record.type);
        found.kind = signatureKindOf(found.type, fromBlkid(record.usage));
        // ID_FS_LABEL has unsafe characters replaced; _ENC keeps them \x-escaped.
        found.label = fromBlkid(record.label);
        found.uuid = fromBlkid(record.uuid);
    } else if (!record.partitionTable.empty()) {
        found.kind = RangeSignature::Kind::PartitionTable;
        found.type = fromBlkid(record.partitionTable);
    } else {
        // udev's blkid builtin found nothing at the start of the device.
        found.kind = RangeSignature::Kind::Nothing;
    }
    return found;
}

RangeSignature signatureOfRange(const QString &root, const QString &node, DeviceNumber number,
                                quint64 offsetInSectors, quint64 lengthInSectors)
{
    const RangeSignature probed = probeRangeSignature(root + node, offsetInSectors, lengthInSectors, number);
    if (probed.kind != RangeSignature::Kind::Unknown) {
        return probed;
    }
    if (offsetInSectors == 0) {
        RangeSignature fromUdev = udevSignature(root, number);
        if (fromUdev.kind != RangeSignature::Kind::Unknown) {
            return fromUdev;
        }
    }
    return probed;
}

} // namespace Volmap
