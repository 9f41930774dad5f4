// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>

#include <optional>
#include <utility>

namespace Volmap {

/*
 * Where a segment made from a dropped device goes: `used` are the ranges
 * ([begin, end), any order, may overlap) this table and everything else
 * use of a device of `size` sectors. With `length` 0 the largest free
 * range, else the first free range that holds `length` sectors; both
 * aligned to `align` sectors. Returns (offset, length), or nothing when no
 * such range is left.
 */
std::optional<std::pair<quint64, quint64>> pickFreeRange(QList<std::pair<quint64, quint64>> used,
                                                         quint64 size, quint64 align, quint64 length);

} // namespace Volmap
