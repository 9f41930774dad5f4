// SPDX-License-Identifier: GPL-2.0-or-later
#include "freespace.h"

#include <algorithm>

namespace Volmap {

std::optional<std::pair<quint64, quint64>> pickFreeRange(QList<std::pair<quint64, quint64>> used,
                                                         quint64 size, quint64 align, quint64 length)
{
    align = qMax<quint64>(1, align);
    std::sort(used.begin(), used.end());
    std::optional<std::pair<quint64, quint64>> best;
    const auto consider = [&](quint64 begin, quint64 end) {
        begin = (begin + align - 1) / align * align;
        if (end <= begin) {
            return;
        }
        const quint64 free = (end - begin) / align * align;
        if (free == 0) {
            return;
        }
        if (length > 0) {
            if (free >= length && !best) {
                best = {begin, length};
            }
        } else if (!best || free > best->second) {
            best = {begin, free};
        }
    };
    quint64 cursor = 0;
    for (const auto &[begin, end] : used) {
        if (begin > cursor) {
            consider(cursor, qMin(begin, size));
        }
        cursor = qMax(cursor, end);
    }
    if (cursor < size) {
        consider(cursor, size);
    }
    return best;
}

} // namespace Volmap
