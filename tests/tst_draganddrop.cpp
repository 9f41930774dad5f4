// SPDX-License-Identifier: GPL-2.0-or-later
// Real drag and drop: the window runs on a virtual X server and xdotool
// presses, moves and releases the pointer as a person would, so the
// platform's own drag machinery carries the data from view to view.

#include "devicepanel.h"
#include "devicetreemodel.h"
#include "fakes/fakehelperstack.h"
#include "fakes/fakesystem.h"
#include "fakes/widgetlookup.h"
#include "fakes/windowdriver.h"
#include "mainwindow.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"
#include "windowfixture.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTreeView>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

/* An Xvfb on the first free display, for as long as the test runs. */
class VirtualScreen
{
public:
    bool start()
    {
        for (int display = 91; display < 140; ++display) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(display))) {
                continue;
            }
            m_server.start(QStringLiteral("Xvfb"),
                           {QStringLiteral(":%1").arg(display), QStringLiteral("-screen"),
                            QStringLiteral("0"), QStringLiteral("1600x1000x24"), QStringLiteral("-nolisten"),
                            QStringLiteral("tcp")});
            if (!m_server.waitForStarted()) {
                return false; // not installed
            }
            const QString socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(display);
            for (int i = 0; i < 100 && m_server.state() == QProcess::Running; ++i) {
                if (QFileInfo::exists(socket)) {
                    m_display = QStringLiteral(":%1").arg(display);
                    return true;
                }
                QThread::msleep(50);
            }
            m_server.kill();
            m_server.waitForFinished();
        }
        return false;
    }
    ~VirtualScreen()
    {
        m_server.terminate();
        m_server.waitForFinished();
    }
    QString display() const { return m_display; }

private:
    QProcess m_server;
    QString m_display;
};

} // namespace

class TestDragAndDrop : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dropsADeviceOntoTheEmptyTable();
    void dropsBetweenRows();
    void reordersRowsByDragging();

private:
    /* Press at `from`, move past the drag distance, to `to`, release: global coordinates. */
    void drag(QPoint from, QPoint to);
    QPoint centreOfDevice(const QString &kernelName) const;
    QPoint topEdgeOfRow(int row) const;
    QPoint centreOfRow(int row) const;
};

void TestDragAndDrop::initTestCase()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    if (!setUpMachine()) {
        QSKIP("making device nodes (mknod) needs root; the test suite runs as root");
    }
}

void TestDragAndDrop::init()
{
    m_helper.start();
    createWindow();
    m_window->move(0, 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->deviceModel()->rowCount(), 2);
}

void TestDragAndDrop::cleanup()
{
    // The window keeps an unfinished table for its next start: each test starts empty.
    closeWindow();
    m_helper.stop();
}

