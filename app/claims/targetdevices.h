// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "segment.h"

#include <QList>

#include <optional>

namespace Volmap {

/*
 * One device a device-mapper table line uses and which of its sectors.
 * `length` empty: from `offset` to the device's end. `wholeDevice`: the
 * target owns all of the device whatever range it maps, because it keeps
 * metadata there or shares it with an owner (a LUKS header in front of a
 * crypt mapping's data, a thin pool's metadata, a RAID leg), so no other
 * mapping may use any of it.
 */
struct TargetDeviceUse
{
    DeviceReference device;
    quint64 offset = 0;
    std::optional<quint64> length;
    bool wholeDevice = false;
};

/*
 * The devices one table line uses, from its arguments as `dmsetup table`
 * prints them (devices as major:minor; paths are accepted too). An empty
 * list for targets without devices (zero, error); std::nullopt for a
 * target this does not know or arguments it cannot read (a redacted "-",
 * a malformed line), so that the caller claims the mapping's devices whole.
 * The layouts follow the kernel's Documentation/admin-guide/device-mapper/
 * pages, named beside each target in the implementation.
 */
std::optional<QList<TargetDeviceUse>> deviceUsesOf(const Segment &segment);

} // namespace Volmap
