// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

#include <map>
#include <optional>
#include <vector>

namespace Volmap {

/*
 * The sector ranges of one device that a table's segments use, none
 * overlapping another, each with the segment that uses it. A large table
 * usually maps a device in ascending ranges: those are appended to a
 * sorted array, no allocation each; a range below the last one goes to a
 * tree. Either way a check and an insert stay O(log n).
 */
class UsedRanges final
{
public:
    struct Range
    {
        quint64 offset = 0;
        quint64 length = 0;
        int segment = 0;
    };

    // The range that [offset, offset + length) overlaps: the first one at or
    // after `offset` if it overlaps, else the one before it.
    std::optional<Range> overlapping(quint64 offset, quint64 length) const;
    // Adds a range that overlaps none (see overlapping()).
    void insert(quint64 offset, quint64 length, int segment);
    // Removes the range at `offset` if `segment` uses it; false if none.
    bool remove(quint64 offset, int segment);

private:
    std::optional<Range> nextFrom(quint64 offset) const;
    std::optional<Range> previousBefore(quint64 offset) const;

    std::vector<Range> m_ascending;    // by offset, as inserted
    std::map<quint64, Range> m_others; // by offset: inserted below the array's last
};

} // namespace Volmap
