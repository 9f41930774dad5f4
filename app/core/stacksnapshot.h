// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"
#include "helperclient.h"
#include "mappingowner.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Volmap {

/* One block device as the stack view shows it. */
struct StackNode
{
    QString kernelName; // dm-1, sda2, md0
    DeviceKind kind = DeviceKind::Disk;
    QString number; // "254:1"
    quint64 sizeInSectors = 0;
    bool readOnly = false;
    QString disk;        // a partition's disk (kernel name), else empty
    QStringList holders; // devices built on this one
    QStringList slaves;  // devices this one is built on
    QString fsType;      // what is on it, if known: ext4, crypto_LUKS, LVM2_member…
    QStringList mountPoints;
    // device-mapper only
    QString dmName;
    QString dmUuid;
    OwnerTool owner = OwnerTool::None;
    int openCount = -1; // -1: not known (not a mapping, or not listed yet)
    QStringList targets;
    bool listed = false; // the helper's listing has it

    bool isMapping() const { return !dmName.isEmpty(); }
    /* "cryptroot (dm-2)" for a mapping, the kernel name otherwise. */
    QString displayName() const;
};

/*
 * Every block device and how they stack, as sysfs tells it without
 * privileges (through BlockDeviceScanner): holders/ and slaves/ links, a
 * partition's disk, dm/name and dm/uuid. Open counts and targets come from the helper's listing,
 * merged in by name.
 */
class StackSnapshot
{
public:
    enum class Direction {
        TopDown,  // mapping → its devices → their disks (lsblk -s)
        BottomUp, // disk → partitions → holders up to the top (lsblk)
    };

    /* Scans `root`'s devices; root "" on a real system. Blocking: call it off the GUI thread. */
    static StackSnapshot read(const QString &root);

    void addNode(const StackNode &node);
    /* Open counts and targets of the listed mappings; nodes of unlisted mappings keep -1. */
    void applyMappings(const QList<MappingSummary> &mappings);

    const StackNode *node(const QString &kernelName) const;
    /* The kernel name of the device with number "major:minor", or empty. */
    QString kernelNameOf(const QString &number) const;
    QStringList names() const { return m_order; }

    /* The first level of the tree in `direction`, sorted by kernel name. */
    QStringList roots(Direction direction) const;
    /* The nodes under `kernelName` in `direction`. */
    QStringList children(const QString &kernelName, Direction direction) const;

private:
    QHash<QString, StackNode> m_nodes;
    QStringList m_order;
};

} // namespace Volmap
