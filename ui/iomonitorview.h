// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "segment.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLayout;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Volmap {

class ActivityWatcher;
class IntervalCombo;
class IoSampler;
class RateChart;
class SegmentCountersModel;
class SegmentSampler;
struct ClientError;

/*
 * The live I/O of the mapping picked in the mappings panel: read and write
 * IOPS and throughput over the last minutes, in-flight requests, latency
 * and totals from the block layer, and the basic_target counters per
 * segment from the helper. The view owns watching: it tells both samplers
 * which mapping to watch, how often, and when to pause. Block-layer
 * sampling needs no privileges and goes on when the per-segment sampling
 * fails; that failure is shown in place with a way to try again.
 */
class IoMonitorView final : public QWidget
{
    Q_OBJECT

public:
    IoMonitorView(IoSampler *blockSampler, SegmentSampler *segmentSampler, QWidget *parent = nullptr);
    ~IoMonitorView() override;

    /* Shows one mapping ("" clears the view): its dm name and its /sys/block name, e.g. "dm-3". */
    void setMapping(const QString &mappingName, const QString &kernelName);
    QString mappingName() const { return m_mapping; }
    QString kernelName() const { return m_kernel; }

    /* The mapping's table, if known, names the backing device of each segment. */
    void setMappingTable(const MappingTable &table);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /* Block-layer interval; the per-segment one is max(2 s, this). */
    void setSamplingInterval(int milliseconds);
    int samplingInterval() const;

    /* How far back the charts reach; 3 minutes unless set. */
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }

    static constexpr int MinimumSegmentIntervalMs = 2000;

Q_SIGNALS:
    void resetCountersRequested(const QString &mappingName);
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createMonitorPage();
    QLayout *createHeader();
    QLayout *createStatistics();
    QWidget *createChartsPlace();
    void ensureCharts();
    QWidget *createSegmentSection();
    void applyInterval(int milliseconds);
    void updatePauseButton();
    void updateBlockRates();
    void updateSegments(const QString &mapping);
    void showSegmentFailure(const QString &mapping, const ClientError &error);
    void retrySegments();
    void updateSampling();

    // Guarded: the window may destroy the samplers before the view.
    QPointer<IoSampler> m_blockSampler;
    QPointer<SegmentSampler> m_segmentSampler;
    SegmentCountersModel *m_segmentModel;
    ActivityWatcher *m_activity;
    bool m_live = false; // sampling may run: a mapping, in view
    QString m_mapping;
    QString m_kernel;
    bool m_paused = false;
    bool m_segmentsWatched = false;
    int m_windowSeconds = 180;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_title = nullptr;
    IntervalCombo *m_interval = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_inFlight = nullptr;
    QLabel *m_latency = nullptr;
    QLabel *m_reads = nullptr;
    QLabel *m_writes = nullptr;
    QLabel *m_readBytes = nullptr;
    QLabel *m_writtenBytes = nullptr;
    QWidget *m_charts = nullptr;
    /* Built with the first mapping watched (ensureCharts). */
    RateChart *m_iopsChart = nullptr;
    RateChart *m_throughputChart = nullptr;
    QWidget *m_segmentProblem = nullptr;
    QLabel *m_segmentProblemIcon = nullptr;
    QLabel *m_segmentProblemText = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_segmentNotice = nullptr;
    QTableView *m_segmentTable = nullptr;
};

} // namespace Volmap
