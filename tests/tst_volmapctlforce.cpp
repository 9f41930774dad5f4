// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl create looks at what the table's ranges hold before it asks
// the helper: over data it lists what it found and refuses (status 7)
// unless --force. The system is faked under a root (sysfs for the
// device, udev's database for what is on it, no node to open, as for a
// user who may not read the disk); the bus is a private one where no
// helper runs, so a command that gets past the check ends with "helper
// not installed" (status 8) instead, which is how the test tells the two
// apart.

#include "fakes/capturedoutput.h"
#include "fakes/privatebus.h"
#include "volmapctl.h"

#include <QDBusConnection>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Volmap;

class TestVolmapctlForce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createOverData_data();
    void createOverData();

private:
    void write(const QString &path, const QByteArray &content);
    int runCreate(const QString &table, bool force, QString &errors);

    QTemporaryDir m_root;
    Fakes::PrivateBus m_bus;
};

void TestVolmapctlForce::write(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

void TestVolmapctlForce::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_bus.start();
    const QString root = m_root.path();
    // sdb (8:16, 10 MiB): an ext4 filesystem says udev. sdc (8:32): udev
    // knows the disk and found nothing on it.
    for (const auto &[name, number] : {std::pair{"sdb", "8:16"}, std::pair{"sdc", "8:32"}}) {
        const QString device = root + QStringLiteral("/sys/devices/virtual/block/") + QLatin1String(name);
        write(device + QStringLiteral("/size"), "20480\n");
        write(device + QStringLiteral("/dev"), QByteArray(number) + '\n');
        QVERIFY(QDir().mkpath(root + QStringLiteral("/sys/dev/block")));
        QVERIFY(QFile::link(device, root + QStringLiteral("/sys/dev/block/") + QLatin1String(number)));
    }
    write(root + QStringLiteral("/run/udev/data/b8:16"),
          "E:ID_FS_TYPE=ext4\nE:ID_FS_USAGE=filesystem\nE:ID_FS_LABEL=home\nE:ID_FS_UUID=5e1f\n");
    write(root + QStringLiteral("/run/udev/data/b8:32"), "E:ID_MODEL=Empty Disk\n");
}

int TestVolmapctlForce::runCreate(const QString &table, bool force, QString &errors)
{
    QTemporaryFile tableFile;
    if (!tableFile.open()) {
        return -1;
    }
    tableFile.write(table.toUtf8());
    tableFile.flush();

    CtlOptions options;
    options.command = QStringLiteral("create");
    options.arguments = {QStringLiteral("data")};
    options.tableFile = tableFile.fileName();
    options.force = force;
    options.systemRoot = m_root.path();
    // Nobody owns the helper's name there: a call fails at once.
    HelperClient client(QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("volmapctlforce")));
    Volmapctl ctl(client, options);

    Fakes::CapturedOutput captured(stderr); // volmapctl writes to the process's stderr
    QEventLoop loop;
    connect(&ctl, &Volmapctl::finished, &loop, &QEventLoop::exit);
    QMetaObject::invokeMethod(&ctl, &Volmapctl::start, Qt::QueuedConnection);
    const int code = loop.exec();
    errors = captured.finish();
    return code;
}

void TestVolmapctlForce::createOverData_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("force");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("said"); // a line the person reads on stderr
    const QString overExt4 = QStringLiteral("0 2048 linear 8:16 0\n");
    QTest::newRow("over ext4: refused") << overExt4 << false << int(ExitInUse)
                                        << "  8:16: 1 MiB from 0 B (sectors 0–2047), linear: ext4 "
                                           "filesystem labelled “home” (UUID 5e1f)";
    QTest::newRow("over ext4, --force: asks the helper")
        << overExt4 << true << int(ExitUnavailable) << "Helper not installed";
    QTest::newRow("over ext4 after an empty range: refused")
        << QStringLiteral("0 2048 linear 8:32 0\n2048 2048 linear 8:16 0\n") << false << int(ExitInUse)
        << "  8:32: 1 MiB from 0 B (sectors 0–2047), linear: no known signature\n"
           "  8:16: 1 MiB from 0 B (sectors 0–2047), linear: ext4 filesystem";
    QTest::newRow("nothing there: asks the helper") << QStringLiteral("0 2048 linear 8:32 0\n") << false
                                                    << int(ExitUnavailable) << "Helper not installed";
    // udev only speaks for the start of a device; further in it is not known, which is no refusal.
    QTest::newRow("inside, unknown: asks the helper") << QStringLiteral("0 2048 linear 8:16 4096\n") << false
                                                      << int(ExitUnavailable) << "Helper not installed";
}

void TestVolmapctlForce::createOverData()
{
    QFETCH(QString, table);
    QFETCH(bool, force);
    QFETCH(int, status);
    QFETCH(QString, said);
    QString errors;
    QCOMPARE(runCreate(table, force, errors), status);
    QVERIFY2(errors.contains(said), qPrintable(errors));
    QCOMPARE(errors.contains(u"use --force to create it anyway"), status == ExitInUse);
}

QTEST_GUILESS_MAIN(TestVolmapctlForce)
#include "tst_volmapctlforce.moc"
