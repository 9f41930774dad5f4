// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "deviceclaims.h"
#include "deviceinspector.h"
#include "segment.h"

namespace Volmap {

/*
 * What another mapping's live table claims, translated to whole disks:
 * each device range deviceUsesOf() can read, exactly (Kind::Mapping, an
 * Overlap) or whole where the target owns the device (Kind::InUse); for a
 * line it cannot read, each of `dependencies` whole ("used by mapping 'x'
 * (multipath), whole device"). The helper passes the dependencies the
 * kernel reports, the app those sysfs lists under the mapping's slaves/.
 * Devices that no longer resolve claim nothing: nothing can map them.
 */
QList<DeviceClaim> claimsOfMapping(const QString &name, const QList<Segment> &table,
                                   const QList<DeviceNumber> &dependencies, DeviceInspector &devices);

/*
 * The conflict the helper refuses a prepared table for, and the app shows
 * before Create: the first segment, in table order, on sectors another
 * mapping, a mount, swap or a holder uses (Overlap, DeviceInUse), or, for
 * a read-write table, on a read-only device (ReadOnlyDevice).
 */
std::optional<Conflict> systemConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims,
                                       bool readOnlyTable);

} // namespace Volmap
