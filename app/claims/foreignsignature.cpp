// SPDX-License-Identifier: GPL-2.0-or-later
#include "foreignsignature.h"

#include "blkidprobe.h"
#include "filedescriptor.h"

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

// libblkid has a few dozen superblock probers; more results than this
// means something is wrong with the loop, not that the device is rich.
constexpr int maxSignatures = 256;

// TYPE names come from libblkid's own prober table, but a message to a
// caller over the bus should not depend on that: short, plain characters.
QString plainName(const char *value)
{
    QString name;
    for (const char *c = value; *c && name.size() < 64; ++c) {
        const bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')
                           || *c == '_' || *c == '-' || *c == '.';
        name.append(plain ? QLatin1Char(*c) : QLatin1Char('?'));
    }
    return name;
}

// The value is copied at once: the pointer is only good while the probe lives.
QString lookup(blkid_probe probe, const char *name)
{
    const char *value = nullptr;
    if (blkid_probe_lookup_value(probe, name, &value, nullptr) != 0 || !value) {
        return QString();
    }
    return plainName(value);
}

ForeignSignature unreadable(const QString &reason)
{
    return {ForeignSignature::Verdict::Unreadable, QString(), reason};
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Every superblock on the open descriptor. Only the superblocks chain
// runs: a partition table is nobody's claim on the sectors (each
// partition is probed through its own node), and blkid_do_probe() in a
// loop, unlike blkid_do_safeprobe(), reports every signature instead of
// refusing an ambivalent device or stopping at the first RAID member.
ForeignSignature probeDescriptor(int fd)
{
    BlkidProbe probe(blkid_new_probe());
    if (!probe) {
        return unreadable(QStringLiteral("could not be probed (libblkid could not start)"));
    }
    if (blkid_probe_set_device(probe.get(), fd, 0, 0) != 0) {
        return unreadable(QStringLiteral("could not be probed (libblkid could not read its size)"));
    }
    blkid_probe_enable_partitions(probe.get(), 0);
    blkid_probe_enable_topology(probe.get(), 0);
    blkid_probe_enable_superblocks(probe.get(), 1);
    // BADCSUM: a header with a broken checksum is still somebody's header,
    // perhaps one they mean to repair.
    blkid_probe_set_superblocks_flags(probe.get(),
                                      BLKID_SUBLKS_TYPE | BLKID_SUBLKS_USAGE | BLKID_SUBLKS_BADCSUM);
    // Only the probers whose finds describeForeignSignature() can name:
    // RAID and volume managers (LVM, md), crypto (LUKS), other (bcache).
    // A filesystem is data, never an owner, and its probers are most of
    // libblkid's: this runs for every disk of every create and reload.
    blkid_probe_filter_superblocks_usage(probe.get(), BLKID_FLTR_ONLYIN,
                                         BLKID_USAGE_RAID | BLKID_USAGE_CRYPTO | BLKID_USAGE_OTHER);

    QList<FoundSignature> found;
    int status = 0;
    while (found.size() < maxSignatures && (status = blkid_do_probe(probe.get())) == 0) {
        found.append({lookup(probe.get(), "TYPE"), lookup(probe.get(), "USAGE")});
    }
    ForeignSignature verdict = judgeSignatures(found);
    if (verdict.verdict == ForeignSignature::Verdict::None && status < 0) {
        return unreadable(QStringLiteral("could not be read by libblkid"));
    }
    return verdict;
}

} // namespace

QString describeForeignSignature(const FoundSignature &found)
{
    const QString &type = found.type;
    if (type == u"LVM2_member") {
        return QStringLiteral("an LVM physical volume (%1)").arg(type);
    }
    if (type == u"LVM1_member") {
        return QStringLiteral("an LVM1 physical volume (%1)").arg(type);
    }
    if (type == u"crypto_LUKS") {
        return QStringLiteral("a LUKS header (%1)").arg(type);
    }
    if (type == u"linux_raid_member") {
        return QStringLiteral("an md RAID member (%1)").arg(type);
    }
    if (type.endsWith(u"_raid_member")) {
        return QStringLiteral("a firmware RAID member (%1)").arg(type);
    }
    if (type == u"bcache") {
        return QStringLiteral("a bcache backing or cache device (%1)").arg(type);
    }
    // What libblkid itself files under RAID (drbd, VMFS volumes, ...) and
    // crypto (BitLocker, dm-integrity, ...) belongs to some owner too.
    const QString what = type.isEmpty() ? QStringLiteral("no type") : type;
    if (found.usage == u"raid") {
        return QStringLiteral("a RAID or volume manager member (%1)").arg(what);
    }
    if (found.usage == u"crypto") {
        return QStringLiteral("an encryption or integrity header (%1)").arg(what);
    }
    return QString();
}

ForeignSignature judgeSignatures(const QList<FoundSignature> &found)
{
    for (const FoundSignature &signature : found) {
        const QString description = describeForeignSignature(signature);
        if (!description.isEmpty()) {
            return {ForeignSignature::Verdict::Foreign, signature.type, description};
        }
    }
    return {};
}

ForeignSignature probeForeignSignature(const QString &path)
{
    const FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return unreadable(QStringLiteral("cannot be opened (%1)").arg(errnoText(errno)));
    }
    return probeDescriptor(fd.get());
}

ForeignSignature probeBlockDevice(const QString &node, DeviceNumber expected)
{
    // O_NOFOLLOW: the node itself, never what a symlink in its place names.
    // O_NONBLOCK: a drive without a medium answers at once instead of waiting.
    const FileDescriptor fd(
        ::open(QFile::encodeName(node).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0) {
        return unreadable(QStringLiteral("cannot be opened (%1)").arg(errnoText(errno)));
    }
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0) {
        return unreadable(QStringLiteral("cannot be examined (%1)").arg(errnoText(errno)));
    }
    if (!S_ISBLK(info.st_mode) || DeviceNumber{::major(info.st_rdev), ::minor(info.st_rdev)} != expected) {
        return unreadable(QStringLiteral("is not the node of block device %1").arg(expected.toString()));
    }
    return probeDescriptor(fd.get());
}

} // namespace Volmap
