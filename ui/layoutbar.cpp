// SPDX-License-Identifier: GPL-2.0-or-later
#include "layoutbar.h"

#include "problemcolor.h"
#include "segmenttablemodel.h"
#include "sizeunits.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace Volmap {

namespace {

constexpr int BarHeight = 44;
constexpr qreal MinimumBlockWidth = 4;
// Segments the accessible description names one by one.
constexpr int DescribedSegments = 50;

// Hues far apart, at a saturation and value that read on light and dark windows.
constexpr int Hues[] = {210, 30, 130, 280, 0, 180, 55, 320, 95, 250};

QString deviceLabel(const EditableSegment &segment)
{
    if (segment.target == u"zero" || segment.target == u"error") {
        return segment.target;
    }
    return segment.device.section(u'/', -1);
}

} // namespace

LayoutBar::LayoutBar(SegmentTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("layoutBar"));
    setAccessibleName(tr("Layout of the new device"));
    setFocusPolicy(Qt::NoFocus); // the table has the same information and keyboard access
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(model, signal, this, &LayoutBar::modelChanged);
    }
    connect(model, &QAbstractItemModel::rowsMoved, this, &LayoutBar::modelChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &LayoutBar::modelChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &LayoutBar::modelChanged);
    modelChanged();
}

QSize LayoutBar::sizeHint() const
{
    return {400, BarHeight + fontMetrics().height() + 6};
}

QSize LayoutBar::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

QColor barColor(qsizetype slot, const QPalette &palette)
{
    const int hue = Hues[(slot < 0 ? 0 : slot) % qsizetype(std::size(Hues))];
    const bool dark = palette.window().color().lightness() < 128;
    return QColor::fromHsv(hue, dark ? 150 : 120, dark ? 200 : 235);
}

QColor LayoutBar::colorOf(const QString &device) const
{
    return barColor(m_deviceOrder.indexOf(device), palette());
}

void LayoutBar::setCurrentRow(int row)
{
    m_currentRow = row;
    update();
}

void LayoutBar::modelChanged()
{
    const QList<EditableSegment> &segments = m_model->segments();
    QStringList order;
    QStringList summary;
    for (const EditableSegment &segment : segments) {
        if (!segment.device.isEmpty() && !order.contains(segment.device)) {
            order.append(segment.device);
        }
        // Nobody listens to thousands of segments read out; building them
        // cost more than the rest of an edit in a 10 000-segment table.
        if (summary.size() < DescribedSegments) {
            summary.append(
                tr("%1 %2").arg(deviceLabel(segment), formatSizeHuman(segment.length * BytesPerSector)));
        }
    }
    if (segments.size() > DescribedSegments) {
        summary.append(tr("%n more segment(s)", nullptr, int(segments.size() - DescribedSegments)));
    }
    m_deviceOrder = order;
    setAccessibleDescription(summary.isEmpty() ? tr("Empty") : summary.join(QStringLiteral(", ")));
    update();
}

QList<LayoutBar::Block> LayoutBar::layoutBlocks() const
{
    const QList<EditableSegment> &segments = m_model->segments();
    quint64 total = 0;
    for (const EditableSegment &segment : segments) {
        total += segment.length;
    }
    QList<Block> blocks;
    if (segments.isEmpty()) {
        return blocks;
    }
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -(fontMetrics().height() + 6));
    // Tiny segments still get a visible sliver; the rest share what is left by length.
    const qreal slivers = MinimumBlockWidth * segments.size();
    const qreal spread = qMax<qreal>(0, area.width() - slivers);
    qreal x = area.left();
    // Blocks past the right edge are neither drawn nor clicked: a large
    // table lays out the few hundred that show, not all of its rows.
    for (int row = 0; row < segments.size() && x <= area.right(); ++row) {
        const qreal share = total ? qreal(segments[row].length) / qreal(total) : 1.0 / segments.size();
        const qreal width = MinimumBlockWidth + spread * share;
        blocks.append({row, QRectF(x, area.top(), width, area.height())});
        x += width;
    }
    return blocks;
}

