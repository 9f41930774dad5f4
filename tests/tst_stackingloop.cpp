// SPDX-License-Identifier: GPL-2.0-or-later
// The reload check that keeps mappings from forming a loop, over a fake
// sysfs tree of stacked dm devices (slaves/ links as the kernel makes them).
#include "fakes/fakesystem.h"
#include "helperprotocol.h"
#include "stackingloop.h"

#include <QTest>

using namespace Volmap;

class TestStackingLoop final : public QObject
{
    Q_OBJECT

private:
    // The tree: sdb <- dm-0 "a" <- dm-1 "b" <- dm-2 "c", and dm-3 "d" on sdb beside a.
    void buildStack(Fakes::FakeSystem &system)
    {
        // The device nodes need root; sysfs alone is what the check reads.
        system.addDevice(QStringLiteral("sdb"), 8, 16, 4096);
        for (int minor = 0; minor < 4; ++minor) {
            system.addDevice(QStringLiteral("dm-%1").arg(minor), 254, minor, 2048);
        }
        system.addSlave(QStringLiteral("dm-0"), QStringLiteral("sdb"));
        system.addSlave(QStringLiteral("dm-1"), QStringLiteral("dm-0"));
        system.addSlave(QStringLiteral("dm-2"), QStringLiteral("dm-1"));
        system.addSlave(QStringLiteral("dm-3"), QStringLiteral("sdb"));
    }

    static ResolvedDevice device(const QString &path, DeviceNumber number)
    {
        ResolvedDevice resolved;
        resolved.geometry.number = number;
        resolved.geometry.sizeInSectors = 2048;
        resolved.geometry.displayName = path;
        resolved.disk = number;
        return resolved;
    }

private Q_SLOTS:
    void refusesTheMappingItself()
    {
        Fakes::FakeSystem system;
        buildStack(system);
        SystemDeviceInspector inspector(system.root());
        const auto loop = stackingLoop(
            {device(QStringLiteral("/dev/sdb"), {8, 16}), device(QStringLiteral("/dev/mapper/a"), {254, 0})},
            {254, 0}, QStringLiteral("a"), inspector);
        QVERIFY(loop);
        QCOMPARE(loop->name, HelperProtocol::Error::invalidArgument());
        QVERIFY2(loop->message.contains(QStringLiteral("/dev/mapper/a (254:0) is 'a' itself")),
                 qPrintable(loop->message));
    }

    void refusesDevicesStackedOnTheMapping_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<quint32>("minor");
        // b maps a: reloading a onto b is A -> B -> A; c is two levels up.
        QTest::newRow("directly on it") << QStringLiteral("/dev/mapper/b") << 1u;
        QTest::newRow("two levels up") << QStringLiteral("/dev/mapper/c") << 2u;
    }

    void refusesDevicesStackedOnTheMapping()
    {
        QFETCH(QString, path);
        QFETCH(quint32, minor);
        Fakes::FakeSystem system;
        buildStack(system);
        SystemDeviceInspector inspector(system.root());
        const auto loop = stackingLoop(
            {device(QStringLiteral("/dev/sdb"), {8, 16}), device(path, {254, minor})}, {254, 0},
            QStringLiteral("a"), inspector);
        QVERIFY(loop);
        QCOMPARE(loop->name, HelperProtocol::Error::invalidArgument());
        QVERIFY2(loop->message.contains(QStringLiteral("%1 (254:%2) is built on 'a'").arg(path).arg(minor)),
                 qPrintable(loop->message));
    }

    void acceptsDevicesBelowAndBeside()
    {
        Fakes::FakeSystem system;
        buildStack(system);
        SystemDeviceInspector inspector(system.root());
        // a's own disk, and d, which shares the disk but is not built on a.
        QVERIFY(!stackingLoop(
            {device(QStringLiteral("/dev/sdb"), {8, 16}), device(QStringLiteral("/dev/mapper/d"), {254, 3})},
            {254, 0}, QStringLiteral("a"), inspector));
        // c reloaded onto a: a is below c, a deeper stack, not a loop.
        QVERIFY(!stackingLoop({device(QStringLiteral("/dev/mapper/a"), {254, 0})}, {254, 2},
                              QStringLiteral("c"), inspector));
        QVERIFY(!stackingLoop({}, {254, 0}, QStringLiteral("a"), inspector));
    }

    void namesADeviceNumberOnce()
    {
        // A major:minor reference resolves to a name that carries the number.
        Fakes::FakeSystem system;
        buildStack(system);
        SystemDeviceInspector inspector(system.root());
        const auto loop = stackingLoop({device(QStringLiteral("/dev/dm-1 (254:1)"), {254, 1})}, {254, 0},
                                       QStringLiteral("a"), inspector);
        QVERIFY(loop);
        QVERIFY2(
            loop->message.startsWith(QStringLiteral("invalid table: /dev/dm-1 (254:1) is built on 'a';")),
            qPrintable(loop->message));
    }

    void endsOnALoopAlreadyInSysfs()
    {
        // Should a loop exist already (made with dmsetup), the walk still ends.
        Fakes::FakeSystem system;
        buildStack(system);
        system.addDevice(QStringLiteral("dm-4"), 254, 4, 2048);
        system.addDevice(QStringLiteral("dm-5"), 254, 5, 2048);
        system.addSlave(QStringLiteral("dm-4"), QStringLiteral("dm-5"));
        system.addSlave(QStringLiteral("dm-5"), QStringLiteral("dm-4"));
        SystemDeviceInspector inspector(system.root());
        QVERIFY(!stackingLoop({device(QStringLiteral("/dev/mapper/e"), {254, 4})}, {254, 0},
                              QStringLiteral("a"), inspector));
        QVERIFY(stackingLoop({device(QStringLiteral("/dev/mapper/e"), {254, 4})}, {254, 5},
                             QStringLiteral("f"), inspector));
    }
};

QTEST_APPLESS_MAIN(TestStackingLoop)
#include "tst_stackingloop.moc"
