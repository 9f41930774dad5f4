// SPDX-License-Identifier: GPL-2.0-or-later
// The live I/O view offscreen: charts fed by an IoSampler on a fake
// /sys/block, per-segment counters from a stand-in helper on a private
// bus (or from no helper at all), and the controls. Saves screenshots
// for a person to look at.

#include "clienterror.h"
#include "helperclient.h"
#include "helperprotocol.h"
#include "iomonitorview.h"
#include "iosampler.h"
#include "ratechart.h"
#include "segmentcountersmodel.h"
#include "segmentsampler.h"

#include "fakes/privatebus.h"
#include "fakes/testfiles.h"
#include "fakes/widgetlookup.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QComboBox>
#include <QDBusConnection>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace Volmap;

namespace {

/* Counts the events of one type its watched objects receive. */
class EventCounter final : public QObject
{
public:
    EventCounter(QEvent::Type type, int *count)
        : m_type(type)
        , m_count(count)
    {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == m_type) {
            ++*m_count;
        }
        return false;
    }

private:
    QEvent::Type m_type;
    int *m_count;
};

} // namespace
using namespace Volmap::Fakes;

namespace {

const QString Mapping = QStringLiteral("data");
const QString Kernel = QStringLiteral("dm-0");

/*
 * GetStatus of org.volmap.Helper1 and nothing else: a basic_target
 * segment on 8:16 that gets three times the traffic of the one on 8:32,
 * with counters that grow on every call as a live mapping's would.
 */
class StatusOnlyHelper final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.volmap.Helper1")

public:
    int calls = 0;

public Q_SLOTS:
    QList<QVariantMap> GetStatus(const QString &name, const QVariantMap &options)
    {
        Q_UNUSED(name);
        Q_UNUSED(options);
        ++calls;
        const auto segment = [this](quint64 start, quint64 length, quint64 perCall) {
            QVariantMap map;
            map.insert(QStringLiteral("start"), start);
            map.insert(QStringLiteral("length"), length);
            map.insert(QStringLiteral("target"), QStringLiteral("basic_target"));
            map.insert(QStringLiteral("status"), QString());
            map.insert(QStringLiteral("reads"), quint64(calls) * perCall);
            map.insert(QStringLiteral("writes"), quint64(calls) * perCall / 2);
            map.insert(QStringLiteral("read-sectors"), quint64(calls) * perCall * 8);
            map.insert(QStringLiteral("write-sectors"), quint64(calls) * perCall * 4);
            map.insert(QStringLiteral("flushes"), quint64(calls));
            map.insert(QStringLiteral("discards"), quint64(0));
            return map;
        };
        QVariantMap zero;
        zero.insert(QStringLiteral("start"), quint64(6291456));
        zero.insert(QStringLiteral("length"), quint64(2048));
        zero.insert(QStringLiteral("target"), QStringLiteral("zero"));
        zero.insert(QStringLiteral("status"), QString());
        return {segment(0, 4194304, 300), segment(4194304, 2097152, 100), zero};
    }
};

} // namespace

class TestIoMonitorView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void emptyStateWithoutMapping();
    void chartsAndTotalsFollowTheBlockSampler();
    void pauseStopsBothSamplers();
    void hiddenOrMinimizedStopsSampling();
    void intervalChoiceApplies();
    void intervalMenuShowsTheIntervalInUse();
    void hiddenChartCostsNothingUntilShown();
    void newValuesLayNothingOutAgain();
    void gridLinesSitOnTheTicks();
    void switchingMappingsMovesTheWatch();
    void segmentFailureShowsWithoutStoppingCharts();
    void segmentCountersAndReset();
    void screenshots();

private:
    void writeStat(quint64 reads, quint64 writes);
    void startHelper();
    template<typename T>
    T *child(const QString &name) const
    {
        T *found = m_view->findChild<T *>(name);
        if (!found) {
            qFatal("no child %s", qPrintable(name));
        }
        return found;
    }
    bool showsEmptyState() const;

    Volmap::Fakes::PrivateBus m_bus;
    int m_round = 0;
    QString m_clientConnection;
    QString m_helperConnection;
    std::unique_ptr<StatusOnlyHelper> m_helper;
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<HelperClient> m_client;
    std::unique_ptr<IoSampler> m_blockSampler;
    std::unique_ptr<SegmentSampler> m_segmentSampler;
    std::unique_ptr<IoMonitorView> m_view;
    qint64 m_nowNs = 0; // the samplers' clock in the tests that turn it themselves
};

