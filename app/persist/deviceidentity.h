// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "saveddefinition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Volmap {

/*
 * What sysfs and udev's database say about one block device, as far as
 * its identity goes. Read from `root`/sys/class/block and
 * `root`/run/udev/data so tests use a fake tree; no device is opened.
 */
struct DeviceFacts
{
    DeviceNumber number;
    QString kernelName; // sdb, loop3, dm-0, sdc1
    quint64 sectors = 0;
    QString dmUuid; // dm devices: dm/uuid (may be empty)
    bool isDm = false;
    bool isLoop = false;
    QString backingFile; // loop devices: loop/backing_file, empty when unbound
    quint64 loopOffset = 0;
    /*
     * Loop devices: the file the loop holds (the kernel's LOOP_GET_STATUS64
     * record; in a test tree, what the path names there): its inode and
     * file system as a definition saves them, or why they are unknown.
     */
    quint64 backingInode = 0;
    QString backingFilesystem;
    QString backingProblem;
    bool isPartition = false;
    DeviceNumber parent;   // partitions: the disk
    QString partUuid;      // partitions: ID_PART_ENTRY_UUID (udev) or PARTUUID (uevent)
    QStringList byIdNames; // disk/by-id link names udev made for it
    QString preferredById; // wwn-..., else <ID_BUS>-<ID_SERIAL>; empty when neither
};

/* Every block device in `root`/sys/class/block, by kernel name. */
QList<DeviceFacts> scanDevices(const QString &root = QString());

/*
 * The identity a definition saves for `device` (one of `all`, which must
 * hold its disk if it is a partition), or why it has none worth saving:
 * RAM disks lose their contents at a restart; a loop device without a
 * backing file, a dm device without uuid, a disk without WWN or serial
 * and a partition without PARTUUID (or on such a disk) could come back
 * as anything.
 */
Result<DeviceIdentity, QString> identityOf(const DeviceFacts &device, const QList<DeviceFacts> &all);

/* How a saved identity matched today's devices. */
struct MemberMatch
{
    enum class Result {
        Found,    // exactly one device with this identity and size
        Missing,  // no device with this identity (yet): wait for it
        Mismatch, // the device is there but differs (size) or is not unique: refuse
    };
    Result result = Result::Missing;
    DeviceFacts device; // Found
    QString reason;     // Missing, Mismatch
};

/*
 * The one device of `all` that `identity` names. The size must match
 * exactly: a device that grew or shrank is not silently taken, since the
 * table's offsets were chosen for the old size. A loop member saved with
 * its file's identity must hold that very file: another file at the same
 * path (replaced, restored from a backup) is refused. Two devices with one
 * identity (two paths to one disk, two loops on one file) are refused.
 */
MemberMatch findMember(const DeviceIdentity &identity, const QList<DeviceFacts> &all);

} // namespace Volmap
