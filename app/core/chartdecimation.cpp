// SPDX-License-Identifier: GPL-2.0-or-later
#include "chartdecimation.h"

#include <cmath>

namespace Volmap {

QList<QPointF> decimateMinMax(const QList<QPointF> &points, double bucketWidth, double anchor)
{
    if (points.size() <= 2 || !(bucketWidth > 0) || !std::isfinite(bucketWidth)) {
        return points;
    }
    // At most the two ends and two points a bucket: a list that size, not
    // one as long as the history (4 Hz over 3 minutes is 721 points).
    const double span = std::abs(points.constLast().x() - points.constFirst().x());
    const double buckets = std::ceil(span / bucketWidth) + 1;
    QList<QPointF> kept;
    kept.reserve(buckets < points.size() ? qsizetype(buckets) * 2 + 2 : points.size());
    kept.append(points.constFirst());
    const qsizetype last = points.size() - 1;
    qsizetype begin = 1;
    while (begin < last) {
        const double bucket = std::floor((anchor - points.at(begin).x()) / bucketWidth);
        qsizetype lowest = begin;
        qsizetype highest = begin;
        qsizetype end = begin + 1;
        for (; end < last && std::floor((anchor - points.at(end).x()) / bucketWidth) == bucket; ++end) {
            if (points.at(end).y() < points.at(lowest).y()) {
                lowest = end;
            }
            if (points.at(end).y() > points.at(highest).y()) {
                highest = end;
            }
        }
        kept.append(points.at(qMin(lowest, highest)));
        if (lowest != highest) {
            kept.append(points.at(qMax(lowest, highest)));
        }
        begin = end;
    }
    kept.append(points.at(last));
    return kept;
}

} // namespace Volmap
