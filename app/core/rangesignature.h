// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace Volmap {

/*
 * What a range of a device holds, as far as its first sectors tell:
 * the signature libblkid (or udev, which ran libblkid as root) found
 * there. Used to warn before a mapping is built over somebody's data.
 */
struct RangeSignature
{
    enum class Kind {
        Unknown,        // not readable, and udev knows nothing for this range
        Nothing,        // readable, no known signature
        Filesystem,     // type, label, uuid
        PartitionTable, // type is the scheme: gpt, dos, ...
        Swap,
        Lvm,  // LVM2_member, LVM1_member
        Luks, // crypto_LUKS and other encryption headers
        Raid, // md, firmware RAID and other volume managers
        Bcache,
        Other, // a signature libblkid knows but files under "other"
    };
    Kind kind = Kind::Unknown;
    QString type; // blkid TYPE (or PTTYPE for a partition table)
    QString label;
    QString uuid;
    QString why; // Unknown: why the range could not be read
    bool fromUdev = false;

    /* True for everything somebody wrote: all kinds but Unknown and Nothing. */
    bool holdsData() const { return kind != Kind::Unknown && kind != Kind::Nothing; }
    /* "ext4 filesystem labelled “home” (UUID …)", "LVM physical volume (LVM2_member)", "no known signature"
     */
    QString description() const;
    bool operator==(const RangeSignature &) const = default;
};

/* The kind blkid's TYPE and USAGE stand for (pure). */
RangeSignature::Kind signatureKindOf(const QString &type, const QString &usage);

/*
 * Probes `lengthInSectors` sectors from `offsetInSectors` of `path` (a
 * block device node, or a regular image file for tests) with libblkid:
 * superblocks first, then partition tables. Opens read-only with
 * O_NONBLOCK|O_CLOEXEC and never writes. With `expected` set, the node
 * must be that block device (so a replaced node is not read instead).
 * Kind::Unknown with `why` when it cannot be opened or read. Blocks for
 * a few reads: call it off the GUI thread.
 */
RangeSignature probeRangeSignature(const QString &path, quint64 offsetInSectors, quint64 lengthInSectors,
                                   std::optional<DeviceNumber> expected = std::nullopt);

/*
 * What udev's database says is at the start of block device `number`
 * (`root` prefixes /run for tests): ID_FS_TYPE, ID_FS_USAGE, ID_FS_LABEL
 * (_ENC), ID_FS_UUID, ID_PART_TABLE_TYPE. Kind::Unknown when udev has no
 * record or the record names no content.
 */
RangeSignature udevSignature(const QString &root, DeviceNumber number);

/*
 * The probe the app uses: libblkid where the caller may read the device;
 * else, for a range from sector 0, udev's record; else Unknown.
 */
RangeSignature signatureOfRange(const QString &root, const QString &node, DeviceNumber number,
                                quint64 offsetInSectors, quint64 lengthInSectors);

} // namespace Volmap

Q_DECLARE_METATYPE(Volmap::RangeSignature)