void LayoutBar::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<Block> blocks = layoutBlocks();
    if (blocks.isEmpty()) {
        paintPlaceholder(painter);
        return;
    }
    // Thousands of slivers run past the right edge: draw only what shows.
    const QRectF exposed(event->rect());
    const QFontMetrics metrics = fontMetrics();
    for (const Block &block : blocks) {
        if (block.rect.intersects(exposed)) {
            paintBlock(painter, block, metrics);
        }
    }
    paintScale(painter);
}

void LayoutBar::paintPlaceholder(QPainter &painter) const
{
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -(fontMetrics().height() + 6));
    QPen dashed(palette().color(QPalette::PlaceholderText), 1, Qt::DashLine);
    painter.setPen(dashed);
    painter.drawRoundedRect(area, 4, 4);
    painter.drawText(area, Qt::AlignCenter, tr("Drag devices here to build the new device"));
}

void LayoutBar::paintBlock(QPainter &painter, const Block &block, const QFontMetrics &metrics) const
{
    const QPalette pal = palette();
    const EditableSegment &segment = m_model->segments()[block.row];
    const bool invalid = !m_model->problemAt(block.row).isEmpty();
    QColor fill = segment.device.isEmpty() ? pal.color(QPalette::Mid) : colorOf(segment.device);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    const QRectF box = block.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    painter.drawRect(box);
    if (segment.target == u"error") {
        painter.setBrush(QBrush(problemColor(), Qt::BDiagPattern));
        painter.drawRect(box);
    } else if (segment.target == u"linear") {
        // linear passes I/O through without counters: drawn lighter than basic_target.
        painter.setBrush(QColor(255, 255, 255, 70));
        painter.drawRect(box.adjusted(0, box.height() * 0.6, 0, 0));
    }
    if (invalid || block.row == m_currentRow) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(invalid ? problemColor() : pal.color(QPalette::Highlight), 2.5,
                            invalid ? Qt::DashLine : Qt::SolidLine));
        painter.drawRect(box.adjusted(1.25, 1.25, -1.25, -1.25));
    }
    // A sliver has no room for a label: do not build one to measure it.
    const QRectF textBox = box.adjusted(4, 2, -4, -2);
    if (textBox.width() <= 0) {
        return;
    }
    const QString device = deviceLabel(segment);
    if (metrics.horizontalAdvance(device) <= textBox.width()) {
        painter.setPen(QColor(20, 20, 20));
        painter.drawText(textBox, Qt::AlignCenter,
                         tr("%1\n%2").arg(device, formatSizeHuman(segment.length * BytesPerSector)));
    }
}

// The scale under the bar: 0 and the total size.
void LayoutBar::paintScale(QPainter &painter) const
{
    const QList<EditableSegment> &segments = m_model->segments();
    quint64 total = 0;
    for (const EditableSegment &segment : segments) {
        total += segment.length;
    }
    painter.setPen(palette().color(QPalette::WindowText));
    const QRectF scale(rect().left() + 1, rect().bottom() - fontMetrics().height() - 3, width() - 2,
                       fontMetrics().height() + 2);
    painter.drawText(scale, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    painter.drawText(scale, Qt::AlignRight | Qt::AlignVCenter,
                     tr("%1 in %n segment(s)", nullptr, int(segments.size()))
                         .arg(formatSizeHuman(total * BytesPerSector)));
}

void LayoutBar::mousePressEvent(QMouseEvent *event)
{
    for (const Block &block : layoutBlocks()) {
        if (block.rect.contains(event->position())) {
            Q_EMIT segmentClicked(block.row);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

bool LayoutBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        for (const Block &block : layoutBlocks()) {
            if (block.rect.contains(help->pos())) {
                const EditableSegment &segment = m_model->segments()[block.row];
                QString text = tr("Segment %1: %2, %3")
                                   .arg(block.row + 1)
                                   .arg(segment.target, formatSizeHuman(segment.length * BytesPerSector));
                if (!segment.device.isEmpty()) {
                    text += tr("\non %1 from %2")
                                .arg(segment.device, formatSizeHuman(segment.offset * BytesPerSector));
                }
                const QString problem = m_model->problemAt(block.row);
                if (!problem.isEmpty()) {
                    text += u'\n' + problem;
                }
                QToolTip::showText(help->globalPos(), text, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Volmap
