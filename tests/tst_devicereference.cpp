// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicereference.h"

#include <QTest>

using namespace Volmap;

class TestDeviceReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
};

void TestDeviceReference::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: refused
    QTest::newRow("major:minor") << QStringLiteral("8:16") << QStringLiteral("8:16");
    QTest::newRow("largest dev_t") << QStringLiteral("4095:1048575") << QStringLiteral("4095:1048575");
    QTest::newRow("major too big") << QStringLiteral("4096:0") << QString();
    QTest::newRow("minor too big") << QStringLiteral("8:1048576") << QString();
    QTest::newRow("2^64 major") << QStringLiteral("18446744073709551616:0") << QString();
    QTest::newRow("negative") << QStringLiteral("-8:16") << QString();
    QTest::newRow("no minor") << QStringLiteral("8:") << QString();
    QTest::newRow("no major") << QStringLiteral(":16") << QString();
    QTest::newRow("two colons") << QStringLiteral("8:16:1") << QString();
    QTest::newRow("bare name") << QStringLiteral("sda") << QString();
    QTest::newRow("dev path") << QStringLiteral("/dev/sda1") << QStringLiteral("/dev/sda1");
    QTest::newRow("by-id path") << QStringLiteral("/dev/disk/by-id/ata-X_Y-part1")
                                << QStringLiteral("/dev/disk/by-id/ata-X_Y-part1");
    QTest::newRow("mapper path") << QStringLiteral("/dev/mapper/vg-lv")
                                 << QStringLiteral("/dev/mapper/vg-lv");
    QTest::newRow("outside /dev") << QStringLiteral("/tmp/disk.img") << QString();
    QTest::newRow("/dev itself") << QStringLiteral("/dev/") << QString();
    QTest::newRow("dot-dot escape") << QStringLiteral("/dev/../etc/shadow") << QString();
    QTest::newRow("dot component") << QStringLiteral("/dev/./sda") << QString();
    QTest::newRow("double slash") << QStringLiteral("/dev//sda") << QString();
    QTest::newRow("trailing slash") << QStringLiteral("/dev/sda/") << QString();
    QTest::newRow("space") << QStringLiteral("/dev/my disk") << QString();
    QTest::newRow("newline") << QStringLiteral("/dev/sda\n0") << QString();
    QTest::newRow("non-ascii") << QStringLiteral("/dev/d\u00e9v") << QString();
    QTest::newRow("relative") << QStringLiteral("dev/sda") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("overlong path") << (QStringLiteral("/dev/") + QString(5000, u'a')) << QString();
}

void TestDeviceReference::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto parsed = parseDeviceReference(text);
    if (normalised.isEmpty()) {
        QVERIFY2(!parsed.has_value(), qPrintable(text));
        QVERIFY(!parsed.error().isEmpty());
    } else {
        QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error()));
        QCOMPARE(parsed.value().toString(), normalised);
    }
}

QTEST_APPLESS_MAIN(TestDeviceReference)
#include "tst_devicereference.moc"