void TestIoMonitorView::initTestCase()
{
    m_bus.start();
    QDir().mkpath(QStringLiteral(VOLMAP_SCREENSHOT_DIR));
}

void TestIoMonitorView::cleanupTestCase() {}

void TestIoMonitorView::init()
{
    ++m_round;
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    writeStat(0, 0);
    m_clientConnection = QStringLiteral("client-%1").arg(m_round);
    m_client = std::make_unique<HelperClient>(
        QDBusConnection::connectToBus(m_bus.address(), m_clientConnection));
    m_blockSampler = std::make_unique<IoSampler>(m_root->path());
    m_segmentSampler = std::make_unique<SegmentSampler>(*m_client);
    m_view = std::make_unique<IoMonitorView>(m_blockSampler.get(), m_segmentSampler.get());
    m_view->resize(1100, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestIoMonitorView::cleanup()
{
    m_view.reset();
    m_segmentSampler.reset();
    m_blockSampler.reset();
    m_client.reset();
    QDBusConnection::disconnectFromBus(m_clientConnection);
    if (m_helper) {
        QDBusConnection helperBus(m_helperConnection);
        helperBus.unregisterService(HelperProtocol::serviceName());
        helperBus.unregisterObject(HelperProtocol::objectPath());
        QDBusConnection::disconnectFromBus(m_helperConnection);
        m_helper.reset();
    }
}

void TestIoMonitorView::startHelper()
{
    m_helper = std::make_unique<StatusOnlyHelper>();
    m_helperConnection = QStringLiteral("helper-%1").arg(m_round);
    QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), m_helperConnection);
    QVERIFY(bus.isConnected());
    QVERIFY(
        bus.registerObject(HelperProtocol::objectPath(), m_helper.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(HelperProtocol::serviceName()));
}

void TestIoMonitorView::writeStat(quint64 reads, quint64 writes)
{
    // 8 sectors (4 KiB) per read, 128 (64 KiB) per write, 1 ms per read, 3 per write, 2 in flight.
    const QByteArray line = QByteArray::number(reads) + " 0 " + QByteArray::number(reads * 8) + ' '
                            + QByteArray::number(reads) + ' ' + QByteArray::number(writes) + " 0 "
                            + QByteArray::number(writes * 128) + ' ' + QByteArray::number(writes * 3)
                            + " 2 0 0 0 0 0 0 0 0\n";
    Fakes::writeFile(m_root->path() + QStringLiteral("/sys/block/dm-0/stat"), line);
}

bool TestIoMonitorView::showsEmptyState() const
{
    const auto *stack = m_view->findChild<QStackedWidget *>();
    return stack && stack->currentWidget() == m_view->findChild<QLabel *>(QStringLiteral("emptyState"))
           && stack->currentWidget()->isVisible();
}

void TestIoMonitorView::emptyStateWithoutMapping()
{
    QVERIFY(showsEmptyState());
    QCOMPARE(child<QLabel>(QStringLiteral("emptyState"))->text(),
             QStringLiteral("Select a mapping to watch its I/O"));
    QVERIFY(!m_blockSampler->isRunning());

    m_view->setMapping(Mapping, Kernel);
    QVERIFY(!showsEmptyState());
    QCOMPARE(m_view->mappingName(), Mapping);
    QVERIFY(m_blockSampler->isRunning());
    QVERIFY(m_segmentSampler->isRunning());

    m_view->setMapping(QString(), QString());
    QVERIFY(showsEmptyState());
    QCOMPARE(m_view->mappingName(), QString());
    QVERIFY(m_blockSampler->watched().isEmpty());
    // Nothing to watch: no timers ticking for nothing.
    QVERIFY(!m_blockSampler->isRunning());
    QVERIFY(!m_segmentSampler->isRunning());
}

void TestIoMonitorView::chartsAndTotalsFollowTheBlockSampler()
{
    // 60 ms between readings by a clock the test turns, not by sleeping:
    // on a loaded machine a sleep lasts what it likes, and the rates with it.
    // Set first: the view takes a first reading when it gets the mapping.
    m_blockSampler->setClock([this]() { return m_nowNs; });
    m_view->setPaused(true); // the test drives the sampler itself
    QVERIFY2(!m_view->findChild<RateChart *>(), "the charts are built with the first mapping watched");
    m_view->setMapping(Mapping, Kernel);
    QCOMPARE(m_blockSampler->watched(), QStringList(Kernel));
    auto *iops = child<RateChart>(QStringLiteral("iopsChart"));
    auto *throughput = child<RateChart>(QStringLiteral("throughputChart"));
    QCOMPARE(iops->readSeries()->count(), 0);

    const quint64 readSteps[] = {100, 300, 50, 500};
    quint64 reads = 0;
    quint64 writes = 0;
    for (quint64 step : readSteps) {
        m_nowNs += 60'000'000;
        reads += step;
        writes += step / 10;
        writeStat(reads, writes);
        m_blockSampler->sampleNow();
    }
    const QList<IoRates> history = m_blockSampler->history(Kernel);
    QCOMPARE(history.size(), 4);
    QCOMPARE(iops->readSeries()->count(), 4);
    QCOMPARE(throughput->writeSeries()->count(), 4);
    const QList<QPointF> readIops = iops->readSeries()->points();
    const QList<QPointF> writeIops = iops->writeSeries()->points();
    const QList<QPointF> readBytes = throughput->readSeries()->points();
    const QList<QPointF> writeBytes = throughput->writeSeries()->points();
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(readIops[i].y(), history[i].readIops);
        QVERIFY(readIops[i].y() > 0);
        // Bytes per I/O as written into the stat file: the series carry bytes, not sectors.
        QCOMPARE(readBytes[i].y() / readIops[i].y(), 4096.0);
        QCOMPARE(writeBytes[i].y() / writeIops[i].y(), 65536.0);
        // Seconds before the newest sample, oldest first.
        QCOMPARE(readIops[i].x(), (history.last().msecs - history[i].msecs) / 1000.0);
    }
    QCOMPARE(readIops.last().x(), 0.0);
    QVERIFY(readIops.first().x() > readIops.last().x());
    // Nearly full width from the first samples: the x axis reaches back to
    // the oldest point, rounded up to a round span (so it does not move on
    // every sample), not to the three-minute window.
    QCOMPARE(iops->xSpan(), niceTimeSpan(readIops.first().x(), 180));
    QCOMPARE(throughput->xSpan(), iops->xSpan());
    QVERIFY(iops->xSpan() >= readIops.first().x());
    QVERIFY(iops->xSpan() < 1.0);
    // 300 reads in 60 ms versus 50: the rates differ as the counts do.
    QVERIFY(readIops[1].y() > 2 * readIops[2].y());

    // The y axis holds the peak with round, human labels.
    double peakBytes = 0;
    for (const QList<QPointF> *points : {&readBytes, &writeBytes}) {
        for (const QPointF &point : *points) {
            peakBytes = qMax(peakBytes, point.y());
        }
    }
    QVERIFY(throughput->yMaximum() >= peakBytes);
    QVERIFY(throughput->yMaximum() < 2.6 * peakBytes);
    const QStringList labels = throughput->yLabels();
    QVERIFY(labels.size() >= 2);
    QCOMPARE(labels.first(), QStringLiteral("0 B/s"));
    for (const QString &label : labels.mid(1)) {
        QVERIFY2(label.endsWith(u"iB/s"), qPrintable(label));
    }
    QVERIFY(iops->yMaximum() >= history[3].readIops);

    QCOMPARE(child<QLabel>(QStringLiteral("readsValue"))->text(), QLocale().toString(950));
    QCOMPARE(child<QLabel>(QStringLiteral("writesValue"))->text(), QLocale().toString(95));
    // 950 x 4 KiB and 95 x 64 KiB; "~" as formatSizeHuman marks a rounded size.
    QCOMPARE(child<QLabel>(QStringLiteral("readBytesValue"))->text(), QStringLiteral("~3.71 MiB"));
    QCOMPARE(child<QLabel>(QStringLiteral("writtenBytesValue"))->text(), QStringLiteral("~5.94 MiB"));
    QCOMPARE(child<QLabel>(QStringLiteral("inFlightValue"))->text(), QStringLiteral("2"));
    // 1 ms per read and 3 per write, as written.
    const QString latency = child<QLabel>(QStringLiteral("latencyValue"))->text();
    QVERIFY2(latency.contains(QLocale().toString(1.0, 'f', 2) + QStringLiteral(" ms"))
                 && latency.contains(QLocale().toString(3.0, 'f', 2) + QStringLiteral(" ms")),
             qPrintable(latency));

    // The values keep fixed widths, which fit their texts, side by side.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QLabel *previous = nullptr;
    for (const QString &name : {QStringLiteral("inFlightValue"), QStringLiteral("latencyValue"),
                                QStringLiteral("readsValue"), QStringLiteral("writesValue"),
                                QStringLiteral("readBytesValue"), QStringLiteral("writtenBytesValue")}) {
        const auto *value = child<QLabel>(name);
        QCOMPARE(value->minimumWidth(), value->maximumWidth());
        QVERIFY2(value->width() >= value->sizeHint().width(), qPrintable(name));
        if (previous) {
            QVERIFY2(previous->geometry().right() < value->geometry().left(), qPrintable(name));
        }
        previous = value;
    }
    // A larger font: the values' sizes follow at once.
    QFont larger = m_view->font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    m_view->setFont(larger);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (const QString &name : {QStringLiteral("latencyValue"), QStringLiteral("readBytesValue")}) {
        const auto *value = child<QLabel>(name);
        QVERIFY2(value->height() >= value->sizeHint().height() && value->width() >= value->sizeHint().width(),
                 qPrintable(name));
    }
}

