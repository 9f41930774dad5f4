// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "axisscale.h"

#include <QChartView>
#include <QPointF>

#include <functional>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace Volmap {

class ChartHeader;

/*
 * A chart of one read and one write rate over the last `windowSeconds`,
 * newest at the right; until that much history exists the chart spans
 * what there is. The y axis scales itself to what is visible, with
 * round ticks labelled by `formatValue` (e.g. "2.0 MiB/s"), so it reads in
 * human units rather than the raw numbers Qt Charts would print. Colours
 * come from the palette, the two series colours are readable on light and
 * dark backgrounds.
 */
class RateChart final : public QChartView
{
    Q_OBJECT

public:
    RateChart(const QString &title, AxisUnits units, double floor, std::function<QString(double)> formatValue,
              QWidget *parent = nullptr);
    /* The smallest a chart gets in text of these metrics: its axes' labels and a readable plot. */
    static QSize minimumSizeFor(const QFontMetrics &metrics);

    void setWindowSeconds(double seconds);
    /*
     * Points are (seconds before the newest sample, value), oldest first;
     * `newest` is the newest sample's time in seconds on any fixed clock,
     * which keeps the thinning of dense histories steady as they slide.
     * The header names each series with its newest value. A chart nobody
     * can see keeps the points and draws them when it comes into view.
     */
    void setPoints(const QList<QPointF> &read, const QList<QPointF> &write, double newest = 0);
    void clear();

    QLineSeries *readSeries() const { return m_read; }
    QLineSeries *writeSeries() const { return m_write; }
    /* The visible x range in seconds, 0 to this: the oldest point's age, at most the window. */
    double xSpan() const;
    /* The visible y range, 0 to this. */
    double yMaximum() const;
    QStringList yLabels() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    class PlotGrid;

    void applyPalette();
    void applyHeaderFont();
    void updateGrid();
    void applyPoints();
    void setSpan(double seconds);
    void rescale(const QList<QPointF> &read, const QList<QPointF> &write);

    QString m_title;
    AxisUnits m_units;
    double m_floor;
    std::function<QString(double)> m_format;
    QLineSeries *m_read = nullptr;
    QLineSeries *m_write = nullptr;
    QValueAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    double m_window = 180;
    PlotGrid *m_grid = nullptr;      // owned by the chart
    ChartHeader *m_header = nullptr; // owned by the chart
    double m_xStep = 0;
    QColor m_gridColor;
    // The latest points; applied to the series only while visible.
    QList<QPointF> m_readPoints;
    QList<QPointF> m_writePoints;
    double m_newest = 0;
    bool m_pending = false;
};

} // namespace Volmap
