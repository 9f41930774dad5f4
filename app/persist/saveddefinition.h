// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"
#include "segment.h"

#include <QList>
#include <QString>

#include <optional>

namespace Volmap {

/*
 * How a saved mapping names one backing device across restarts: never by
 * major:minor or /dev/sdX, which change between boots, but by the most
 * stable identity the device has, plus its size in sectors, which must
 * match exactly at assembly (see volmap-helper(8)).
 */
struct DeviceIdentity
{
    enum class Kind {
        DmUuid,    // a device-mapper device: its dm uuid
        Disk,      // a whole disk: a /dev/disk/by-id name (wwn-... or <bus>-<ID_SERIAL>)
        Partition, // a partition: its PARTUUID, and the by-id name of its disk
        Loop,      // a loop device: its backing file's absolute path and offset in bytes
    };
    Kind kind = Kind::Disk;
    QString value;       // dm uuid, by-id name, PARTUUID or backing file path
    QString parent;      // Partition: the disk's by-id name
    quint64 offset = 0;  // Loop: lo_offset in bytes
    quint64 sectors = 0; // the device's size
    /*
     * Loop: which file the path named when it was saved, so a file replaced
     * by another of the same size is not taken: its inode number and the
     * file system holding it, "uuid:<file system uuid>" or "fsid:<statfs
     * f_fsid in hex>". Empty in definitions from before these were saved.
     */
    quint64 inode = 0;
    QString filesystem;

    /* "loop device on /srv/a.img (offset 0, 204800 sectors)": for messages. */
    QString describe() const;
    bool operator==(const DeviceIdentity &) const = default;
};

/* A member of a saved mapping: the `$id` its table uses for the device. */
struct SavedMember
{
    QString id;
    DeviceIdentity identity;
    bool operator==(const SavedMember &) const = default;
};

/*
 * One saved mapping, as a file under /etc/volmap/mappings.d/ holds it: its
 * name, its members and its dmsetup table with `$id` where a device goes.
 */
struct SavedDefinition
{
    QString name;
    /*
     * The mapping's dm uuid, VOLMAP-U<creator uid>-..., so it comes back
     * with the same uuid and owner; empty: assembled as root's
     * (VOLMAP-U0-<new uuid>).
     */
    QString uuid;
    QList<SavedMember> members;
    MappingTable table; // device arguments are "$id"
    bool operator==(const SavedDefinition &) const = default;
};

namespace DefinitionFormat {
/* The largest definition file read, in bytes. */
inline constexpr qsizetype MaxBytes = 1024 * 1024;
/* Members one definition may name. */
inline constexpr qsizetype MaxMembers = 1024;
/* The first line that is not a comment. */
inline constexpr QStringView Header = u"volmap-definition 1";
} // namespace DefinitionFormat

/* The definition in `text`, or why it is refused ("line 4: ..."). Strict: anything unknown is an error. */
Result<SavedDefinition, QString> parseDefinition(QStringView text);
/* The text parseDefinition() reads back to `definition`. */
QString formatDefinition(const SavedDefinition &definition);

/* The table with each `$id` replaced by `devices[id]` ("major:minor"); ids not in `devices` are left. */
MappingTable substituteMembers(const MappingTable &table, const QHash<QString, QString> &devices);

/* Done, or why `filesystem` is no file system identity ("uuid:..." or "fsid:" and 16 hex digits). */
Result<Done, QString> checkFilesystem(QStringView filesystem);

/* Done, or why `identity` cannot be written to or read from a definition. */
Result<Done, QString> checkIdentity(const DeviceIdentity &identity);

} // namespace Volmap
