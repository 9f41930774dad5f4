// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "spacemap.h"

#include <QWidget>

namespace Volmap {

/*
 * One device's space drawn left to right like a partition bar: what its
 * partitions hold, which ranges existing mappings use, the ranges the
 * table being edited would use, and free space. Hovering a stretch tells
 * who uses it; clicking a mapping's stretch asks for it to be selected.
 * A stretch the draft would use over data carries a warning mark; one
 * where the draft collides with another user is outlined in red.
 */
class SpaceMapBar final : public QWidget
{
    Q_OBJECT

public:
    explicit SpaceMapBar(QWidget *parent = nullptr);

    /* `title` names the device under the bar ("sdb, 20 GiB"). */
    void setInput(const QString &title, const SpaceMapInput &input);
    const SpaceMapInput &input() const { return m_input; }
    const QList<SpaceMapSegment> &segments() const { return m_segments; }

    /* The stretch under `point` (widget coordinates), or -1. */
    int segmentAt(const QPointF &point) const;
    /* Where stretch `segment` is drawn. */
    QRectF segmentRect(int segment) const;
    /* What the tooltip over stretch `segment` says. */
    QString describeSegment(int segment) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void mappingClicked(const QString &name);
    void draftRowClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF barArea() const;
    QList<QRectF> layoutRects() const;
    QColor fillOf(const SpaceRange &range) const;
    QString labelOf(const SpaceMapSegment &segment) const;
    QString describeRange(const SpaceRange &range) const;
    void paintSegment(QPainter &painter, const SpaceMapSegment &segment, const QRectF &box) const;

    QString m_title;
    SpaceMapInput m_input;
    QList<SpaceMapSegment> m_segments;
    QStringList m_owners; // colours follow first appearance, as in the layout bar
};

} // namespace Volmap