void TestIoMonitorView::pauseStopsBothSamplers()
{
    m_view->setMapping(Mapping, Kernel);
    m_view->setSamplingInterval(500);
    QVERIFY(m_blockSampler->isRunning());
    QSignalSpy status(m_view.get(), &IoMonitorView::statusMessage);
    auto *pause = child<QPushButton>(QStringLiteral("pauseButton"));
    QCOMPARE(pause->accessibleName(), QStringLiteral("Pause sampling"));
    // By keyboard: focus and space.
    pause->setFocus();
    QTest::keyClick(pause, Qt::Key_Space);
    QVERIFY(m_view->isPaused());
    QVERIFY(!m_blockSampler->isRunning());
    QVERIFY(!m_segmentSampler->isRunning());
    QCOMPARE(pause->accessibleName(), QStringLiteral("Resume sampling"));
    QVERIFY(!status.isEmpty());

    QSignalSpy sampled(m_blockSampler.get(), &IoSampler::sampled);
    QTest::qWait(1300);
    QCOMPARE(sampled.count(), 0);

    QTest::keyClick(pause, Qt::Key_Space);
    QVERIFY(!m_view->isPaused());
    QVERIFY(m_blockSampler->isRunning());
    QVERIFY(m_segmentSampler->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 2, 5000);
}

