// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceclaims.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace Volmap {

namespace {

quint64 endOf(quint64 start, quint64 length)
{
    return length > std::numeric_limits<quint64>::max() - start ? std::numeric_limits<quint64>::max()
                                                                : start + length;
}

struct Position
{
    DeviceNumber disk;
    quint64 start;
    auto operator<=>(const Position &) const = default;
};

} // namespace

std::optional<Collision<DeviceClaim>> firstCollision(const QList<WantedRange> &wanted,
                                                     const QList<DeviceClaim> &claims)
{
    // Claims sorted by (disk, start); for each, the claim reaching furthest
    // among those of its disk that start no later. Stable, and the earlier
    // claim wins a tie: callers list the claim that explains most first.
    QList<qsizetype> order(claims.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return Position{claims[a].disk, claims[a].start} < Position{claims[b].disk, claims[b].start};
    });
    QList<qsizetype> furthest(order.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        const DeviceClaim &claim = claims[order[i]];
        furthest[i] = order[i];
        if (i > 0 && claims[order[i - 1]].disk == claim.disk) {
            const DeviceClaim &before = claims[furthest[i - 1]];
            if (endOf(before.start, before.length) >= endOf(claim.start, claim.length)) {
                furthest[i] = furthest[i - 1];
            }
        }
    }
    for (const WantedRange &range : wanted) {
        const quint64 rangeEnd = endOf(range.start, range.length);
        // The last claim of this disk that starts before the range ends.
        const auto after = std::lower_bound(
            order.cbegin(), order.cend(), Position{range.disk, rangeEnd},
            [&](qsizetype index, const Position &position) {
                return Position{claims[index].disk, claims[index].start} < position;
            });
        if (after == order.cbegin()) {
            continue;
        }
        const qsizetype last = std::distance(order.cbegin(), after) - 1;
        const DeviceClaim &reaching = claims[furthest[last]];
        if (reaching.disk == range.disk && endOf(reaching.start, reaching.length) > range.start) {
            return Collision<DeviceClaim>{&range, &reaching};
        }
    }
    return std::nullopt;
}

QString WantedRange::description() const
{
    return QStringLiteral("sectors %1-%2 of %3")
        .arg(QString::number(offset), QString::number(offset + length - 1), device);
}

std::optional<Collision<WantedRange>> firstSelfOverlap(const QList<WantedRange> &wanted)
{
    const auto positionOf = [](const WantedRange &range) { return Position{range.disk, range.start}; };
    // Sorting 10 000 indices cost more than the rest of the check; a table
    // usually maps its disks in ascending ranges, and then needs none.
    QList<qsizetype> order;
    if (!std::is_sorted(wanted.cbegin(), wanted.cend(), [&](const WantedRange &a, const WantedRange &b) {
            return positionOf(a) < positionOf(b);
        })) {
        order.resize(wanted.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](qsizetype a, qsizetype b) { return positionOf(wanted[a]) < positionOf(wanted[b]); });
    }
    const auto at = [&](qsizetype i) -> const WantedRange & {
        return wanted[order.isEmpty() ? i : order[i]];
    };
    for (qsizetype i = 1, reaching = 0; i < wanted.size(); ++i) {
        const WantedRange &previous = at(reaching);
        const WantedRange &range = at(i);
        if (previous.disk == range.disk && endOf(previous.start, previous.length) > range.start) {
            // Name them in table order.
            return previous.segment < range.segment ? Collision<WantedRange>{&previous, &range}
                                                    : Collision<WantedRange>{&range, &previous};
        }
        if (previous.disk != range.disk
            || endOf(range.start, range.length) > endOf(previous.start, previous.length)) {
            reaching = i;
        }
    }
    return std::nullopt;
}

std::optional<Conflict> firstConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims)
{
    const auto collision = firstCollision(wanted, claims);
    if (!collision) {
        return std::nullopt;
    }
    const WantedRange &range = *collision->wanted;
    const DeviceClaim &claim = *collision->other;
    const QString where = QStringLiteral("segment %1 (%2)").arg(range.segment + 1).arg(range.description());
    QString name = HelperProtocol::Error::deviceInUse();
    QString message = QStringLiteral("%1: the device is %2").arg(where, claim.description);
    if (claim.kind == DeviceClaim::Kind::Mapping) {
        name = HelperProtocol::Error::overlap();
        message = QStringLiteral("%1 overlaps %2").arg(where, claim.description);
    } else if (claim.kind == DeviceClaim::Kind::ReadOnly) {
        name = HelperProtocol::Error::readOnlyDevice();
    }
    return Conflict{HelperError{name, message}, range.segment};
}

std::optional<HelperError> findConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims)
{
    if (auto conflict = firstConflict(wanted, claims)) {
        return conflict->error;
    }
    return std::nullopt;
}

} // namespace Volmap
