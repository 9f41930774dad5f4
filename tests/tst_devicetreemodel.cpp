// SPDX-License-Identifier: GPL-2.0-or-later
// The device tree under QAbstractItemModelTester through hotplug-like
// changes, and the monitor's polling path on a fake sysfs.

#include "devicemonitor.h"
#include "devicetreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

#include <atomic>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace Volmap;

namespace {

BlockDeviceInfo disk(const QString &name, quint32 minor, quint64 sectors = 1000)
{
    BlockDeviceInfo info;
    info.kernelName = name;
    info.node = QStringLiteral("/dev/") + name;
    info.number = {8, minor};
    info.sizeInSectors = sectors;
    return info;
}

BlockDeviceInfo partition(const QString &name, const QString &parent, quint32 minor, quint64 start)
{
    BlockDeviceInfo info = disk(name, minor, 100);
    info.kind = DeviceKind::Partition;
    info.parent = parent;
    info.partitionStart = start;
    return info;
}

} // namespace

class TestDeviceTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheTree();
    void hotplugKeepsPersistentIndexes();
    void changesInPlace();
    void monitorPollsWithoutUdev();
    void monitorScansOffTheGuiThread();
};

void TestDeviceTreeModel::buildsTheTree()
{
    DeviceTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices(
        {disk(QStringLiteral("sda"), 0), partition(QStringLiteral("sda1"), QStringLiteral("sda"), 1, 2048),
         partition(QStringLiteral("sda2"), QStringLiteral("sda"), 2, 4096), disk(QStringLiteral("sdb"), 16)});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex sda = model.index(0, 0);
    QCOMPARE(sda.data().toString(), QStringLiteral("sda"));
    QCOMPARE(model.rowCount(sda), 2);
    QCOMPARE(model.index(1, 0, sda).data(DeviceTreeModel::NodeRole).toString(), QStringLiteral("/dev/sda2"));
    QCOMPARE(model.index(1, 0, sda).parent(), sda);
    QCOMPARE(model.index(0, DeviceTreeModel::SizeColumn).data().toString(), QStringLiteral("500 KiB"));
    QCOMPARE(model.indexOf(QStringLiteral("sda1")), model.index(0, 0, sda));
    QVERIFY(model.flags(sda) & Qt::ItemIsDragEnabled);
}

void TestDeviceTreeModel::hotplugKeepsPersistentIndexes()
{
    DeviceTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices({disk(QStringLiteral("sdb"), 16),
                      partition(QStringLiteral("sdb1"), QStringLiteral("sdb"), 17, 2048)});
    const QPersistentModelIndex selected = model.indexOf(QStringLiteral("sdb1"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // A USB stick arrives (sorted before sdb), then leaves.
    model.updateDevice(disk(QStringLiteral("sda"), 0));
    model.updateDevice(partition(QStringLiteral("sda1"), QStringLiteral("sda"), 1, 2048));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(DeviceTreeModel::KernelNameRole).toString(), QStringLiteral("sdb1"));
    QCOMPARE(selected.parent().row(), 1);

    model.setDevices({disk(QStringLiteral("sdb"), 16),
                      partition(QStringLiteral("sdb1"), QStringLiteral("sdb"), 17, 2048)});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(DeviceTreeModel::KernelNameRole).toString(), QStringLiteral("sdb1"));
    QCOMPARE(resets.count(), 0);

    model.removeDevice(QStringLiteral("sdb1"));
    QVERIFY(!selected.isValid());
}

void TestDeviceTreeModel::changesInPlace()
{
    DeviceTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices({disk(QStringLiteral("sda"), 0)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    BlockDeviceInfo mounted = disk(QStringLiteral("sda"), 0);
    mounted.fsType = QStringLiteral("ext4");
    mounted.mountPoints = {QStringLiteral("/data")};
    model.updateDevice(mounted);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, DeviceTreeModel::UsageColumn).data().toString(),
             QStringLiteral("mounted at /data"));
    QVERIFY(model.index(0, 0).data(DeviceTreeModel::InUseRole).toBool());
    model.updateDevice(mounted); // no change, no signal
    QCOMPARE(changed.count(), 1);
}

