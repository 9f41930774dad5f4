// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

class QFontMetrics;

namespace Volmap {

/*
 * A rate chart's title and, under it, its legend: a colour swatch and the
 * newest value of each series. Drawn in the chart's top margin instead of
 * by Qt Charts: its legend lays the whole chart out again, axes and their
 * rich-text labels included, whenever an entry's text changes, which a
 * live value does on nearly every sample. This item repaints its strip.
 */
class ChartHeader final : public QGraphicsItem
{
public:
    struct Entry
    {
        QColor color;
        QString text;
        bool operator==(const Entry &) const = default;
    };

    explicit ChartHeader(QGraphicsItem *parent);

    /* The strip's height for text of this font: the title line, the legend line and the gaps. */
    static int heightFor(const QFontMetrics &metrics);

    void setWidth(qreal width);
    void setTitle(const QString &title);
    void setFont(const QFont &font);
    void setTextColor(const QColor &color);
    /* Repaints only when an entry changed. */
    void setEntries(const QList<Entry> &entries);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintLegend(QPainter *painter, const QFontMetrics &metrics, qreal top) const;

    qreal m_width = 0;
    QString m_title;
    QFont m_font;
    QColor m_textColor;
    QList<Entry> m_entries;
};

} // namespace Volmap