// Nobody looking, no GetStatus calls: the helper can reach its idle exit.
void TestIoMonitorView::hiddenOrMinimizedStopsSampling()
{
    startHelper();
    m_view->setSamplingInterval(500);
    m_view->setMapping(Mapping, Kernel);
    QTRY_VERIFY_WITH_TIMEOUT(m_helper->calls >= 1, 5000);
    QVERIFY(m_segmentSampler->isRunning());

    // A closed dock hides the view.
    m_view->hide();
    QTRY_VERIFY(!m_blockSampler->isRunning());
    QVERIFY(!m_segmentSampler->isRunning());
    QTest::qWait(200); // an answer already under way may still come in
    const int callsWhenHidden = m_helper->calls;
    QSignalSpy sampled(m_blockSampler.get(), &IoSampler::sampled);
    QTest::qWait(2600); // longer than the per-segment interval (2 s)
    QCOMPARE(m_helper->calls, callsWhenHidden);
    QCOMPARE(sampled.count(), 0);

    // Shown again: one reading at once, then the timers.
    m_view->show();
    QTRY_VERIFY(m_segmentSampler->isRunning());
    QVERIFY(m_blockSampler->isRunning());
    QTRY_COMPARE(m_helper->calls, callsWhenHidden + 1);

    // A minimized window stops it as well, paused or not.
    m_view->setWindowState(Qt::WindowMinimized);
    QTRY_VERIFY(!m_segmentSampler->isRunning());
    QVERIFY(!m_blockSampler->isRunning());
    QTest::qWait(200);
    const int callsWhenMinimized = m_helper->calls;
    sampled.clear();
    QTest::qWait(2600);
    QCOMPARE(m_helper->calls, callsWhenMinimized);
    QCOMPARE(sampled.count(), 0);

    m_view->setWindowState(Qt::WindowNoState);
    QTRY_VERIFY(m_segmentSampler->isRunning());
    QTRY_COMPARE(m_helper->calls, callsWhenMinimized + 1);

    // Paused and then hidden and shown: stays paused, reads once for the totals.
    m_view->setPaused(true);
    m_view->hide();
    QTest::qWait(50);
    m_view->show();
    QTRY_COMPARE(m_helper->calls, callsWhenMinimized + 2);
    QVERIFY(!m_segmentSampler->isRunning());
    QVERIFY(!m_blockSampler->isRunning());
}