void TestDeviceTreeModel::monitorPollsWithoutUdev()
{
    QTemporaryDir root;
    auto addDevice = [&](const QString &name, const QByteArray &number) {
        const QString dir = root.path() + QStringLiteral("/sys/devices/virtual/block/") + name;
        QDir().mkpath(dir);
        for (const auto &[file, content] :
             {std::pair{"dev", number}, std::pair{"size", QByteArray("2048")}}) {
            QFile out(dir + u'/' + QLatin1String(file));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content + '\n');
        }
        QDir().mkpath(root.path() + QStringLiteral("/sys/class/block"));
        QVERIFY(QFile::link(dir, root.path() + QStringLiteral("/sys/class/block/") + name));
    };
    addDevice(QStringLiteral("loop0"), "7:0");
    DeviceMonitor monitor(root.path());
    monitor.setPollInterval(50);
    DeviceTreeModel model;
    connect(&monitor, &DeviceMonitor::rescanned, &model, &DeviceTreeModel::setDevices);
    monitor.start();
    QVERIFY(!monitor.usesUdev());
    QTRY_COMPARE(model.rowCount(), 1);
    addDevice(QStringLiteral("loop1"), "7:1");
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("loop1"));
}

/*
 * A device whose sysfs `size` is a FIFO: reading it blocks until the test
 * writes, like a scan stuck on a slow device. The monitor must return at
 * once and keep the event loop turning while its scan waits.
 */
void TestDeviceTreeModel::monitorScansOffTheGuiThread()
{
    QTemporaryDir root;
    const QString dir = root.path() + QStringLiteral("/sys/devices/virtual/block/loop0");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(QDir().mkpath(root.path() + QStringLiteral("/sys/class/block")));
    QVERIFY(QFile::link(dir, root.path() + QStringLiteral("/sys/class/block/loop0")));
    QFile number(dir + QStringLiteral("/dev"));
    QVERIFY(number.open(QIODevice::WriteOnly));
    number.write("7:0\n");
    number.close();
    const QByteArray fifo = QFile::encodeName(dir + QStringLiteral("/size"));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);

    // The device answers after 1.5 s, and not before the event loop has
    // run a few times meanwhile: a blocked loop keeps it from answering
    // at all, however long a loaded machine takes for each tick.
    const int BlockedMs = 1500;
    const int TicksWanted = 5;
    std::atomic<int> ticks{0};
    std::thread slowDevice([&fifo, &ticks, BlockedMs]() {
        std::this_thread::sleep_for(std::chrono::milliseconds(BlockedMs));
        for (int waited = 0; ticks < TicksWanted && waited < 20000; waited += 10) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        const int fd = ::open(fifo.constData(), O_WRONLY);
        if (fd >= 0) {
            [[maybe_unused]] const auto written = ::write(fd, "2048\n", 5);
            ::close(fd);
        }
    });
    auto unblock = qScopeGuard([&slowDevice]() { slowDevice.join(); });

    DeviceMonitor monitor(root.path());
    monitor.setPollInterval(60000);
    QSignalSpy rescanned(&monitor, &DeviceMonitor::rescanned);
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks]() { ++ticks; });
    ticker.start();

    QElapsedTimer clock;
    clock.start();
    monitor.start();
    QVERIFY2(clock.elapsed() < BlockedMs / 2, "start() waited for the scan");
    QVERIFY(monitor.isScanning());
    monitor.rescan(); // asked while one runs: done once, after it
    monitor.rescan();
    QVERIFY(rescanned.wait(10000));
    QVERIFY2(clock.elapsed() >= BlockedMs - 100, "the scan did not wait for the device");
    // The loop ran while the scan waited (a blocked one would not have).
    QVERIFY2(ticks >= TicksWanted,
             qPrintable(QStringLiteral("the event loop ran only %1 times").arg(ticks.load())));
    const auto devices = rescanned.at(0).at(0).value<QList<BlockDeviceInfo>>();
    QCOMPARE(devices.size(), 1);
    QCOMPARE(devices[0].sizeInSectors, quint64(2048));

    // The rescan asked for meanwhile runs now, and waits on the device again.
    std::thread again([&fifo]() {
        const int fd = ::open(fifo.constData(), O_WRONLY);
        if (fd >= 0) {
            [[maybe_unused]] const auto written = ::write(fd, "4096\n", 5);
            ::close(fd);
        }
    });
    QVERIFY(rescanned.wait(10000));
    again.join();
    QCOMPARE(rescanned.size(), 2);
    QCOMPARE(rescanned.at(1).at(0).value<QList<BlockDeviceInfo>>().value(0).sizeInSectors, quint64(4096));
    QTest::qWait(100);
    QCOMPARE(rescanned.size(), 2); // two rescans asked while busy made one
}

QTEST_GUILESS_MAIN(TestDeviceTreeModel)
#include "tst_devicetreemodel.moc"
