// SPDX-License-Identifier: GPL-2.0-or-later
// readSysfsAttribute() and sysfsKernelName() on a fake sysfs folder: the
// first line trimmed, the byte limit, missing files, and the kernel name
// from a /sys/dev/block link or, without one, from the folder itself.

#include "sysfsattribute.h"

#include "fakes/testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

using Volmap::Fakes::writeFile;

class TestSysfsAttribute : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheFirstLine();
    void namesTheDeviceALinkPointsTo();
};

void TestSysfsAttribute::readsTheFirstLine()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString dir = root.path() + u'/';
    writeFile(dir + QStringLiteral("size"), "524288\n");
    writeFile(dir + QStringLiteral("name"), "  vg-data \nsecond line\n");
    writeFile(dir + QStringLiteral("long"), QByteArray(300, 'x') + '\n');
    writeFile(dir + QStringLiteral("empty"), "");
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("size")), QStringLiteral("524288"));
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("name")), QStringLiteral("vg-data"));
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("long")), QString(256, u'x'));
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("long"), 10), QString(10, u'x'));
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("empty")), QString());
    QCOMPARE(readSysfsAttribute(dir + QStringLiteral("missing")), QString());
}

void TestSysfsAttribute::namesTheDeviceALinkPointsTo()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString r = root.path();
    QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/devices/virtual/block/ram0")));
    QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/dev/block")));
    // As the kernel makes it: relative.
    QVERIFY(QFile::link(QStringLiteral("../../devices/virtual/block/ram0"),
                        r + QStringLiteral("/sys/dev/block/1:0")));
    QCOMPARE(sysfsKernelName(r + QStringLiteral("/sys/dev/block/1:0")), QStringLiteral("ram0"));
    // As the fakes make it: absolute.
    QVERIFY(QFile::link(r + QStringLiteral("/sys/devices/virtual/block/ram0"),
                        r + QStringLiteral("/sys/dev/block/1:1")));
    QCOMPARE(sysfsKernelName(r + QStringLiteral("/sys/dev/block/1:1")), QStringLiteral("ram0"));
    // No link: the folder's own name.
    QCOMPARE(sysfsKernelName(r + QStringLiteral("/sys/devices/virtual/block/ram0")), QStringLiteral("ram0"));
    QCOMPARE(sysfsKernelName(r + QStringLiteral("/sys/dev/block/9:9")), QString());
}

QTEST_APPLESS_MAIN(TestSysfsAttribute)
#include "tst_sysfsattribute.moc"