void TestIoMonitorView::intervalChoiceApplies()
{
    m_view->setMapping(Mapping, Kernel);
    auto *interval = child<QComboBox>(QStringLiteral("intervalCombo"));
    QCOMPARE(interval->accessibleName(), QStringLiteral("Sampling interval"));
    QCOMPARE(interval->currentData().toInt(), 1000);
    QCOMPARE(m_blockSampler->interval(), 1000);
    QCOMPARE(m_segmentSampler->interval(), 2000);

    // Down arrow on the focused combo box picks the next choice.
    interval->setFocus();
    QTest::keyClick(interval, Qt::Key_Down);
    QCOMPARE(interval->currentData().toInt(), 2000);
    QCOMPARE(m_blockSampler->interval(), 2000);
    QCOMPARE(m_view->samplingInterval(), 2000);
    QTest::keyClick(interval, Qt::Key_Down);
    QCOMPARE(m_blockSampler->interval(), 5000);
    QCOMPARE(m_segmentSampler->interval(), 5000);
    // The fastest choice follows a busy mapping at 4 Hz.
    QTest::keyClick(interval, Qt::Key_Home);
    QCOMPARE(interval->currentText(), QStringLiteral("%1 s").arg(QLocale().toString(0.25)));
    QCOMPARE(m_blockSampler->interval(), 250);
    // Each segment sample is a D-Bus round trip: never more often than every 2 s.
    QCOMPARE(m_segmentSampler->interval(), 2000);

    // The new interval drives the sampler: 0.25 s gives samples quickly.
    QSignalSpy sampled(m_blockSampler.get(), &IoSampler::sampled);
    QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 3, 4000);
}

void TestIoMonitorView::intervalMenuShowsTheIntervalInUse()
{
    auto *interval = child<QComboBox>(QStringLiteral("intervalCombo"));
    const int choices = interval->count();
    // Set by a program or a restored setting: shown as it is, in order.
    m_view->setSamplingInterval(300);
    QCOMPARE(m_blockSampler->interval(), 300);
    QCOMPARE(interval->currentData().toInt(), 300);
    QCOMPARE(interval->currentText(), QStringLiteral("%1 s").arg(QLocale().toString(0.3)));
    QCOMPARE(interval->count(), choices + 1);
    QCOMPARE(interval->itemData(interval->currentIndex() - 1).toInt(), 250);
    QCOMPARE(interval->itemData(interval->currentIndex() + 1).toInt(), 500);
    // Another one replaces it; a listed one removes it.
    m_view->setSamplingInterval(700);
    QCOMPARE(interval->currentData().toInt(), 700);
    QCOMPARE(interval->count(), choices + 1);
    QCOMPARE(interval->findData(300), -1);
    m_view->setSamplingInterval(2000);
    QCOMPARE(interval->currentData().toInt(), 2000);
    QCOMPARE(interval->count(), choices);
    // Below what the sampler allows: the menu shows what the sampler does.
    m_view->setSamplingInterval(10);
    QCOMPARE(interval->currentData().toInt(), m_blockSampler->interval());
    QVERIFY(m_blockSampler->interval() > 10);
}

/*
 * A sample changes the numbers and the charts' legends; as long as no
 * value outgrows its place, neither the window nor a chart is laid out
 * again (each did so on every sample: most of the view's cost at 4 Hz).
 */
