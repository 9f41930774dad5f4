// SPDX-License-Identifier: GPL-2.0-or-later
#include "rangesignature.h"

#include "blkidprobe.h"
#include "filedescriptor.h"

#include <QCoreApplication>
#include <QFile>

#include <blkid/blkid.h>

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

// More results than this means the loop is wrong, not that the range is rich.
constexpr int MaxSignatures = 64;
constexpr qsizetype MaxValueLength = 128;

// Copied at once: the pointer is only good while the probe lives.
QString lookup(blkid_probe probe, const char *name)
{
    const char *value = nullptr;
    size_t size = 0;
    if (blkid_probe_lookup_value(probe, name, &value, &size) != 0 || !value) {
        return QString();
    }
    return QString::fromUtf8(value, qsizetype(qMin<size_t>(std::strlen(value), MaxValueLength)));
}

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

RangeSignature probeSuperblocks(int fd, quint64 offset, quint64 length)
{
    BlkidProbe probe(blkid_new_probe());
    if (!probe || blkid_probe_set_device(probe.get(), fd, blkid_loff_t(offset), blkid_loff_t(length)) != 0) {
        return unknown(QCoreApplication::translate("Volmap::RangeSignature", "libblkid could not read it"));
    }
    blkid_probe_enable_partitions(probe.get(), 0);
    blkid_probe_enable_topology(probe.get(), 0);
    blkid_probe_enable_superblocks(probe.get(), 1);
    blkid_probe_set_superblocks_flags(probe.get(), BLKID_SUBLKS_TYPE | BLKID_SUBLKS_USAGE | BLKID_SUBLKS_LABEL
                                                       | BLKID_SUBLKS_UUID | BLKID_SUBLKS_BADCSUM);
    RangeSignature best;
    best.kind = RangeSignature::Kind::Nothing;
    int status = 0;
    for (int found = 0; found < MaxSignatures && (status = blkid_do_probe(probe.get())) == 0; ++found) {
        const QString type = lookup(probe.get(), "TYPE");
        const RangeSignature::Kind kind = signatureKindOf(type, lookup(probe.get(), "USAGE"));
        if (rankOf(kind) > rankOf(best.kind)) {
            best = {kind, type, lookup(probe.get(), "LABEL"), lookup(probe.get(), "UUID"), QString(), false};
        }
    }
    if (status < 0 && best.kind == RangeSignature::Kind::Nothing) {
        return unknown(QCoreApplication::translate("Volmap::RangeSignature", "libblkid could not read it"));
    }
    return best;
}

QString partitionTableOf(int fd, quint64 offset, quint64 length)
{
    BlkidProbe probe(blkid_new_probe());
    if (!probe || blkid_probe_set_device(probe.get(), fd, blkid_loff_t(offset), blkid_loff_t(length)) != 0) {
        return QString();
    }
    blkid_probe_enable_superblocks(probe.get(), 0);
    blkid_probe_enable_topology(probe.get(), 0);
    blkid_probe_enable_partitions(probe.get(), 1);
    return blkid_do_safeprobe(probe.get()) == 0 ? lookup(probe.get(), "PTTYPE") : QString();
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
    // O_NONBLOCK: a drive without a medium answers at once instead of
    // waiting; O_NOFOLLOW with `expected`: the node itself, not a link's target.
    const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (expected ? O_NOFOLLOW : 0);
    const FileDescriptor fd(::open(QFile::encodeName(path).constData(), flags));
    if (fd.get() < 0) {
        return unknown(errnoText(errno));
    }
    if (expected) {
        struct stat info = {};
        if (::fstat(fd.get(), &info) != 0 || !S_ISBLK(info.st_mode)
            || DeviceNumber{::major(info.st_rdev), ::minor(info.st_rdev)} != *expected) {
            return unknown(
                QCoreApplication::translate("Volmap::RangeSignature", "%1 is not the node of device %2")
                    .arg(path, expected->toString()));
        }
    }
    const quint64 offset = offsetInSectors * 512;
    const quint64 length = lengthInSectors * 512;
    RangeSignature found = probeSuperblocks(fd.get(), offset, length);
    if (found.kind == RangeSignature::Kind::Nothing) {
        // Partition tables only where no superblock is: a filesystem on a
        // whole disk is what a leftover protective MBR would hide.
        const QString table = partitionTableOf(fd.get(), offset, length);
        if (!table.isEmpty()) {
            found.kind = RangeSignature::Kind::PartitionTable;
            found.type = table;
        }
    }
    return found;
}

RangeSignature udevSignature(const QString &root, DeviceNumber number)
{
    QFile file(root + QStringLiteral("/run/udev/data/b") + number.toString());
    if (!file.open(QIODevice::ReadOnly)) {
        return unknown(
            QCoreApplication::translate("Volmap::RangeSignature", "cannot be read, and udev has no record"));
    }
    QString type, usage, label, uuid, table;
    const QList<QByteArray> lines = file.read(256 * 1024).split('\n');
    for (const QByteArray &line : lines) {
        const auto take = [&line](const char *key, QString &into) {
            const QByteArray prefix = QByteArray("E:") + key + '=';
            if (line.startsWith(prefix)) {
                into = QString::fromUtf8(line.mid(prefix.size()).left(MaxValueLength));
            }
        };
        take("ID_FS_TYPE", type);
        take("ID_FS_USAGE", usage);
        take("ID_FS_LABEL", label);
        take("ID_FS_UUID", uuid);
        take("ID_PART_TABLE_TYPE", table);
    }
    RangeSignature found;
    found.fromUdev = true;
    if (!type.isEmpty()) {
        found.kind = signatureKindOf(type, usage);
        found.type = type;
        // ID_FS_LABEL has unsafe characters replaced; _ENC keeps them \x-escaped.
        found.label = label;
        found.uuid = uuid;
    } else if (!table.isEmpty()) {
        found.kind = RangeSignature::Kind::PartitionTable;
        found.type = table;
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
