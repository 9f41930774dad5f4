// SPDX-License-Identifier: GPL-2.0-or-later
#include "ratechart.h"

#include "chartdecimation.h"
#include "chartheader.h"

#include <QCategoryAxis>
#include <QEvent>
#include <QGraphicsItem>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

namespace Volmap {

namespace {

// Breeze's blue and orange: distinct for the common colour blindnesses
// and with enough contrast on both a white and a near-black plot.
const QColor ReadColor(0x1d, 0x99, 0xf3);
const QColor WriteColor(0xf6, 0x74, 0x00);

// Each bucket of this many pixels keeps its lowest and highest sample, so
// a line has a corner every 2.5 pixels on average: a 2-pixel pen shows
// little finer, and stroking it costs in proportion to its corners.
constexpr double PixelsPerBucket = 5;

QColor mix(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

/*
 * The plot's grid: horizontal and vertical lines, so drawn without
 * antialiasing, where each line is one span fill. Qt Charts' own grid
 * lines are stroked antialiased, pixel by pixel, whenever the series
 * under them repaint: 4 times a second, more than a quarter of the
 * view's instructions by callgrind. Not cached in a pixmap: that would
 * keep two plot-sized images and take new ones whenever the ticks move.
 */
class RateChart::PlotGrid final : public QGraphicsItem
{
public:
    explicit PlotGrid(QGraphicsItem *parent)
        : QGraphicsItem(parent)
    {
        // Above the chart's background, below the series and axes.
        setZValue(0.5);
        setAcceptedMouseButtons(Qt::NoButton);
    }

    void setLines(const QRectF &plot, const QList<double> &xs, const QList<double> &ys, const QColor &color)
    {
        if (plot == m_plot && xs == m_xs && ys == m_ys && color == m_color) {
            return; // nothing moved: no repaint
        }
        prepareGeometryChange();
        m_plot = plot;
        m_xs = xs;
        m_ys = ys;
        m_color = color;
        update();
    }

    QRectF boundingRect() const override { return m_plot.adjusted(-1, -1, 1, 1); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(m_color, 0));
        for (double x : std::as_const(m_xs)) {
            painter->drawLine(QLineF(x, m_plot.top(), x, m_plot.bottom()));
        }
        for (double y : std::as_const(m_ys)) {
            painter->drawLine(QLineF(m_plot.left(), y, m_plot.right(), y));
        }
    }

private:
    QRectF m_plot;
    QList<double> m_xs;
    QList<double> m_ys;
    QColor m_color;
};

RateChart::RateChart(const QString &title, AxisUnits units, double floor,
                     std::function<QString(double)> formatValue, QWidget *parent)
    : QChartView(parent)
    , m_title(title)
    , m_units(units)
    , m_floor(floor)
    , m_format(std::move(formatValue))
{
    auto *chart = new QChart;
    // Animations would replay on every sample and keep the CPU busy.
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    // The title and the legend are the header's (see ChartHeader), in the top margin.
    chart->legend()->hide();

    m_read = new QLineSeries(chart);
    m_read->setName(tr("Read"));
    m_write = new QLineSeries(chart);
    m_write->setName(tr("Write"));
    chart->addSeries(m_read);
    chart->addSeries(m_write);

    m_xAxis = new QValueAxis(chart);
    m_xAxis->setTitleText(tr("seconds ago"));
    // Time runs from the past on the left to now on the right.
    m_xAxis->setReverse(true);
    m_yAxis = new QCategoryAxis(chart);
    m_yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QLineSeries *series : {m_read, m_write}) {
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    m_xAxis->setGridLineVisible(false);
    m_yAxis->setGridLineVisible(false);
    m_grid = new PlotGrid(chart);
    connect(chart, &QChart::plotAreaChanged, this, &RateChart::updateGrid);
    m_header = new ChartHeader(chart);
    m_header->setTitle(title);
    connect(chart, &QChart::geometryChanged, this,
            [this]() { m_header->setWidth(this->chart()->size().width()); });
    setChart(chart);
    applyHeaderFont();
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setMinimumSize(minimumSizeFor(fontMetrics()));
    setAccessibleName(title);

    setWindowSeconds(m_window);
    applyPalette();
    clear();
}

QSize RateChart::minimumSizeFor(const QFontMetrics &metrics)
{
    return {metrics.averageCharWidth() * 36, metrics.height() * 12};
}

void RateChart::setWindowSeconds(double seconds)
{
    m_window = qMax(1.0, seconds);
    setSpan(m_window);
}

/*
 * The x axis reaches back to the oldest point, at most the window: the
 * first samples use the whole width instead of crowding at the right edge
 * of a three-minute axis.
 */
void RateChart::setSpan(double seconds)
{
    if (m_xAxis->min() == 0 && qFuzzyCompare(m_xAxis->max(), seconds)) {
        return;
    }
    m_xAxis->setRange(0, seconds);
    // Ticks on round seconds and minutes read as time, not as an
    // arbitrary division of the axis.
    double step = 600;
    for (double candidate : {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0}) {
        if (seconds / candidate <= 6) {
            step = candidate;
            break;
        }
    }
    m_xAxis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_xAxis->setTickType(QValueAxis::TicksDynamic);
    m_xAxis->setTickAnchor(0);
    m_xAxis->setTickInterval(step);
    m_xStep = step;
    updateGrid();
}

/* The grid at the axes' ticks: every x step back from now, every y label. */
void RateChart::updateGrid()
{
    if (!m_grid) {
        return;
    }
    const QRectF plot = chart()->plotArea();
    QList<double> xs;
    QList<double> ys;
    if (plot.isValid() && m_xStep > 0) {
        // Counted, not summed: ten steps of 0.1 s must end on the axis's 1 s.
        for (int tick = 0; tick * m_xStep <= m_xAxis->max() + m_xStep * 1e-6; ++tick) {
            xs.append(chart()->mapToPosition(QPointF(tick * m_xStep, 0), m_read).x());
        }
        const QList<QString> labels = m_yAxis->categoriesLabels();
        for (const QString &label : labels) {
            ys.append(chart()->mapToPosition(QPointF(0, m_yAxis->endValue(label)), m_read).y());
        }
    }
    m_grid->setLines(plot, xs, ys, m_gridColor);
}

double RateChart::xSpan() const
{
    return m_xAxis->max();
}

void RateChart::clear()
{
    m_readPoints.clear();
    m_writePoints.clear();
    m_newest = 0;
    applyPoints();
}

void RateChart::setPoints(const QList<QPointF> &read, const QList<QPointF> &write, double newest)
{
    m_readPoints = read;
    m_writePoints = write;
    m_newest = newest;
    // A hidden tab or a chart scrolled out of sight would still lay out,
    // stroke and index its lines on every sample: keep the points until
    // the chart is shown or painted again.
    // (The view itself is covered by its viewport: ask the viewport.)
    if (!isVisible() || viewport()->visibleRegion().isEmpty()) {
        m_pending = true;
        return;
    }
    applyPoints();
}

void RateChart::applyPoints()
{
    m_pending = false;
    const QList<QPointF> &read = m_readPoints;
    const QList<QPointF> &write = m_writePoints;
    double oldest = 0;
    for (const QList<QPointF> *points : {&read, &write}) {
        for (const QPointF &point : *points) {
            oldest = qMax(oldest, point.x());
        }
    }
    // One point has no age to span: it sits at "now" on the full window.
    // A round span moves the axis a few dozen times while the history
    // grows, not on every sample.
    setSpan(oldest > 0 ? niceTimeSpan(oldest, m_window) : m_window);
    // More samples than pixels (4 Hz over 3 minutes is 721 points on a few
    // hundred) cost work on every update and show nothing more: keep the
    // extremes of every few pixels.
    double plotWidth = chart()->plotArea().width();
    if (plotWidth < 1) {
        plotWidth = width();
    }
    const double bucket = xSpan() * PixelsPerBucket / qMax(1.0, plotWidth);
    // replace() hands the series one list, one repaint, instead of a
    // signal per point.
    m_read->replace(decimateMinMax(read, bucket, m_newest));
    m_write->replace(decimateMinMax(write, bucket, m_newest));
    // A line needs two points; until then the first reading shows as a dot.
    m_read->setPointsVisible(read.size() == 1);
    m_write->setPointsVisible(write.size() == 1);
    const auto newest = [this](const QList<QPointF> &points) {
        return points.isEmpty() ? QStringLiteral("—") : m_format(points.constLast().y());
    };
    m_header->setEntries(
        {{ReadColor, tr("Read %1").arg(newest(read))}, {WriteColor, tr("Write %1").arg(newest(write))}});
    setAccessibleDescription(tr("%1 now: read %2, write %3").arg(m_title, newest(read), newest(write)));
    rescale(read, write);
}

void RateChart::showEvent(QShowEvent *event)
{
    if (m_pending) {
        applyPoints();
    }
    QChartView::showEvent(event);
}

void RateChart::paintEvent(QPaintEvent *event)
{
    // Scrolled back into sight: catch up before drawing.
    if (m_pending) {
        applyPoints();
    }
    QChartView::paintEvent(event);
}

void RateChart::rescale(const QList<QPointF> &read, const QList<QPointF> &write)
{
    double peak = 0;
    for (const QList<QPointF> *points : {&read, &write}) {
        for (const QPointF &point : *points) {
            if (point.x() <= m_window) {
                peak = qMax(peak, point.y());
            }
        }
    }
    const AxisScale scale = niceAxisScale(peak, m_floor, m_units, 4);
    if (qFuzzyCompare(scale.maximum, m_yAxis->max()) && m_yAxis->count() > 0) {
        return; // same scale: keep the labels, nothing to lay out again
    }
    const QStringList old = m_yAxis->categoriesLabels();
    for (const QString &label : old) {
        m_yAxis->remove(label);
    }
    // Labels sit on the end values of categories, so the start value gets
    // none: start a hair below 0 so that 0 ends a category and is labelled.
    m_yAxis->setStartValue(-scale.step / 1000);
    const QList<double> ticks = scale.ticks();
    for (double tick : ticks) {
        m_yAxis->append(m_format(tick), tick);
    }
    m_yAxis->setRange(0, scale.maximum);
    updateGrid();
}

double RateChart::yMaximum() const
{
    return m_yAxis->max();
}

QStringList RateChart::yLabels() const
{
    return m_yAxis->categoriesLabels();
}

void RateChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
    }
    if (event->type() == QEvent::FontChange) {
        applyHeaderFont();
    }
}

/* The header's text follows the view's font, and the chart keeps a top margin its height. */
void RateChart::applyHeaderFont()
{
    if (!m_header) {
        return;
    }
    m_header->setFont(font());
    chart()->setMargins(QMargins(2, 2 + ChartHeader::heightFor(fontMetrics()), 2, 2));
    m_header->setPos(0, 2);
}

void RateChart::applyPalette()
{
    QChart *chart = this->chart();
    const QPalette colors = palette();
    const QColor text = colors.color(QPalette::Text);
    const QColor base = colors.color(QPalette::Base);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(QPen(colors.color(QPalette::Mid), 1));
    chart->setPlotAreaBackgroundVisible(false);
    m_header->setTextColor(text);
    setBackgroundBrush(colors.color(QPalette::Window));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(mix(text, base, 0.3));
        axis->setLinePenColor(mix(text, base, 0.6));
        axis->setGridLineColor(mix(text, base, 0.85));
    }
    m_gridColor = mix(text, base, 0.85);
    updateGrid();
    QPen readPen(ReadColor, 2);
    QPen writePen(WriteColor, 2);
    m_read->setPen(readPen);
    m_write->setPen(writePen);
}

} // namespace Volmap