void TestIoMonitorView::newValuesLayNothingOutAgain()
{
    m_blockSampler->setClock([this]() { return m_nowNs; });
    m_view->setPaused(true);
    // A history of two rates, full at once: the time axis stays put.
    m_view->setSamplingInterval(1000);
    m_view->setWindowSeconds(1);
    m_view->setMapping(Mapping, Kernel);
    QList<QObject *> watched{static_cast<QObject *>(m_view.get())};
    for (const RateChart *chart : m_view->findChildren<RateChart *>()) {
        watched.append(chart->chart()); // a QGraphicsWidget: its layout asks the same way
    }
    QCOMPARE(watched.size(), 3);
    int layoutRequests = 0;
    EventCounter counter(QEvent::LayoutRequest, &layoutRequests);
    for (QObject *object : watched) {
        object->installEventFilter(&counter);
    }
    // Rates of 4000 to 4600 IOPS keep the charts' scales, and totals from
    // 30 000 reads on keep their digits: only the texts change.
    quint64 reads = 30'000;
    auto *iops = child<RateChart>(QStringLiteral("iopsChart"));
    QSet<QString> legends;
    auto sampleSteps = [&]() {
        for (quint64 step : {1000, 1100, 1050, 1150}) {
            m_nowNs += 250'000'000;
            reads += step;
            writeStat(reads, reads / 10);
            m_blockSampler->sampleNow();
            QCoreApplication::sendPostedEvents();
            legends.insert(iops->accessibleDescription());
        }
    };
    sampleSteps(); // the values find their widths, the charts their scales
    const int settling = layoutRequests;
    QVERIFY(settling > 0); // the counter counts
    const QStringList scale = iops->yLabels();
    legends.clear();
    sampleSteps();
    QCOMPARE(legends.size(), 4); // 4000, 4400, 4200 and 4600 IOPS
    QCOMPARE(iops->yLabels(), scale);
    QCOMPARE(layoutRequests, settling);
}

void TestIoMonitorView::hiddenChartCostsNothingUntilShown()
{
    m_blockSampler->setClock([this]() { return m_nowNs; });
    m_view->setPaused(true);
    m_view->setMapping(Mapping, Kernel);
    auto *iops = child<RateChart>(QStringLiteral("iopsChart"));
    auto sample = [this](quint64 reads) {
        m_nowNs += 250'000'000;
        writeStat(reads, reads / 10);
        m_blockSampler->sampleNow();
    };
    sample(100);
    sample(300);
    const qsizetype shown = m_blockSampler->history(Kernel).size();
    QVERIFY(shown >= 1);
    QCOMPARE(iops->readSeries()->count(), shown);
    // As in a closed tab: the view samples on, the chart's series stay put.
    iops->hide();
    sample(600);
    sample(900);
    QCOMPARE(iops->readSeries()->count(), shown);
    QCOMPARE(m_blockSampler->history(Kernel).size(), shown + 2);
    // Shown again, it catches up at once.
    iops->show();
    QCOMPARE(iops->readSeries()->count(), shown + 2);
    QCOMPARE(iops->readSeries()->points().constLast().y(),
             m_blockSampler->history(Kernel).constLast().readIops);
}

void TestIoMonitorView::gridLinesSitOnTheTicks()
{
    m_blockSampler->setClock([this]() { return m_nowNs; });
    m_view->setPaused(true);
    m_view->setMapping(Mapping, Kernel);
    for (quint64 reads : {100, 400, 500, 900, 1000}) {
        m_nowNs += 250'000'000;
        writeStat(reads, reads / 10);
        m_blockSampler->sampleNow();
    }
    auto *iops = child<RateChart>(QStringLiteral("iopsChart"));
    QTRY_VERIFY(iops->isVisible());
    QApplication::processEvents();
    const QImage image = iops->grab().toImage();
    QChart *chart = iops->chart();
    const QColor base = iops->palette().color(QPalette::Base);
    const auto toView = [&](QPointF value) {
        return iops->mapFromScene(chart->mapToScene(chart->mapToPosition(value, iops->readSeries())));
    };
    const QRect plot = iops->mapFromScene(chart->mapToScene(chart->plotArea())).boundingRect();
    // The share of a row (or column) of the plot, away from its edges, not
    // in the background colour: a grid line covers it, the series cross it.
    // Within a pixel of where the value maps to: a line drawn at 263.5 may land on 263 or 264.
    const auto near = [](int at, const std::function<double(int)> &covered) {
        return qMax(covered(at - 1), qMax(covered(at), covered(at + 1)));
    };
    const auto rowCovered = [&](int y) {
        int covered = 0;
        for (int x = plot.left() + 3; x < plot.right() - 3; ++x) {
            covered += image.pixelColor(x, y) != base;
        }
        return double(covered) / (plot.width() - 6);
    };
    const auto columnCovered = [&](int x) {
        int covered = 0;
        for (int y = plot.top() + 3; y < plot.bottom() - 3; ++y) {
            covered += image.pixelColor(x, y) != base;
        }
        return double(covered) / (plot.height() - 6);
    };
    auto *yAxis = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Vertical).constFirst());
    QVERIFY(yAxis);
    QVERIFY(!yAxis->isGridLineVisible()); // drawn by the chart itself, cached
    const QStringList labels = yAxis->categoriesLabels();
    QVERIFY(labels.size() >= 3);
    for (int i = 1; i + 1 < labels.size(); ++i) { // the outer ones lie on the plot's edges
        const double value = yAxis->endValue(labels.at(i));
        QVERIFY2(near(toView({0, value}).y(), rowCovered) > 0.9, qPrintable(labels.at(i)));
        const double between = (value + yAxis->endValue(labels.at(i + 1))) / 2;
        QVERIFY2(near(toView({0, between}).y(), rowCovered) < 0.2, qPrintable(labels.at(i)));
    }
    // Vertical lines every tick of the time axis.
    const double step = iops->xSpan() <= 1 ? 0.2 : 0.5;
    QVERIFY(near(toView({step, 0}).x(), columnCovered) > 0.9);
    QVERIFY(near(toView({step * 1.5, 0}).x(), columnCovered) < 0.2);
}

