// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tablevalidator.h"

#include <QString>

#include "result.h"

namespace Volmap {

struct ResolvedDevice
{
    BlockDeviceGeometry geometry;
    DeviceNumber disk;       // the whole disk; == geometry.number for a disk
    quint64 startOnDisk = 0; // a partition's first sector on its disk
    QString model;           // the disk's model as sysfs has it; may be empty
};

/*
 * Turns a table's device reference into the block device it names: paths
 * are walked component by component without leaving /dev (symlinks within
 * /dev are followed; /dev/shm, /dev/mqueue and anything but a block device
 * node are refused, all with one message),
 * sysfs for size, logical block size and, for partitions, the disk and
 * offset. Needs no privileges, so the app and the helper share it. `root`
 * prefixes every path so tests can use a fake /dev and /sys.
 */
class BlockDeviceResolver
{
public:
    explicit BlockDeviceResolver(const QString &root = QString());

    Result<ResolvedDevice, QString> resolve(const DeviceReference &reference) const;
    Result<ResolvedDevice, QString> describe(DeviceNumber number, const QString &displayName = {}) const;
    /* For validateTable(). */
    DeviceResolver tableResolver() const;

private:
    QString m_root;
};

} // namespace Volmap
