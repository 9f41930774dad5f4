// SPDX-License-Identifier: GPL-2.0-or-later
#include "chartheader.h"

#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace Volmap {

namespace {

// A swatch about as tall as a capital letter, as Qt Charts' legend draws it.
int swatchSize(const QFontMetrics &metrics)
{
    return qMax(6, metrics.capHeight() + 2);
}

int gapBelowTitle(const QFontMetrics &metrics)
{
    return metrics.height() / 2;
}

} // namespace

ChartHeader::ChartHeader(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // Above the chart's background, as the grid; nothing to click.
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
}

int ChartHeader::heightFor(const QFontMetrics &metrics)
{
    return 2 * metrics.height() + gapBelowTitle(metrics) + metrics.height() / 3;
}

void ChartHeader::setWidth(qreal width)
{
    if (width == m_width) {
        return;
    }
    prepareGeometryChange();
    m_width = width;
}

void ChartHeader::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void ChartHeader::setFont(const QFont &font)
{
    prepareGeometryChange();
    m_font = font;
}

void ChartHeader::setTextColor(const QColor &color)
{
    m_textColor = color;
    update();
}

void ChartHeader::setEntries(const QList<Entry> &entries)
{
    if (entries == m_entries) {
        return;
    }
    m_entries = entries;
    update();
}

QRectF ChartHeader::boundingRect() const
{
    return {0, 0, m_width, qreal(heightFor(QFontMetrics(m_font)))};
}

void ChartHeader::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QFontMetrics metrics(m_font);
    painter->setFont(m_font);
    painter->setPen(m_textColor);
    const QRectF titleLine(0, metrics.height() / 3, m_width, metrics.height());
    painter->drawText(titleLine, Qt::AlignCenter | Qt::TextSingleLine,
                      metrics.elidedText(m_title, Qt::ElideRight, int(m_width)));
    paintLegend(painter, metrics, titleLine.bottom() + gapBelowTitle(metrics));
}

/* The entries side by side, centred: swatch, gap, text; a wider gap between entries. */
void ChartHeader::paintLegend(QPainter *painter, const QFontMetrics &metrics, qreal top) const
{
    const int swatch = swatchSize(metrics);
    const int gap = metrics.averageCharWidth();
    const int between = 3 * gap;
    QList<int> textWidths;
    qreal total = 0;
    for (const Entry &entry : m_entries) {
        textWidths.append(metrics.horizontalAdvance(entry.text));
        total += swatch + gap + textWidths.constLast();
    }
    total += between * qMax<qsizetype>(0, m_entries.size() - 1);
    qreal x = std::floor(qMax<qreal>(0, (m_width - total) / 2));
    const qreal swatchTop = std::round(top + (metrics.height() - swatch) / 2.0);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        painter->fillRect(QRectF(x, swatchTop, swatch, swatch), entry.color);
        x += swatch + gap;
        painter->drawText(QRectF(x, top, textWidths.at(i), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, entry.text);
        x += textWidths.at(i) + between;
    }
}

} // namespace Volmap