void TestIoMonitorView::switchingMappingsMovesTheWatch()
{
    m_view->setMapping(Mapping, Kernel);
    QCOMPARE(m_blockSampler->watched(), QStringList(Kernel));
    m_view->setMapping(QStringLiteral("other"), QStringLiteral("dm-7"));
    QCOMPARE(m_blockSampler->watched(), QStringList(QStringLiteral("dm-7")));
    QCOMPARE(child<QLabel>(QStringLiteral("mappingTitle"))->text(), QStringLiteral("other (dm-7)"));
    // The old mapping's numbers do not stay on screen under the new name.
    QCOMPARE(child<RateChart>(QStringLiteral("iopsChart"))->readSeries()->count(), 0);
    QCOMPARE(child<QLabel>(QStringLiteral("readsValue"))->text(), QStringLiteral("—"));
}

void TestIoMonitorView::segmentFailureShowsWithoutStoppingCharts()
{
    // No helper on this bus: GetStatus cannot be delivered.
    QSignalSpy status(m_view.get(), &IoMonitorView::statusMessage);
    m_view->setPaused(true);
    m_view->setMapping(Mapping, Kernel);
    auto *problem = child<QWidget>(QStringLiteral("segmentProblem"));
    auto *text = child<QLabel>(QStringLiteral("segmentProblemText"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    ClientError expected;
    expected.kind = ClientErrorKind::HelperMissing;
    QVERIFY2(text->text().contains(expected.title()), qPrintable(text->text()));
    QVERIFY2(text->text().contains(u"not installed or cannot be started"), qPrintable(text->text()));
    QVERIFY(child<QPushButton>(QStringLiteral("retryButton"))->isVisible());
    QVERIFY(!child<QPushButton>(QStringLiteral("resetButton"))->isEnabled());
    QVERIFY(!status.isEmpty());
    QVERIFY(status.last().first().toString().contains(expected.title()));

    // The block layer goes on.
    m_view->setPaused(false);
    QVERIFY(m_blockSampler->isRunning());
    writeStat(40, 4);
    m_blockSampler->sampleNow();
    QCOMPARE(child<RateChart>(QStringLiteral("iopsChart"))->readSeries()->count(), 1);
    QVERIFY(problem->isVisible());
    QTest::qWait(50); // let the layout follow the new texts before the picture
    QVERIFY(m_view->grab().save(QStringLiteral(VOLMAP_SCREENSHOT_DIR "/io-view-helper-missing.png")));

    // Once the helper is there, trying again clears the problem.
    startHelper();
    QTest::mouseClick(child<QPushButton>(QStringLiteral("retryButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QTableView>(QStringLiteral("segmentTable"))->model()->rowCount(), 2,
                              10000);
    QVERIFY(!problem->isVisible());
    QCOMPARE(m_helper->calls, 1);
}

void TestIoMonitorView::segmentCountersAndReset()
{
    startHelper();
    m_segmentSampler->setClock([this]() { return m_nowNs; });
    m_view->setPaused(true);
    m_view->setMapping(Mapping, Kernel);
    auto *table = child<QTableView>(QStringLiteral("segmentTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 10000); // the zero segment has no counters
    m_nowNs += 100'000'000; // the second answer comes 100 ms after the first
    m_segmentSampler->sampleNow();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()
                                 ->index(0, SegmentCountersModel::ShareColumn)
                                 .data(SegmentCountersModel::ShareRole)
                                 .isValid(),
                             10000);
    const QAbstractItemModel *model = table->model();
    // Two calls so far: 2 x 300 reads on the first segment, 2 x 100 on the second.
    QCOMPARE(model->index(0, SegmentCountersModel::ReadsColumn)
                 .data(SegmentCountersModel::ValueRole)
                 .toULongLong(),
             600u);
    QCOMPARE(model->index(1, SegmentCountersModel::ReadsColumn)
                 .data(SegmentCountersModel::ValueRole)
                 .toULongLong(),
             200u);
    QCOMPARE(
        model->index(0, SegmentCountersModel::ShareColumn).data(SegmentCountersModel::ShareRole).toDouble(),
        0.75);
    QCOMPARE(model->index(1, SegmentCountersModel::ShareColumn).data().toString(), QStringLiteral("25 %"));
    QVERIFY(!child<QLabel>(QStringLiteral("segmentNotice"))->isVisible());

    MappingTable mappingTable;
    mappingTable.segments = {Segment{0,
                                     4194304,
                                     QStringLiteral("basic_target"),
                                     {QStringLiteral("/nonexistent/sdb"), QStringLiteral("0")},
                                     1}};
    m_view->setMappingTable(mappingTable);
    QCOMPARE(model->index(0, SegmentCountersModel::DeviceColumn).data().toString(),
             QStringLiteral("/nonexistent/sdb"));

    auto *reset = child<QPushButton>(QStringLiteral("resetButton"));
    QVERIFY(reset->isEnabled());
    QCOMPARE(reset->accessibleName(), QStringLiteral("Reset per-segment counters"));
    QSignalSpy requested(m_view.get(), &IoMonitorView::resetCountersRequested);
    reset->setFocus();
    QTest::keyClick(reset, Qt::Key_Space);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), Mapping);

    m_view->setMapping(QString(), QString());
    QVERIFY(!reset->isEnabled());
    QCOMPARE(model->rowCount(), 0);
}

void TestIoMonitorView::screenshots()
{
    startHelper();
    m_view->setWindowSeconds(12);
    m_view->setSamplingInterval(500);
    m_view->setMapping(Mapping, Kernel);
    MappingTable mappingTable;
    mappingTable.segments = {
        Segment{0, 4194304, QStringLiteral("basic_target"), {QStringLiteral("8:16"), QStringLiteral("0")}, 1},
        Segment{4194304,
                2097152,
                QStringLiteral("basic_target"),
                {QStringLiteral("8:32"), QStringLiteral("0")},
                2}};
    m_view->setMappingTable(mappingTable);
    // A load that swells and ebbs, so the charts move. The sampler reads
    // on its own timer; the counters grow ten times a second.
    quint64 reads = 0;
    quint64 writes = 0;
    for (int tick = 0; tick < 130; ++tick) {
        reads += quint64(300 + 250 * std::sin(tick / 9.0));
        writes += quint64(40 + 35 * std::cos(tick / 13.0));
        writeStat(reads, writes);
        QTest::qWait(100);
    }
    const auto *iops = child<RateChart>(QStringLiteral("iopsChart"));
    QVERIFY2(iops->readSeries()->count() >= 15, qPrintable(QString::number(iops->readSeries()->count())));
    QVERIFY(child<QTableView>(QStringLiteral("segmentTable"))->model()->rowCount() == 2);

    const QString dir = QStringLiteral(VOLMAP_SCREENSHOT_DIR);
    QVERIFY(m_view->grab().save(dir + QStringLiteral("/io-view.png")));

    // The same in a dark palette: everything has to stay readable.
    QApplication::setPalette(darkPalette());
    for (int tick = 130; tick < 136; ++tick) {
        reads += quint64(300 + 250 * std::sin(tick / 9.0));
        writes += quint64(40 + 35 * std::cos(tick / 13.0));
        writeStat(reads, writes);
        QTest::qWait(100);
    }
    QVERIFY(m_view->grab().save(dir + QStringLiteral("/io-view-dark.png")));
    m_view->setMapping(QString(), QString());
    QVERIFY(m_view->grab().save(dir + QStringLiteral("/io-view-empty-dark.png")));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

int main(int argc, char **argv)
{
    // Runs without a display; a person can still run it on one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    TestIoMonitorView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_iomonitorview.moc"
