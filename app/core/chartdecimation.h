// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QPointF>

namespace Volmap {

/*
 * Fewer points for a line chart that has more samples than it has pixels
 * to show them: the points are grouped into buckets `bucketWidth` wide on
 * the x axis and each bucket keeps only its lowest and highest point, in
 * their order, so every peak and every dip still shows. The first and the
 * last point are always kept. Buckets are counted from `anchor` (the x of
 * a fixed instant, e.g. the newest sample's time when x is an age), so a
 * window that slides by one sample per tick keeps its buckets and its
 * shape instead of shimmering. Fewer points mean less work on every
 * update: Qt Charts strokes the whole line for its shape each time.
 */
QList<QPointF> decimateMinMax(const QList<QPointF> &points, double bucketWidth, double anchor = 0);

} // namespace Volmap
