// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"

#include <QList>
#include <QString>

namespace Volmap {

/* One superblock libblkid found on a device: its TYPE and USAGE values. */
struct FoundSignature
{
    QString type;  // e.g. "LVM2_member", "ext4"
    QString usage; // "filesystem", "raid", "crypto" or "other"
};

/*
 * Whether a device carries the signature of a foreign owner: a volume
 * manager, an encryption layer or a RAID that expects to be the only one
 * writing there (LVM, LUKS, md and firmware RAID, bcache, and anything
 * libblkid files under the "raid" or "crypto" usage). A mapping over such a
 * device would corrupt it, so the helper wants manage-foreign for it.
 * A device that could not be probed is its own verdict: the caller cannot
 * tell it apart from a foreign one and treats it the same.
 */
struct ForeignSignature
{
    enum class Verdict {
        None,       // nothing a foreign owner wrote
        Foreign,    // type and description name the owner
        Unreadable, // description says why it could not be probed
    };
    Verdict verdict = Verdict::None;
    QString type; // the blkid TYPE, e.g. "crypto_LUKS"; empty unless Foreign
    // Foreign: "an LVM physical volume (LVM2_member)"; Unreadable: the reason,
    // completing "<device> ...", e.g. "cannot be opened (Permission denied)".
    QString description;
};

/*
 * The pure half, unit-tested on its own. describeForeignSignature() says
 * whose a signature is ("a LUKS header (crypto_LUKS)"), or an empty string
 * when it is no foreign owner's (a filesystem, swap, a partition table).
 * judgeSignatures() gives the verdict over all signatures of one device:
 * the first foreign one wins, since libblkid lists leftovers too.
 */
QString describeForeignSignature(const FoundSignature &found);
ForeignSignature judgeSignatures(const QList<FoundSignature> &found);

/*
 * The I/O half. Each reads a few sectors through libblkid and never
 * writes. probeForeignSignature() opens `path` O_RDONLY (a regular image
 * file works as well as a device); probeBlockDevice() opens a device node
 * without following a symlink and probes it only if it really is block
 * device `expected`, so a node replaced behind the caller's back is not
 * read in its stead.
 */
ForeignSignature probeForeignSignature(const QString &path);
ForeignSignature probeBlockDevice(const QString &node, DeviceNumber expected);

} // namespace Volmap
