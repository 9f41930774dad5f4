// SPDX-License-Identifier: GPL-2.0-or-later
#include "iomonitorview.h"

#include "activitywatcher.h"
#include "blockdeviceresolver.h"
#include "clienterror.h"
#include "intervalcombo.h"
#include "iosampler.h"
#include "ratechart.h"
#include "segmentcountersmodel.h"
#include "segmentsampler.h"
#include "sharebardelegate.h"
#include "sizeunits.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace Volmap {

namespace {

// 0.25 s follows a busy mapping at 4 Hz; the charts cost little enough.
const QList<int> IntervalChoices{250, 500, 1000, 2000, 5000};

QString iopsText(double value)
{
    // Rates below 10 keep a decimal so a trickle does not read as 0.
    return QLocale().toString(value, 'f', value < 10 && value > 0 ? 1 : 0) + QStringLiteral(" IOPS");
}

QString latencyText(double milliseconds)
{
    return QLocale().toString(milliseconds, 'f', milliseconds < 10 ? 2 : 1) + QStringLiteral(" ms");
}

/*
 * A statistic's value keeps a fixed size, which only grows while one
 * mapping is shown, a few characters at a time. A label of fixed size
 * takes a new text without laying the window out again: its numbers
 * change on every sample, and each change of width would relayout the
 * whole window (and make the row jitter as digits come and go).
 */
void setStatistic(QLabel *value, const QString &text)
{
    value->setText(text);
    // The text's advance, not sizeHint(): that lays the text out once more.
    const QMargins margins = value->contentsMargins();
    const int needed = value->fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
                       + 2 * value->margin();
    if (needed > value->minimumWidth()) {
        const int step = 2 * value->fontMetrics().averageCharWidth();
        value->setFixedWidth((needed + step - 1) / step * step);
    }
}

/* Back to the width of its text, for a new mapping. */
void resetStatistic(QLabel *value)
{
    value->setText(QStringLiteral("—"));
    value->setFixedSize(value->sizeHint());
}

// A caption over a value, as in a dashboard; the value label carries the
// caption as its accessible name so a screen reader says what it is.
QLabel *addStatistic(QGridLayout *grid, int column, const QString &caption, const QString &objectName,
                     const QString &toolTip)
{
    auto *captionLabel = new QLabel(caption);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setAccessibleName(caption);
    // Not selectable: a new text, 4 times a second, would clear any
    // selection at once, and a selectable label lays its text out as a
    // rich-text document on every change.
    QFont font = value->font();
    font.setBold(true);
    value->setFont(font);
    resetStatistic(value);
    captionLabel->setToolTip(toolTip);
    value->setToolTip(toolTip);
    grid->addWidget(captionLabel, 0, column);
    grid->addWidget(value, 1, column);
    return value;
}

} // namespace

IoMonitorView::IoMonitorView(IoSampler *blockSampler, SegmentSampler *segmentSampler, QWidget *parent)
    : QWidget(parent)
    , m_blockSampler(blockSampler)
    , m_segmentSampler(segmentSampler)
    , m_segmentModel(new SegmentCountersModel(BlockDeviceResolver().tableResolver(), this))
    , m_activity(new ActivityWatcher(this))
{
    setAccessibleName(tr("I/O monitor"));
    m_stack = new QStackedWidget(this);
    m_emptyState = new QLabel(tr("Select a mapping to watch its I/O"));
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    QFont emptyFont = m_emptyState->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.25);
    m_emptyState->setFont(emptyFont);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(createMonitorPage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_blockSampler, &IoSampler::sampled, this, &IoMonitorView::updateBlockRates);
    connect(m_segmentSampler, &SegmentSampler::sampled, this, &IoMonitorView::updateSegments);
    connect(m_segmentSampler, &SegmentSampler::failed, this, &IoMonitorView::showSegmentFailure);
    connect(m_activity, &ActivityWatcher::activeChanged, this, &IoMonitorView::updateSampling);

    // Start from the sampler's interval, so a window that restores a
    // setting into the sampler keeps it; the menu shows it even if it is
    // none of the choices.
    applyInterval(m_blockSampler->interval());
    m_stack->setCurrentWidget(m_emptyState);
}

