// SPDX-License-Identifier: GPL-2.0-or-later
#include "sizeunits.h"

#include <QTest>

using namespace Volmap;

class TestSizeUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void sectors_data();
    void sectors();
    void format_data();
    void format();
    void human();
};

void TestSizeUnits::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("defaultUnit");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("bytes");
    const int sectors = int(SizeUnit::Sectors);
    const int mib = int(SizeUnit::MiB);
    QTest::newRow("bare sectors") << QStringLiteral("2048") << sectors << true << quint64(1048576);
    QTest::newRow("bare in MiB") << QStringLiteral("3") << mib << true << quint64(3 << 20);
    QTest::newRow("s suffix") << QStringLiteral("8s") << mib << true << quint64(4096);
    QTest::newRow("B") << QStringLiteral("4096B") << sectors << true << quint64(4096);
    QTest::newRow("K") << QStringLiteral("4K") << sectors << true << quint64(4096);
    QTest::newRow("KiB spaced") << QStringLiteral(" 4 KiB ") << sectors << true << quint64(4096);
    QTest::newRow("kb lower") << QStringLiteral("4kb") << sectors << true << quint64(4096);
    QTest::newRow("M") << QStringLiteral("1M") << sectors << true << quint64(1048576);
    QTest::newRow("GiB") << QStringLiteral("2GiB") << sectors << true << (quint64(2) << 30);
    QTest::newRow("1.5G") << QStringLiteral("1.5G") << sectors << true << (quint64(3) << 29);
    QTest::newRow(".5M") << QStringLiteral(".5M") << sectors << true << quint64(524288);
    QTest::newRow("1.0T") << QStringLiteral("1.0T") << sectors << true << (quint64(1) << 40);
    QTest::newRow("0.25K") << QStringLiteral("0.25K") << sectors << true << quint64(256);
    QTest::newRow("0.3K inexact") << QStringLiteral("0.3K") << sectors << false << quint64(0);
    QTest::newRow("0.1s inexact") << QStringLiteral("0.1s") << sectors << false << quint64(0);
    QTest::newRow("16 EiB - 1") << QStringLiteral("18446744073709551615B") << sectors << true
                                << quint64(18446744073709551615ull);
    QTest::newRow("2^64 bytes") << QStringLiteral("18446744073709551616B") << sectors << false << quint64(0);
    QTest::newRow("16777216T") << QStringLiteral("16777216T") << sectors << false << quint64(0);
    QTest::newRow("16777215.5T") << QStringLiteral("16777215.5T") << sectors << true
                                 << (quint64(16777215) << 40) + (quint64(1) << 39);
    QTest::newRow("negative") << QStringLiteral("-1M") << sectors << false << quint64(0);
    QTest::newRow("two dots") << QStringLiteral("1.2.3M") << sectors << false << quint64(0);
    QTest::newRow("dot only") << QStringLiteral(".M") << sectors << false << quint64(0);
    QTest::newRow("trailing dot") << QStringLiteral("1.M") << sectors << false << quint64(0);
    QTest::newRow("unknown unit") << QStringLiteral("3X") << sectors << false << quint64(0);
    QTest::newRow("decimal units") << QStringLiteral("3 GB") << sectors << true << (quint64(3) << 30);
    QTest::newRow("empty") << QString() << sectors << false << quint64(0);
    QTest::newRow("unit only") << QStringLiteral("G") << sectors << false << quint64(0);
    QTest::newRow("fullwidth digit") << QStringLiteral("1.\uff15G") << sectors << false << quint64(0);
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661M") << sectors << false << quint64(0);
}

void TestSizeUnits::parse()
{
    QFETCH(QString, text);
    QFETCH(int, defaultUnit);
    QFETCH(bool, valid);
    QFETCH(quint64, bytes);
    const auto parsed = parseSize(text, SizeUnit(defaultUnit));
    if (!valid) {
        QVERIFY2(!parsed.has_value(), qPrintable(text));
        return;
    }
    QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error()));
    QCOMPARE(parsed.value(), bytes);
}

void TestSizeUnits::sectors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("sectors"); // -1: refused
    QTest::newRow("1M") << QStringLiteral("1M") << qint64(2048);
    QTest::newRow("4096") << QStringLiteral("4096") << qint64(4096);
    QTest::newRow("1000B") << QStringLiteral("1000B") << qint64(-1);
    QTest::newRow("0.5K") << QStringLiteral("0.5K") << qint64(1);
    QTest::newRow("0.25K") << QStringLiteral("0.25K") << qint64(-1);
}

void TestSizeUnits::sectors()
{
    QFETCH(QString, text);
    QFETCH(qint64, sectors);
    const auto parsed = parseSizeInSectors(text, SizeUnit::Sectors);
    if (sectors < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QCOMPARE(parsed.value(), quint64(sectors));
    }
}

void TestSizeUnits::format_data()
{
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("text");
    QTest::newRow("sectors") << quint64(1048576) << int(SizeUnit::Sectors) << QStringLiteral("2048 s");
    QTest::newRow("whole GiB") << (quint64(3) << 30) << int(SizeUnit::GiB) << QStringLiteral("3 GiB");
    QTest::newRow("1.5 GiB") << (quint64(3) << 29) << int(SizeUnit::GiB) << QStringLiteral("1.5 GiB");
    QTest::newRow("1.25 MiB") << quint64(1310720) << int(SizeUnit::MiB) << QStringLiteral("1.25 MiB");
    QTest::newRow("inexact") << quint64(1000) << int(SizeUnit::KiB) << QStringLiteral("~0.98 KiB");
    QTest::newRow("max bytes") << quint64(18446744073709551615ull) << int(SizeUnit::Bytes)
                               << QStringLiteral("18446744073709551615 B");
    QTest::newRow("max TiB") << quint64(18446744073709551615ull) << int(SizeUnit::TiB)
                             << QStringLiteral("~16777216.00 TiB");
}

void TestSizeUnits::format()
{
    QFETCH(quint64, bytes);
    QFETCH(int, unit);
    QFETCH(QString, text);
    QCOMPARE(formatSize(bytes, SizeUnit(unit)), text);
}

void TestSizeUnits::human()
{
    QCOMPARE(formatSizeHuman(0), QStringLiteral("0 B"));
    QCOMPARE(formatSizeHuman(512), QStringLiteral("512 B"));
    QCOMPARE(formatSizeHuman(1536), QStringLiteral("1.5 KiB"));
    QCOMPARE(formatSizeHuman(quint64(250) << 30), QStringLiteral("250 GiB"));
    QCOMPARE(formatSizeHuman(quint64(2) << 40), QStringLiteral("2 TiB"));
    QCOMPARE(formatRateHuman(0), QStringLiteral("0 B/s"));
    QCOMPARE(formatRateHuman(1000), QStringLiteral("1000 B/s"));
    QCOMPARE(formatRateHuman(188962734.0), QStringLiteral("180.2 MiB/s"));
    QCOMPARE(formatRateHuman(3.5 * 1024 * 1024 * 1024), QStringLiteral("3.5 GiB/s"));
}

QTEST_APPLESS_MAIN(TestSizeUnits)
#include "tst_sizeunits.moc"
