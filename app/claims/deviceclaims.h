// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "outcome.h"

#include <QList>

#include <optional>

namespace Volmap {

/*
 * A range of a whole disk that something already uses. Partitions are
 * translated to their disk so that a mapping of sda and one of sda2 are
 * compared on the same sectors.
 */
struct DeviceClaim
{
    enum class Kind {
        InUse,    // mounted, swap, md, or a mapping whose ranges are opaque: DeviceInUse
        Mapping,  // an exact range another mapping's table uses: Overlap
        Foreign,  // a whole device a foreign owner holds; usable only with manage-foreign
        ReadOnly, // a device whose sysfs ro flag is set: ReadOnlyDevice for a read-write table
    };
    Kind kind = Kind::InUse;
    DeviceNumber disk;
    quint64 start = 0;
    quint64 length = 0;
    // InUse, Mapping: completes "... is <description>", e.g. "mounted at /home".
    // Foreign: a sentence naming the device, e.g. "/dev/vdb holds a LUKS header (crypto_LUKS)".
    QString description;
    // The mapping whose table makes this claim and the target of the line
    // that does ("linear", "striped", ...), so a view can draw and label it;
    // both empty for mounts, swap, holders and foreign owners.
    QString owner = {}; // "= {}": brace-initialized claims may leave these out
    QString target = {};
};

/*
 * A range the table being checked wants, already translated to its disk.
 * Its description is built only when a message names it: a table may have
 * 100 000 ranges, and most checks find nothing to report.
 */
struct WantedRange
{
    int segment = 0;
    DeviceNumber disk;
    quint64 start = 0; // on the disk
    quint64 length = 0;
    quint64 offset = 0;  // on the device as the table names it
    QString device = {}; // its name for messages, e.g. /dev/sdb1 (shared, not copied, per range)

    QString description() const; // e.g. "sectors 0-2047 of /dev/sdb1"
};

/* A wanted range and a claim (or another wanted range) on the same sectors; points into the lists given. */
template<typename Other>
struct Collision
{
    const WantedRange *wanted = nullptr;
    const Other *other = nullptr;
};

/*
 * The first wanted range, in table order, that collides with a claim. Claims
 * are sorted once and swept with a running maximum of their ends, so a
 * table and a system with many thousands of ranges each are checked in
 * O((w + c) log c), never pair by pair.
 */
std::optional<Collision<DeviceClaim>> firstCollision(const QList<WantedRange> &wanted,
                                                     const QList<DeviceClaim> &claims);

/*
 * Two ranges of one table on the same sectors of a disk (say sdb and sdb1),
 * by one sweep in (disk, start) order; sorted first only when the ranges
 * are not in that order already, as a large table usually is.
 */
std::optional<Collision<WantedRange>> firstSelfOverlap(const QList<WantedRange> &wanted);

/* A collision as the helper reports it, and the segment (0-based) it is on. */
struct Conflict
{
    HelperError error;
    int segment = 0;
};

/*
 * The first wanted range that collides with a claim, as the error to send:
 * DeviceInUse, Overlap or ReadOnlyDevice, naming both sides.
 */
std::optional<Conflict> firstConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims);
/* firstConflict()'s error alone. */
std::optional<HelperError> findConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims);

} // namespace Volmap