IoMonitorView::~IoMonitorView()
{
    // Samplers that outlive the view are left watching nothing and idle.
    if (m_blockSampler && !m_kernel.isEmpty()) {
        m_blockSampler->unwatch(m_kernel);
        m_blockSampler->stop();
    }
    if (m_segmentSampler && !m_mapping.isEmpty()) {
        m_segmentSampler->unwatch(m_mapping);
        m_segmentSampler->stop();
    }
}

void IoMonitorView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The values' fixed sizes were measured in the old font (children have the new one by now).
    if (event->type() == QEvent::FontChange && m_inFlight) {
        for (QLabel *value : {m_inFlight, m_latency, m_reads, m_writes, m_readBytes, m_writtenBytes}) {
            const QString text = value->text();
            resetStatistic(value);
            setStatistic(value, text);
        }
    }
}

QWidget *IoMonitorView::createMonitorPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("monitorPage"));
    QLayout *header = createHeader();
    QLayout *statistics = createStatistics();

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createChartsPlace());
    splitter->addWidget(createSegmentSection());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(header);
    layout->addLayout(statistics);
    layout->addWidget(splitter, 1);
    return page;
}

/* The mapping's name and the sampling controls. */
QLayout *IoMonitorView::createHeader()
{
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("mappingTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_interval = new IntervalCombo(IntervalChoices);
    m_interval->setObjectName(QStringLiteral("intervalCombo"));
    m_interval->setAccessibleName(tr("Sampling interval"));
    m_interval->setToolTip(tr("How often the block-layer counters are read; per-segment counters are read "
                              "at most every %1 s")
                               .arg(MinimumSegmentIntervalMs / 1000));
    auto *intervalLabel = new QLabel(tr("&Interval:"));
    intervalLabel->setBuddy(m_interval);
    connect(m_interval, &IntervalCombo::intervalPicked, this, &IoMonitorView::applyInterval);

    m_pause = new QPushButton;
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    connect(m_pause, &QPushButton::clicked, this, [this]() { setPaused(!m_paused); });
    updatePauseButton();

    m_reset = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-clear-history"),
                                               QIcon::fromTheme(QStringLiteral("edit-clear"))),
                              tr("Reset coun&ters"));
    m_reset->setObjectName(QStringLiteral("resetButton"));
    m_reset->setAccessibleName(tr("Reset per-segment counters"));
    m_reset->setToolTip(tr("Set the basic_target counters of every segment of this mapping to zero"));
    m_reset->setEnabled(false);
    connect(m_reset, &QPushButton::clicked, this, [this]() {
        if (m_mapping.isEmpty()) {
            return;
        }
        Q_EMIT statusMessage(tr("Resetting the counters of %1…").arg(m_mapping));
        Q_EMIT resetCountersRequested(m_mapping);
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(intervalLabel);
    header->addWidget(m_interval);
    header->addWidget(m_pause);
    header->addWidget(m_reset);
    return header;
}

/* The block layer's totals of the mapping. */
QLayout *IoMonitorView::createStatistics()
{
    auto *statistics = new QGridLayout;
    statistics->setHorizontalSpacing(fontMetrics().averageCharWidth() * 4);
    statistics->setVerticalSpacing(0);
    const QString sinceAppeared = tr("Since the mapping appeared, as the block layer counts it");
    m_inFlight = addStatistic(statistics, 0, tr("In flight"), QStringLiteral("inFlightValue"),
                              tr("Requests issued to the mapping and not yet completed"));
    m_latency = addStatistic(statistics, 1, tr("Average latency"), QStringLiteral("latencyValue"),
                             tr("Average time a read or write completed in the last interval took"));
    m_reads = addStatistic(statistics, 2, tr("Reads"), QStringLiteral("readsValue"), sinceAppeared);
    m_writes = addStatistic(statistics, 3, tr("Writes"), QStringLiteral("writesValue"), sinceAppeared);
    m_readBytes = addStatistic(statistics, 4, tr("Bytes read"), QStringLiteral("readBytesValue"),
                               sinceAppeared);
    m_writtenBytes = addStatistic(statistics, 5, tr("Bytes written"), QStringLiteral("writtenBytesValue"),
                                  sinceAppeared);
    statistics->setColumnStretch(6, 1);
    return statistics;
}

/*
 * The charts' place; the charts themselves (a Qt Charts scene each, a
 * fifth of the window's start-up) are built with the first mapping
 * watched, as most starts show no mapping. Until then the place keeps
 * the charts' minimum size, so the dock lays out as it will.
 */
QWidget *IoMonitorView::createChartsPlace()
{
    m_charts = new QWidget;
    auto *chartsLayout = new QHBoxLayout(m_charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    const QSize chart = RateChart::minimumSizeFor(m_charts->fontMetrics());
    m_charts->setMinimumSize(2 * chart.width() + chartsLayout->spacing(), chart.height());
    return m_charts;
}

void IoMonitorView::ensureCharts()
{
    if (m_iopsChart) {
        return;
    }
    m_iopsChart = new RateChart(tr("I/O operations per second"), AxisUnits::Decimal, 4, iopsText);
    m_iopsChart->setObjectName(QStringLiteral("iopsChart"));
    m_throughputChart = new RateChart(tr("Throughput"), AxisUnits::Binary, 4096,
                                      [](double value) { return formatRateHuman(value); });
    m_throughputChart->setObjectName(QStringLiteral("throughputChart"));
    for (RateChart *chart : {m_iopsChart, m_throughputChart}) {
        chart->setWindowSeconds(m_windowSeconds);
    }
    m_charts->setMinimumSize(0, 0);
    m_charts->layout()->addWidget(m_iopsChart);
    m_charts->layout()->addWidget(m_throughputChart);
}

QWidget *IoMonitorView::createSegmentSection()
{
    auto *section = new QWidget;
    auto *heading = new QLabel(tr("Per-segment counters (basic_target)"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_segmentProblem = new QWidget;
    m_segmentProblem->setObjectName(QStringLiteral("segmentProblem"));
    m_segmentProblemIcon = new QLabel;
    m_segmentProblemText = new QLabel;
    m_segmentProblemText->setObjectName(QStringLiteral("segmentProblemText"));
    m_segmentProblemText->setWordWrap(true);
    m_segmentProblemText->setTextFormat(Qt::RichText);
    m_segmentProblemText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Try again"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Try reading per-segment counters again"));
    connect(m_retry, &QPushButton::clicked, this, &IoMonitorView::retrySegments);
    auto *problemLayout = new QHBoxLayout(m_segmentProblem);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    problemLayout->addWidget(m_segmentProblemIcon, 0, Qt::AlignTop);
    problemLayout->addWidget(m_segmentProblemText, 1);
    problemLayout->addWidget(m_retry, 0, Qt::AlignTop);
    m_segmentProblem->hide();

    m_segmentNotice = new QLabel;
    m_segmentNotice->setObjectName(QStringLiteral("segmentNotice"));
    m_segmentNotice->setWordWrap(true);
    m_segmentNotice->setForegroundRole(QPalette::PlaceholderText);

    m_segmentTable = new QTableView;
    m_segmentTable->setObjectName(QStringLiteral("segmentTable"));
    m_segmentTable->setAccessibleName(tr("Per-segment counters"));
    m_segmentTable->setModel(m_segmentModel);
    m_segmentTable->setItemDelegateForColumn(
        SegmentCountersModel::ShareColumn,
        new ShareBarDelegate(SegmentCountersModel::ShareRole, m_segmentTable));
    m_segmentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_segmentTable->setAlternatingRowColors(true);
    m_segmentTable->verticalHeader()->hide();
    m_segmentTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_segmentTable->horizontalHeader()->setSectionResizeMode(SegmentCountersModel::ShareColumn,
                                                             QHeaderView::Stretch);
    m_segmentTable->setWordWrap(false);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_segmentProblem);
    layout->addWidget(m_segmentNotice);
    layout->addWidget(m_segmentTable, 1);
    return section;
}

void IoMonitorView::setMapping(const QString &mappingName, const QString &kernelName)
{
    if (mappingName == m_mapping && kernelName == m_kernel) {
        return;
    }
    if (!m_kernel.isEmpty()) {
        m_blockSampler->unwatch(m_kernel);
    }
    if (!m_mapping.isEmpty()) {
        m_segmentSampler->unwatch(m_mapping);
    }
    m_mapping = mappingName;
    m_kernel = mappingName.isEmpty() ? QString() : kernelName;
    m_segmentModel->clear();
    if (m_iopsChart) {
        m_iopsChart->clear();
        m_throughputChart->clear();
    }
    m_segmentProblem->hide();
    m_reset->setEnabled(false);
    for (QLabel *value : {m_inFlight, m_latency, m_reads, m_writes, m_readBytes, m_writtenBytes}) {
        resetStatistic(value);
    }

    if (m_mapping.isEmpty()) {
        m_segmentsWatched = false;
        updateSampling();
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    m_title->setText(m_kernel.isEmpty() ? m_mapping : tr("%1 (%2)").arg(m_mapping, m_kernel));
    m_segmentNotice->setText(tr("Reading the per-segment counters…"));
    m_segmentNotice->show();
    ensureCharts();
    m_stack->setCurrentIndex(1);
    if (!m_kernel.isEmpty()) {
        m_blockSampler->watch(m_kernel);
    }
    m_segmentSampler->watch(m_mapping);
    m_segmentsWatched = true;
    m_live = false; // a new mapping: read it at once
    updateSampling();
}

void IoMonitorView::setMappingTable(const MappingTable &table)
{
    m_segmentModel->setTable(table);
}

void IoMonitorView::setPaused(bool paused)
{
    if (paused == m_paused) {
        return;
    }
    m_paused = paused;
    updatePauseButton();
    if (m_mapping.isEmpty()) {
        return;
    }
    updateSampling();
    Q_EMIT statusMessage(m_paused ? tr("I/O sampling of %1 paused").arg(m_mapping)
                                  : tr("I/O sampling of %1 resumed").arg(m_mapping));
}

void IoMonitorView::setWindowSeconds(int seconds)
{
    m_windowSeconds = qMax(1, seconds);
    if (m_iopsChart) {
        for (RateChart *chart : {m_iopsChart, m_throughputChart}) {
            chart->setWindowSeconds(m_windowSeconds);
        }
    }
    applyInterval(m_blockSampler->interval());
    updateBlockRates();
}

void IoMonitorView::setSamplingInterval(int milliseconds)
{
    applyInterval(milliseconds);
}

int IoMonitorView::samplingInterval() const
{
    return m_blockSampler->interval();
}

void IoMonitorView::applyInterval(int milliseconds)
{
    m_blockSampler->setInterval(milliseconds);
    m_segmentSampler->setInterval(qMax(MinimumSegmentIntervalMs, milliseconds));
    // Enough history to fill the window, and no more.
    m_blockSampler->setHistoryLength(int(std::ceil(m_windowSeconds * 1000.0 / m_blockSampler->interval()))
                                     + 1);
    // The sampler's own value (it keeps to a sane minimum), so the menu
    // never shows an interval that is not in use.
    m_interval->setInterval(m_blockSampler->interval());
}

void IoMonitorView::updatePauseButton()
{
    if (m_paused) {
        m_pause->setText(tr("Re&sume"));
        m_pause->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-start")));
        m_pause->setAccessibleName(tr("Resume sampling"));
        m_pause->setToolTip(tr("Read the counters again"));
    } else {
        m_pause->setText(tr("&Pause"));
        m_pause->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-pause")));
        m_pause->setAccessibleName(tr("Pause sampling"));
        m_pause->setToolTip(tr("Stop reading the counters; the charts keep what they show"));
    }
}

/*
 * Samples only while there is a mapping, sampling is not paused and a
 * person can see the view: a closed dock or a minimized window stops both
 * samplers, so the helper sees no GetStatus calls and may exit when idle.
 * Coming into view (or a new mapping) reads once at once, so totals show
 * without waiting an interval, paused or not.
 */
void IoMonitorView::updateSampling()
{
    const bool live = !m_mapping.isEmpty() && m_activity->isActive();
    if (live && !m_live) {
        m_blockSampler->sampleNow();
        if (m_segmentsWatched) {
            m_segmentSampler->sampleNow();
        }
    }
    m_live = live;
    if (live && !m_paused) {
        m_blockSampler->start();
        m_segmentSampler->start();
    } else {
        m_blockSampler->stop();
        m_segmentSampler->stop();
    }
}

void IoMonitorView::updateBlockRates()
{
    if (m_kernel.isEmpty()) {
        return;
    }
    if (const auto totals = m_blockSampler->totals(m_kernel)) {
        QLocale locale;
        setStatistic(m_inFlight, locale.toString(totals->inFlight));
        setStatistic(m_reads, locale.toString(totals->readIos));
        setStatistic(m_writes, locale.toString(totals->writeIos));
        setStatistic(m_readBytes, formatSizeHuman(totals->readSectors * BytesPerSector));
        setStatistic(m_writtenBytes, formatSizeHuman(totals->writeSectors * BytesPerSector));
    }
    // Read in place: a copy of the history would cost as much again on every tick.
    const RateHistory *history = m_blockSampler->rateHistory(m_kernel);
    if (!history || history->isEmpty()) {
        return;
    }
    const IoRates newest = history->last();
    QList<QPointF> readIops;
    QList<QPointF> writeIops;
    QList<QPointF> readBytes;
    QList<QPointF> writeBytes;
    // The full history's size from the first sample on: the same blocks
    // every tick, where lists growing with the history would leave ever
    // larger holes in the heap for its first minutes.
    for (QList<QPointF> *points : {&readIops, &writeIops, &readBytes, &writeBytes}) {
        points->reserve(history->capacity());
    }
    for (qsizetype i = 0; i < history->size(); ++i) {
        const IoRates rates = history->at(i);
        const double ago = (newest.msecs - rates.msecs) / 1000.0;
        readIops.append({ago, rates.readIops});
        writeIops.append({ago, rates.writeIops});
        readBytes.append({ago, rates.readBytesPerSecond});
        writeBytes.append({ago, rates.writeBytesPerSecond});
    }
    const double newestSeconds = newest.msecs / 1000.0;
    m_iopsChart->setPoints(readIops, writeIops, newestSeconds);
    m_throughputChart->setPoints(readBytes, writeBytes, newestSeconds);
    const QString none = QStringLiteral("—");
    setStatistic(m_latency, tr("read %1 · write %2")
                                .arg(newest.readIops > 0 ? latencyText(newest.readLatencyMs) : none,
                                     newest.writeIops > 0 ? latencyText(newest.writeLatencyMs) : none));
}

void IoMonitorView::updateSegments(const QString &mapping)
{
    if (mapping != m_mapping) {
        return;
    }
    const QList<QList<SegmentRates>> history = m_segmentSampler->history(mapping);
    m_segmentModel->setCounters(m_segmentSampler->totals(mapping),
                                history.isEmpty() ? QList<SegmentRates>() : history.constLast());
    m_segmentProblem->hide();
    const bool counting = m_segmentModel->rowCount() > 0;
    m_reset->setEnabled(counting);
    if (!counting) {
        m_segmentNotice->setText(
            tr("This mapping has no basic_target segments: only they count I/O per segment."));
        m_segmentNotice->show();
    } else {
        m_segmentNotice->hide();
    }
}

void IoMonitorView::showSegmentFailure(const QString &mapping, const ClientError &error)
{
    if (mapping != m_mapping) {
        return;
    }
    // A busy or slow helper may answer next time; anything else (not
    // installed, not authorized, a dismissed password prompt) would only
    // fail again, or prompt again, every few seconds: stop until asked.
    const bool transient = error.kind == ClientErrorKind::Busy || error.kind == ClientErrorKind::Timeout;
    if (!transient && m_segmentsWatched) {
        m_segmentSampler->unwatch(m_mapping);
        m_segmentsWatched = false;
    }
    const int iconSize = fontMetrics().height() * 2;
    const QIcon icon = QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this));
    m_segmentProblemIcon->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_segmentProblemText->setText(tr("<b>%1</b><br>%2<br>The block-layer charts above are not affected.")
                                      .arg(error.title().toHtmlEscaped(), error.message.toHtmlEscaped()));
    m_segmentProblemText->setAccessibleName(tr("%1: %2").arg(error.title(), error.message));
    m_retry->setVisible(!transient);
    m_segmentProblem->show();
    m_segmentNotice->hide();
    m_reset->setEnabled(false);
    Q_EMIT statusMessage(tr("Per-segment counters of %1 unavailable: %2").arg(m_mapping, error.title()));
}

void IoMonitorView::retrySegments()
{
    if (m_mapping.isEmpty()) {
        return;
    }
    m_segmentProblem->hide();
    m_segmentNotice->setText(tr("Reading the per-segment counters…"));
    m_segmentNotice->show();
    if (!m_segmentsWatched) {
        m_segmentSampler->watch(m_mapping);
        m_segmentsWatched = true;
    }
    m_segmentSampler->sampleNow();
}

} // namespace Volmap
