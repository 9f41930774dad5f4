// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "segment.h"

#include <QString>
#include <QStringList>

namespace Volmap {

/*
 * Which tool made a device-mapper mapping, from its uuid's prefix: the
 * conventions of LVM ("LVM-"), cryptsetup ("CRYPT-"), multipath ("mpath-"),
 * kpartx ("part<N>-") and ours ("VOLMAP-"). None: no uuid at all, as plain
 * `dmsetup create` leaves it.
 */
enum class OwnerTool { None, VolumeMapper, Lvm, Crypt, Multipath, Partitions, Other };

OwnerTool ownerOf(const QString &uuid);
/* What people call the owner: "LVM", "dm-crypt (cryptsetup)", … translated. */
QString ownerName(OwnerTool owner);

/*
 * Whether the table editor may open a mapping. It represents
 * basic_target, linear, zero and error segments only, and it opens only
 * mappings no other tool owns (ours, or ones without a uuid): changing an
 * LVM volume's or a dm-crypt device's table behind its tool's back breaks
 * that tool's view of it, so those open read-only in the inspector.
 */
bool editorCanOpen(const QString &uuid, const MappingTable &table);
/* The same from a listing's targets, before the table is read. */
bool editorCanOpen(const QString &uuid, const QStringList &targets);

/*
 * A second line of defence behind the helper, which already hides keys:
 * the key field of every crypt line becomes "-" (a keyring reference,
 * ":<size>:<type>:<description>", names a key and stays), and dm-integrity's
 * "<option>:<algorithm>:<key>" arguments lose their key. Other text is
 * kept, blanks between fields become one space.
 */
QString redactTableSecrets(const QString &tableText);

/* The devices a segment's arguments name: "major:minor" and /dev/ paths, in order. */
QStringList devicesOfSegment(const Segment &segment);

} // namespace Volmap