void TestDragAndDrop::drag(QPoint from, QPoint to)
{
    auto at = [](QPoint p) {
        return QStringList{QStringLiteral("mousemove"), QString::number(p.x()), QString::number(p.y())};
    };
    const QPoint started = from + QPoint(0, 16); // past QApplication::startDragDistance()
    QStringList steps = at(from);
    steps << QStringLiteral("sleep") << QStringLiteral("0.3") << QStringLiteral("mousedown")
          << QStringLiteral("1") << QStringLiteral("sleep") << QStringLiteral("0.3");
    steps << at(from + QPoint(0, 6)) << QStringLiteral("sleep") << QStringLiteral("0.2");
    steps << at(started) << QStringLiteral("sleep") << QStringLiteral("0.3");
    // Several moves on the way, as a hand makes them: drag-and-drop acts on motion.
    for (int i = 1; i <= 4; ++i) {
        steps << at(started + (to - started) * i / 4) << QStringLiteral("sleep") << QStringLiteral("0.2");
    }
    steps << at(to) << QStringLiteral("sleep") << QStringLiteral("0.4") << QStringLiteral("mouseup")
          << QStringLiteral("1");
    QProcess xdotool;
    xdotool.start(QStringLiteral("xdotool"), steps);
    QVERIFY2(xdotool.waitForStarted(), "xdotool is not installed");
    // The window keeps running its event loop while the pointer moves.
    QVERIFY(QTest::qWaitFor([&]() { return xdotool.state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(xdotool.exitCode(), 0);
    QTest::qWait(300);
}

QPoint TestDragAndDrop::centreOfDevice(const QString &kernelName) const
{
    QTreeView *tree = m_window->devicePanel()->view();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
    const QModelIndex index = proxy->mapFromSource(m_window->deviceModel()->indexOf(kernelName));
    return tree->viewport()->mapToGlobal(tree->visualRect(index).center());
}

QPoint TestDragAndDrop::topEdgeOfRow(int row) const
{
    QTableView *table = m_window->editor()->view();
    const QRect rect = table->visualRect(table->model()->index(row, SegmentTableModel::DeviceColumn));
    return table->viewport()->mapToGlobal(QPoint(rect.center().x(), rect.top() + 2));
}

QPoint TestDragAndDrop::centreOfRow(int row) const
{
    QTableView *table = m_window->editor()->view();
    const QRect rect = table->visualRect(table->model()->index(row, SegmentTableModel::DeviceColumn));
    return table->viewport()->mapToGlobal(rect.center());
}

void TestDragAndDrop::dropsADeviceOntoTheEmptyTable()
{
    QTableView *table = m_window->editor()->view();
    drag(centreOfDevice(QStringLiteral("sdb")),
         table->viewport()->mapToGlobal(table->viewport()->rect().center()));
    const QList<EditableSegment> segments = m_window->editor()->model()->segments();
    QCOMPARE(segments.size(), 1);
    QCOMPARE(segments[0],
             (EditableSegment{4194304, QStringLiteral("basic_target"), QStringLiteral("/dev/sdb"), 0}));
    // The device panel still lists it: a drag copies, never moves a device.
    QVERIFY(m_window->deviceModel()->indexOf(QStringLiteral("sdb")).isValid());
    saveScreenshot(m_window.get(), QStringLiteral("dnd-dropped"));
}

void TestDragAndDrop::dropsBetweenRows()
{
    SegmentTableModel *model = m_window->editor()->model();
    model->insertSegment(0, {2048, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 0});
    model->insertSegment(1, {2048, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 2048});
    // Onto the top edge of the second row: the new segment lands between the two.
    drag(centreOfDevice(QStringLiteral("sdc1")), topEdgeOfRow(1));
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->segments()[1].device, QStringLiteral("/dev/sdc1"));
    QCOMPARE(model->segments()[2].offset, quint64(2048));
    QVERIFY(model->isValid());
}

void TestDragAndDrop::reordersRowsByDragging()
{
    SegmentTableModel *model = m_window->editor()->model();
    const EditableSegment first{2048, QStringLiteral("linear"), QStringLiteral("/dev/sdb"), 0};
    const EditableSegment second{4096, QStringLiteral("basic_target"), QStringLiteral("/dev/sdc1"), 0};
    const EditableSegment third{8, QStringLiteral("zero"), {}, 0};
    model->insertSegment(0, first);
    model->insertSegment(1, second);
    model->insertSegment(2, third);
    // The last row, picked up by its middle and dropped on the first row's top edge.
    m_window->editor()->view()->selectRow(2);
    drag(centreOfRow(2), topEdgeOfRow(0));
    QCOMPARE(model->segments(), (QList<EditableSegment>{third, first, second}));
    saveScreenshot(m_window.get(), QStringLiteral("dnd-reordered"));
    // One undo step puts it back.
    model->undoStack()->undo();
    QCOMPARE(model->segments(), (QList<EditableSegment>{first, second, third}));
}

int main(int argc, char *argv[])
{
    // The X server has to exist before QApplication connects to it.
    VirtualScreen screen;
    if (!screen.start()) {
        qCritical("cannot start Xvfb (apt-get install xvfb)");
        return 1;
    }
    qputenv("DISPLAY", screen.display().toLocal8Bit());
    qputenv("QT_QPA_PLATFORM", "xcb");
    QApplication app(argc, argv);
    TestDragAndDrop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draganddrop.moc"
