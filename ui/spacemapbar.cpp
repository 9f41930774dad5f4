// SPDX-License-Identifier: GPL-2.0-or-later
#include "spacemapbar.h"

#include "layoutbar.h"
#include "problemcolor.h"
#include "sizeunits.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace Volmap {

namespace {

// The layout bar's measures, so the two bars look like one family.
constexpr int BarHeight = 40;
constexpr int PartitionStrip = 6;
constexpr qreal MinimumBlockWidth = 3;
const QColor LabelInk(20, 20, 20);

bool holdsData(const SpaceMapSegment &segment, const QList<SpaceRange> &ranges)
{
    return std::any_of(segment.ranges.cbegin(), segment.ranges.cend(),
                       [&ranges](int index) { return ranges[index].holdsData; });
}

} // namespace

SpaceMapBar::SpaceMapBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("spaceMapBar"));
    setAccessibleName(tr("Space map of the device"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
}

void SpaceMapBar::setInput(const QString &title, const SpaceMapInput &input)
{
    m_title = title;
    m_input = input;
    m_segments = layoutSpaceMap(input);
    m_owners.clear();
    QStringList summary;
    for (int index = 0; index < m_segments.size(); ++index) {
        const SpaceMapSegment &segment = m_segments[index];
        for (int range : segment.ranges) {
            const QString &owner = input.ranges[range].owner;
            const SpaceKind kind = input.ranges[range].kind;
            if ((kind == SpaceKind::Mapping || kind == SpaceKind::WholeDeviceMapping)
                && !m_owners.contains(owner)) {
                m_owners.append(owner);
            }
        }
        summary.append(labelOf(segment).replace(u'\n', u' '));
    }
    setAccessibleDescription(summary.join(QStringLiteral(", ")));
    update();
}

QSize SpaceMapBar::sizeHint() const
{
    return {300, BarHeight + fontMetrics().height() + 6};
}

QSize SpaceMapBar::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

QRectF SpaceMapBar::barArea() const
{
    return QRectF(rect()).adjusted(1, 1, -1, -(fontMetrics().height() + 6));
}

QList<QRectF> SpaceMapBar::layoutRects() const
{
    QList<QRectF> rects;
    const QRectF area = barArea();
    // Small stretches still get a visible sliver (a 1 MiB gap on a 2 TB disk);
    // the rest of the width is shared by length, as in the layout bar.
    const qreal slivers = MinimumBlockWidth * m_segments.size();
    const qreal spread = qMax<qreal>(0, area.width() - slivers);
    qreal x = area.left();
    for (const SpaceMapSegment &segment : m_segments) {
        const qreal share = m_input.sizeInSectors ? qreal(segment.length) / qreal(m_input.sizeInSectors) : 0;
        const qreal width = MinimumBlockWidth + spread * share;
        rects.append(QRectF(x, area.top(), width, area.height()));
        x += width;
    }
    return rects;
}

int SpaceMapBar::segmentAt(const QPointF &point) const
{
    const QList<QRectF> rects = layoutRects();
    for (int index = 0; index < rects.size(); ++index) {
        if (rects[index].contains(point)) {
            return index;
        }
    }
    return -1;
}

QRectF SpaceMapBar::segmentRect(int segment) const
{
    return layoutRects().value(segment);
}

QColor SpaceMapBar::fillOf(const SpaceRange &range) const
{
    const QPalette pal = palette();
    switch (range.kind) {
    case SpaceKind::Partition:
        return pal.color(QPalette::Button).darker(112);
    case SpaceKind::InUse:
        return pal.color(QPalette::Mid);
    case SpaceKind::Draft:
        return pal.color(QPalette::Highlight);
    case SpaceKind::Mapping:
    case SpaceKind::WholeDeviceMapping:
        break;
    }
    return barColor(m_owners.indexOf(range.owner), pal);
}

QString SpaceMapBar::labelOf(const SpaceMapSegment &segment) const
{
    const QString size = formatSizeHuman(segment.length * BytesPerSector);
    if (segment.isFree()) {
        return tr("Free\n%1").arg(size);
    }
    const SpaceRange &top = m_input.ranges[segment.ranges.first()];
    QString name = top.owner;
    if (top.kind == SpaceKind::Draft) {
        name = tr("This table");
    } else if (top.kind == SpaceKind::InUse) {
        name = top.description;
    }
    // What is there matters more than the size once the draft is over it.
    QString second = size;
    for (int index : segment.ranges) {
        if (m_input.ranges[index].holdsData) {
            second = m_input.ranges[index].signature;
            break;
        }
    }
    return tr("%1\n%2").arg(name, second);
}

QString SpaceMapBar::describeRange(const SpaceRange &range) const
{
    QString text;
    switch (range.kind) {
    case SpaceKind::Partition:
        text = tr("Partition %1").arg(range.owner);
        break;
    case SpaceKind::InUse:
        text = tr("%1: %2").arg(range.owner, range.description);
        break;
    case SpaceKind::WholeDeviceMapping:
        text = tr("Used by mapping %1 (whole device)").arg(range.owner);
        break;
    case SpaceKind::Mapping:
        text = tr("Mapping %1, %2 target").arg(range.owner, range.target);
        break;
    case SpaceKind::Draft:
        text = tr("This table, segment %1 (%2)").arg(range.draftRow + 1).arg(range.target);
        break;
    }
    if (!range.signature.isEmpty()) {
        text += tr(", holds %1").arg(range.signature);
    }
    return text;
}

QString SpaceMapBar::describeSegment(int index) const
{
    if (index < 0 || index >= m_segments.size()) {
        return QString();
    }
    const SpaceMapSegment &segment = m_segments[index];
    QStringList lines{tr("Sectors %1–%2 (%3)")
                          .arg(QString::number(segment.start), QString::number(segment.end() - 1),
                               formatSizeHuman(segment.length * BytesPerSector))};
    if (segment.isFree()) {
        lines.append(tr("Free space"));
    }
    for (int range : segment.ranges) {
        lines.append(describeRange(m_input.ranges[range]));
    }
    if (segment.conflict) {
        lines.append(tr("The table being edited overlaps another user of this range."));
    }
    return lines.join(u'\n');
}

void SpaceMapBar::paintSegment(QPainter &painter, const SpaceMapSegment &segment, const QRectF &box) const
{
    const QPalette pal = palette();
    const QRectF main = box.adjusted(0, 0, 0, -PartitionStrip);
    QColor ink = LabelInk;
    if (segment.isFree()) {
        painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRect(main.adjusted(0.5, 0.5, -0.5, -0.5));
        ink = pal.color(QPalette::WindowText);
    } else {
        const SpaceRange &top = m_input.ranges[segment.ranges.first()];
        painter.setPen(Qt::NoPen);
        painter.setBrush(fillOf(top));
        painter.drawRect(main);
        if (top.kind == SpaceKind::WholeDeviceMapping || top.kind == SpaceKind::InUse) {
            // Hatched: the whole device is taken, which part of it is not known.
            painter.setBrush(QBrush(QColor(0, 0, 0, 70), Qt::BDiagPattern));
            painter.drawRect(main);
        }
        if (top.kind == SpaceKind::Draft) {
            ink = pal.color(QPalette::HighlightedText);
        } else if (top.kind == SpaceKind::Partition || top.kind == SpaceKind::InUse) {
            ink = pal.color(QPalette::WindowText); // on the palette's own greys
        }
    }
    if (segment.conflict) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(problemColor(), 2.5, Qt::DashLine));
        painter.drawRect(main.adjusted(1.25, 1.25, -1.25, -1.25));
    }
    const bool draft = !segment.isFree() && m_input.ranges[segment.ranges.first()].kind == SpaceKind::Draft;
    qreal textRight = main.right() - 4;
    if (draft && holdsData(segment, m_input.ranges) && main.width() >= 14) {
        // A warning triangle in the corner: this range holds somebody's data.
        const QPointF corner = main.topRight() + QPointF(-12, 3);
        QPainterPath triangle;
        triangle.moveTo(corner + QPointF(5, 0));
        triangle.lineTo(corner + QPointF(10, 9));
        triangle.lineTo(corner + QPointF(0, 9));
        triangle.closeSubpath();
        painter.setPen(QPen(LabelInk, 1));
        painter.setBrush(QColor(250, 190, 20));
        painter.drawPath(triangle);
        textRight -= 12;
    }
    const QString label = labelOf(segment);
    const QRectF textBox(main.left() + 4, main.top() + 2, textRight - main.left() - 4, main.height() - 4);
    const QFontMetrics metrics = fontMetrics();
    if (metrics.horizontalAdvance(label.section(u'\n', 0, 0)) <= textBox.width()) {
        painter.setPen(ink);
        painter.drawText(
            textBox, Qt::AlignCenter,
            label.section(u'\n', 0, 0) + u'\n'
                + metrics.elidedText(label.section(u'\n', 1), Qt::ElideRight, int(textBox.width())));
    }
}

void SpaceMapBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    const QRectF area = barArea();
    if (m_segments.isEmpty()) {
        painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
        painter.drawRoundedRect(area, 4, 4);
        painter.drawText(area, Qt::AlignCenter, tr("Select a device to see how its space is used"));
        return;
    }
    const QList<QRectF> rects = layoutRects();
    for (int index = 0; index < m_segments.size(); ++index) {
        paintSegment(painter, m_segments[index], rects[index]);
    }
    // The strip under the bar: one dark band per partition, gaps between them.
    painter.setPen(Qt::NoPen);
    painter.setBrush(pal.color(QPalette::Dark));
    for (int index = 0; index < m_segments.size(); ++index) {
        const int partition = m_segments[index].partition;
        if (partition < 0) {
            continue;
        }
        const QRectF strip(rects[index].left(), rects[index].bottom() - PartitionStrip + 2,
                           rects[index].width(), PartitionStrip - 2);
        const bool first = index == 0 || m_segments[index - 1].partition != partition;
        const bool last = index + 1 == m_segments.size() || m_segments[index + 1].partition != partition;
        painter.drawRect(strip.adjusted(first ? 1 : 0, 0, last ? -1 : 0, 0));
    }
    painter.setPen(pal.color(QPalette::WindowText));
    const QRectF scale(rect().left() + 1, rect().bottom() - fontMetrics().height() - 3, width() - 2,
                       fontMetrics().height() + 2);
    painter.drawText(scale, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    painter.drawText(scale, Qt::AlignRight | Qt::AlignVCenter,
                     tr("%1, %2").arg(m_title, formatSizeHuman(m_input.sizeInSectors * BytesPerSector)));
}

void SpaceMapBar::mousePressEvent(QMouseEvent *event)
{
    const int index = segmentAt(event->position());
    if (index < 0 || m_segments[index].isFree()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const SpaceRange &top = m_input.ranges[m_segments[index].ranges.first()];
    if (top.kind == SpaceKind::Mapping || top.kind == SpaceKind::WholeDeviceMapping) {
        Q_EMIT mappingClicked(top.owner);
    } else if (top.kind == SpaceKind::Draft) {
        Q_EMIT draftRowClicked(top.draftRow);
    }
}

bool SpaceMapBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = segmentAt(help->pos());
        if (index >= 0) {
            QToolTip::showText(help->globalPos(), describeSegment(index), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace Volmap
