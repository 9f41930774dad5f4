// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl watch against a stand-in helper on a private bus: the first
// sample prints totals, the later ones rates, one line per basic_target
// segment under its index in the table; and, as the app's SegmentSampler
// it runs on, it never has more than one GetStatus on its way, however
// slow the helper answers and however short the interval.

#include "ctloutput.h"
#include "fakes/capturedoutput.h"
#include "fakes/privatebus.h"
#include "helperprotocol.h"
#include "volmapctl.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace Volmap;

namespace {

constexpr int AnswerDelayMs = 300; // six of volmapctl's shortest intervals

/* GetStatus only, answered late: basic_target, zero, basic_target. */
class SlowStatusHelper final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.volmap.Helper1")

public:
    int calls = 0;
    int mostWaiting = 0;

public Q_SLOTS:
    QList<QVariantMap> GetStatus(const QString &name, const QVariantMap &options)
    {
        Q_UNUSED(name);
        Q_UNUSED(options);
        ++calls;
        ++m_waiting;
        mostWaiting = qMax(mostWaiting, m_waiting);
        SegmentStatus zero;
        zero.start = 4096;
        zero.length = 2048;
        zero.target = QStringLiteral("zero");
        const QList<QVariantMap> segments{counting(0, 4096, 10), zero.toMap(), counting(6144, 8192, 30)};
        setDelayedReply(true);
        QTimer::singleShot(
            AnswerDelayMs, this,
            [this, bus = connection(), reply = message().createReply(QVariant::fromValue(segments))]() {
                --m_waiting;
                bus.send(reply);
            });
        return {};
    }

private:
    QVariantMap counting(quint64 start, quint64 length, quint64 readsPerCall) const
    {
        SegmentStatus segment;
        segment.start = start;
        segment.length = length;
        segment.target = HelperProtocol::BasicTargetName.toString();
        segment.hasCounters = true;
        segment.reads = calls * readsPerCall;
        segment.readSectors = segment.reads * 8;
        segment.writes = calls;
        segment.writeSectors = calls * 128;
        segment.flushes = calls;
        return segment.toMap();
    }

    int m_waiting = 0;
};

} // namespace

class TestVolmapctlWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void totalsThenRatesOneRequestAtATime();

private:
    Fakes::PrivateBus m_bus;
    SlowStatusHelper m_helper;
};

void TestVolmapctlWatch::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.start();
    QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("helper"));
    QVERIFY(bus.isConnected());
    QVERIFY(bus.registerObject(HelperProtocol::objectPath(), &m_helper, QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(HelperProtocol::serviceName()));
}

void TestVolmapctlWatch::totalsThenRatesOneRequestAtATime()
{
    CtlOptions options;
    options.command = QStringLiteral("watch");
    options.arguments = {QStringLiteral("data")};
    options.intervalSeconds = 0.05;
    options.count = 3;
    HelperClient client(QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("volmapctl")));
    Volmapctl ctl(client, options);

    Fakes::CapturedOutput captured(stdout); // volmapctl writes to the process's stdout
    QEventLoop loop;
    connect(&ctl, &Volmapctl::finished, &loop, &QEventLoop::exit);
    QMetaObject::invokeMethod(&ctl, &Volmapctl::start, Qt::QueuedConnection);
    QTimer::singleShot(30000, &loop, [&loop]() { loop.exit(-1); });
    const int code = loop.exec();
    out().flush();
    const QString output = captured.finish();
    QCOMPARE(code, int(ExitOk));

    // Ticks every 50 ms, answers after 300: without the guard a dozen
    // calls would have been sent for three answers.
    QCOMPARE(m_helper.mostWaiting, 1);
    QCOMPARE(m_helper.calls, 3);

    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6); // two basic_target segments, three samples
    const QString time = QStringLiteral("^\\d\\d:\\d\\d:\\d\\d data ");
    // The first sample: totals, under the segments' own indices (1 is zero).
    QVERIFY2(
        QRegularExpression(time
                           + QStringLiteral("segment 0 \\(0\\+4096 basic_target\\): 10 reads \\(40 KiB\\), "
                                            "1 writes \\(64 KiB\\), 1 flushes, 0 discards in total$"))
            .match(lines[0])
            .hasMatch(),
        qPrintable(lines[0]));
    QVERIFY2(QRegularExpression(time + QStringLiteral("segment 2 \\(6144\\+8192 basic_target\\): 30 reads "))
                 .match(lines[1])
                 .hasMatch(),
             qPrintable(lines[1]));
    // Then rates: segment 2 reads three times as fast as segment 0.
    const QRegularExpression rate(time
                                  + QStringLiteral("segment (\\d) \\((\\d+)\\+\\d+ basic_target\\): "
                                                   "([\\d.]+) r/s \\S+ \\S+, ([\\d.]+) w/s \\S+ \\S+, "
                                                   "1 flushes, 0 discards$"));
    for (int sample = 1; sample < 3; ++sample) {
        const auto first = rate.match(lines[2 * sample]);
        const auto second = rate.match(lines[2 * sample + 1]);
        QVERIFY2(first.hasMatch(), qPrintable(lines[2 * sample]));
        QVERIFY2(second.hasMatch(), qPrintable(lines[2 * sample + 1]));
        QCOMPARE(first.captured(1), QStringLiteral("0"));
        QCOMPARE(second.captured(1), QStringLiteral("2"));
        const double reads0 = first.captured(3).toDouble();
        const double reads2 = second.captured(3).toDouble();
        QVERIFY2(reads0 > 0 && qAbs(reads2 - 3 * reads0) <= 0.25, qPrintable(output));
    }
}

QTEST_GUILESS_MAIN(TestVolmapctlWatch)
#include "tst_volmapctlwatch.moc"
