// SPDX-License-Identifier: GPL-2.0-or-later
#include "usedranges.h"

#include <algorithm>
#include <iterator>

namespace Volmap {

namespace {

bool startsBefore(const UsedRanges::Range &range, quint64 offset)
{
    return range.offset < offset;
}

// The one of two candidates with the lower offset (`lower`) or the higher.
std::optional<UsedRanges::Range> pick(const std::optional<UsedRanges::Range> &a,
                                      const std::optional<UsedRanges::Range> &b, bool lower)
{
    if (!a || !b) {
        return a ? a : b;
    }
    return (a->offset < b->offset) == lower ? a : b;
}

} // namespace

std::optional<UsedRanges::Range> UsedRanges::nextFrom(quint64 offset) const
{
    std::optional<Range> inArray;
    const auto next = std::lower_bound(m_ascending.begin(), m_ascending.end(), offset, startsBefore);
    if (next != m_ascending.end()) {
        inArray = *next;
    }
    std::optional<Range> inTree;
    if (const auto found = m_others.lower_bound(offset); found != m_others.end()) {
        inTree = found->second;
    }
    return pick(inArray, inTree, true);
}

std::optional<UsedRanges::Range> UsedRanges::previousBefore(quint64 offset) const
{
    std::optional<Range> inArray;
    const auto next = std::lower_bound(m_ascending.begin(), m_ascending.end(), offset, startsBefore);
    if (next != m_ascending.begin()) {
        inArray = *std::prev(next);
    }
    std::optional<Range> inTree;
    if (const auto found = m_others.lower_bound(offset); found != m_others.begin()) {
        inTree = std::prev(found)->second;
    }
    return pick(inArray, inTree, false);
}

std::optional<UsedRanges::Range> UsedRanges::overlapping(quint64 offset, quint64 length) const
{
    // Past the last range in use (the usual case), nothing can overlap.
    if (m_others.empty()
        && (m_ascending.empty() || m_ascending.back().offset + m_ascending.back().length <= offset)) {
        return std::nullopt;
    }
    if (const auto next = nextFrom(offset); next && next->offset < offset + length) {
        return next;
    }
    if (const auto previous = previousBefore(offset);
        previous && previous->offset + previous->length > offset) {
        return previous;
    }
    return std::nullopt;
}

void UsedRanges::insert(quint64 offset, quint64 length, int segment)
{
    if (m_ascending.empty() || m_ascending.back().offset < offset) {
        m_ascending.push_back({offset, length, segment});
    } else {
        m_others.insert_or_assign(offset, Range{offset, length, segment});
    }
}

bool UsedRanges::remove(quint64 offset, int segment)
{
    const auto inArray = std::lower_bound(m_ascending.begin(), m_ascending.end(), offset, startsBefore);
    if (inArray != m_ascending.end() && inArray->offset == offset) {
        if (inArray->segment != segment) {
            return false;
        }
        m_ascending.erase(inArray);
        return true;
    }
    const auto inTree = m_others.find(offset);
    if (inTree == m_others.end() || inTree->second.segment != segment) {
        return false;
    }
    m_others.erase(inTree);
    return true;
}

} // namespace Volmap
