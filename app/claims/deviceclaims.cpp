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

std::optional<Collision<WantedRange>> firstSelfOverlap(const QList<WantedRange> &wanted)
{
    QList<qsizetype> order(wanted.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return Position{wanted[a].disk, wanted[a].start} < Position{wanted[b].disk, wanted[b].start};
    });
    for (qsizetype i = 1, reaching = 0; i < order.size(); ++i) {
        const WantedRange &previous = wanted[order[reaching]];
        const WantedRange &range = wanted[order[i]];
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
    const QString where = QStringLiteral("segment %1 (%2)").arg(range.segment + 1).arg(range.description);
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
