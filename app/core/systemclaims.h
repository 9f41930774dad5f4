// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdeviceresolver.h"
#include "deviceclaims.h"

#include <QHash>
#include <QSet>

namespace Volmap {

/* Another mapping as the app sees it: ListMappings' numbers and GetTable's text. */
struct MappingText
{
    QString name;
    DeviceNumber number;
    QString table; // as `dmsetup table` prints it, keys redacted by the helper
    bool readOnly = false;
};

/* A range of one device (its own sectors, [begin, end)) something else uses, and what. */
struct UsedRange
{
    quint64 begin = 0;
    quint64 end = 0;
    QString reason; // e.g. "used by mapping 'home'", "partition /dev/sdb1"
};

/*
 * What the system's claims were when last collected: the same claims the
 * helper checks a table against (shared code, see mappingclaims.h), kept
 * apart by mapping so that the one being edited can be left out, and
 * every block device, so a dropped device's free space is a lookup.
 */
struct ClaimsSnapshot
{
    QList<DeviceClaim> system;                    // mounts, swap, holders, read-only devices
    QHash<QString, QList<DeviceClaim>> byMapping; // other mappings' ranges, by mapping name
    QHash<QString, ResolvedDevice> devices;       // by major:minor
    QSet<QString> readOnlyMappings;               // a reload keeps a mapping's read-only flag

    /* Everything the helper would check a table for `mapping` against ("" for a new one). */
    QList<DeviceClaim> claimsExcept(const QString &mapping) const;
    /*
     * The ranges of `number` (major:minor) that the claims (except
     * `mapping`'s and read-only flags) and, on a disk, its partitions use;
     * sorted by begin.
     */
    QList<UsedRange> usedRangesOn(const QString &number, const QString &mapping) const;
};

/*
 * Reads sysfs and /proc under `root` ("" on a real system) and turns each
 * mapping's table into claims with the helper's own code; blocks on file
 * reads, so callers run it off the GUI thread.
 */
ClaimsSnapshot collectClaims(const QString &root, const QList<MappingText> &mappings);

/*
 * What the helper would answer to creating (or reloading) `text` given
 * `claims`: prepareTable()'s InvalidArgument (segment -1), or the
 * systemConflict() of the prepared table, or nothing. Resolves devices
 * under `root`, so it blocks on file reads like collectClaims().
 */
std::optional<Conflict> checkDraft(const QString &root, QStringView text, bool readOnly,
                                   const QList<DeviceClaim> &claims);

} // namespace Volmap
