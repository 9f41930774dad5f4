// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabletext.h"

#include <QTest>

using namespace Volmap;

class TestTableText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDmsetupOutput();
    void roundTripsLvmTables_data();
    void roundTripsLvmTables();
    void skipsCommentsAndBlankLines();
    void commentsAsDmsetup_data();
    void commentsAsDmsetup();
    void refusesBadLines_data();
    void refusesBadLines();
    void keepsForeignTargets();
    void parseDecimal_data();
    void parseDecimal();
    void formatsLargeTablesLinearly();
    void sharesRepeatedTargetAndDevice();
    void parsesLongLines();
    void quotesFieldsShortAndPrintable();
};

void TestTableText::parsesDmsetupOutput()
{
    const ParsedTable parsed = parseTable(u"0 2048 basic_target 1:0 100\n2048 4096 linear 8:16 0\n");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table.segments.size(), 2);
    const Segment &first = parsed.table.segments[0];
    QCOMPARE(first.start, 0u);
    QCOMPARE(first.length, 2048u);
    QCOMPARE(first.target, QStringLiteral("basic_target"));
    QCOMPARE(first.args, QStringList({QStringLiteral("1:0"), QStringLiteral("100")}));
    QCOMPARE(first.line, 1);
    QCOMPARE(parsed.table.segments[1].line, 2);
    QCOMPARE(parsed.table.lengthInSectors(), 6144u);
}

void TestTableText::roundTripsLvmTables_data()
{
    QTest::addColumn<QString>("text");
    // `dmsetup table` output of LVM volumes: a logical volume extended
    // three times over two PVs, a striped volume, a snapshot origin stack.
    QTest::newRow("lvm linear extended") << QStringLiteral("0 20971520 linear 8:2 2048\n"
                                                           "20971520 4194304 linear 8:17 2048\n"
                                                           "25165824 8388608 linear 8:2 20973568\n"
                                                           "33554432 1048576 linear 253:4 384\n");
    QTest::newRow("lvm striped") << QStringLiteral("0 8388608 striped 2 128 8:17 2048 8:33 2048\n");
    QTest::newRow("crypt") << QStringLiteral(
        "0 1953519616 crypt aes-xts-plain64 :64:logon:cryptsetup:0b1f 0 259:2 32768 1 allow_discards\n");
    QTest::newRow("thin pool") << QStringLiteral(
        "0 409600 thin-pool 253:1 253:2 128 0 1 skip_block_zeroing\n");
    QTest::newRow("zero and error") << QStringLiteral("0 100 zero\n100 100 error\n");
}

void TestTableText::roundTripsLvmTables()
{
    QFETCH(QString, text);
    const ParsedTable parsed = parseTable(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.issues.value(0).toString()));
    QCOMPARE(formatTable(parsed.table), text);
    QCOMPARE(parseTable(formatTable(parsed.table)).table, parsed.table);
}

void TestTableText::skipsCommentsAndBlankLines()
{
    const ParsedTable parsed = parseTable(u"# a table file\n\n   \n  # indented comment\n"
                                          u"0 8 zero\r\n\t8\t8  error  \n");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table.segments.size(), 2);
    QCOMPARE(parsed.table.segments[0].line, 5);
    QCOMPARE(parsed.table.segments[1].line, 6);
    QCOMPARE(formatTable(parsed.table), QStringLiteral("0 8 zero\n8 8 error\n"));
}

// dmsetup (lvm2 libdm/dm-tools/dmsetup.c, _parse_line) trims isspace()
// from both ends, skips empty lines and lines whose first character is
// `#`, reads <start> <length> <target>, then cuts the rest at the first `#`.
void TestTableText::commentsAsDmsetup_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formatted"); // empty: the parse must fail
    QTest::newRow("comment after arguments")
        << QStringLiteral("0 8 linear 8:1 0 # the first disk\n") << QStringLiteral("0 8 linear 8:1 0\n");
    QTest::newRow("comment glued to an argument")
        << QStringLiteral("0 8 linear 8:1 0#first") << QStringLiteral("0 8 linear 8:1 0\n");
    QTest::newRow("comment inside a path cuts it")
        << QStringLiteral("0 8 linear /dev/sd#a 0") << QStringLiteral("0 8 linear /dev/sd\n");
    QTest::newRow("comment right after the target") << QStringLiteral("0 8 zero# no arguments") << QString();
    QTest::newRow("comment after the target and a blank")
        << QStringLiteral("0 8 zero #no arguments\n8 8 error") << QStringLiteral("0 8 zero\n8 8 error\n");
    QTest::newRow("comment holds anything")
        << QStringLiteral("0 8 zero # \x01 control, many many many words a b c d e f g h i j k l m n o p")
        << QStringLiteral("0 8 zero\n");
    QTest::newRow("# before the target is a character") << QStringLiteral("0 8 #zero") << QString();
    QTest::newRow("# in the length is a character") << QStringLiteral("0 8#x zero") << QString();
    QTest::newRow("trailing whitespace")
        << QStringLiteral("0 8 zero \t\v\f\r\n") << QStringLiteral("0 8 zero\n");
    QTest::newRow("blank lines of every whitespace")
        << QStringLiteral("\n \t\v\f\r\n0 8 zero\n\n") << QStringLiteral("0 8 zero\n");
    QTest::newRow("vertical tab separates fields")
        << QStringLiteral("0\v8\fzero") << QStringLiteral("0 8 zero\n");
    QTest::newRow("only comments") << QStringLiteral("# a\n  # b\n") << QString();
}

void TestTableText::commentsAsDmsetup()
{
    QFETCH(QString, text);
    QFETCH(QString, formatted);
    const ParsedTable parsed = parseTable(text);
    if (formatted.isEmpty()) {
        QVERIFY(!parsed.ok() || parsed.table.segments.isEmpty());
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.issues.value(0).toString()));
    QCOMPARE(formatTable(parsed.table), formatted);
}

void TestTableText::refusesBadLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("two fields") << QStringLiteral("0 8") << QStringLiteral("line 1: expected");
    QTest::newRow("negative start") << QStringLiteral("-1 8 zero") << QStringLiteral("line 1: start '-1'");
    QTest::newRow("plus length") << QStringLiteral("0 +8 zero") << QStringLiteral("line 1: length '+8'");
    QTest::newRow("hex length") << QStringLiteral("0 0x8 zero") << QStringLiteral("line 1: length '0x8'");
    QTest::newRow("2^64 length") << QStringLiteral("0 18446744073709551616 zero")
                                 << QStringLiteral("line 1: length '18446744073709551616'");
    QTest::newRow("upper-case target")
        << QStringLiteral("0 8 Linear 8:1 0") << QStringLiteral("'Linear' is not");
    QTest::newRow("long target") << QStringLiteral("0 8 abcdefghijklmnop")
                                 << QStringLiteral("is not a target");
    QTest::newRow("target with slash") << QStringLiteral("0 8 ../zero") << QStringLiteral("is not a target");
    QTest::newRow("control character")
        << QStringLiteral("0 8 linear /dev/sda\x01 0") << QStringLiteral("control character");
    QTest::newRow("second line") << QStringLiteral("0 8 zero\n8 x zero")
                                 << QStringLiteral("line 2: length 'x'");
}

void TestTableText::refusesBadLines()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const ParsedTable parsed = parseTable(text);
    QCOMPARE(parsed.issues.size(), 1);
    QVERIFY2(parsed.issues[0].toString().startsWith(message) || parsed.issues[0].toString().contains(message),
             qPrintable(parsed.issues[0].toString()));
}

void TestTableText::keepsForeignTargets()
{
    const ParsedTable parsed = parseTable(u"0 16 snapshot-origin 253:3\n");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table.segments[0].target, QStringLiteral("snapshot-origin"));
}

void TestTableText::parseDecimal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("value");
    QTest::newRow("zero") << QStringLiteral("0") << true << quint64(0);
    QTest::newRow("leading zeros") << QStringLiteral("007") << true << quint64(7);
    QTest::newRow("max") << QStringLiteral("18446744073709551615") << true
                         << quint64(18446744073709551615ull);
    QTest::newRow("max+1") << QStringLiteral("18446744073709551616") << false << quint64(0);
    QTest::newRow("huge") << QStringLiteral("99999999999999999999999") << false << quint64(0);
    // Only 20-digit numbers are checked for overflow: both sides of that line.
    QTest::newRow("19 nines") << QStringLiteral("9999999999999999999") << true
                              << quint64(9999999999999999999ull);
    QTest::newRow("20 nines") << QStringLiteral("99999999999999999999") << false << quint64(0);
    QTest::newRow("20 digits, leading zeros")
        << QStringLiteral("00000000000000000042") << true << quint64(42);
    QTest::newRow("empty") << QString() << false << quint64(0);
    QTest::newRow("space") << QStringLiteral(" 1") << false << quint64(0);
    QTest::newRow("minus") << QStringLiteral("-1") << false << quint64(0);
    QTest::newRow("plus") << QStringLiteral("+1") << false << quint64(0);
    QTest::newRow("exponent") << QStringLiteral("1e3") << false << quint64(0);
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661") << false << quint64(0);
    // The characters on either side of '0'-'9', in short and in 20-digit numbers.
    QTest::newRow("slash") << QStringLiteral("1/") << false << quint64(0);
    QTest::newRow("colon") << QStringLiteral(":1") << false << quint64(0);
    QTest::newRow("20 characters, a colon") << QStringLiteral("1000000000000000000:") << false << quint64(0);
}

void TestTableText::parseDecimal()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, value);
    const auto parsed = Volmap::parseDecimal(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, value);
    }
}

void TestTableText::formatsLargeTablesLinearly()
{
    MappingTable table;
    for (int i = 0; i < 20000; ++i) {
        table.segments.append({quint64(i) * 8,
                               8,
                               QStringLiteral("linear"),
                               {QStringLiteral("8:16"), QString::number(i * 8)},
                               0});
    }
    const QString text = formatTable(table);
    QCOMPARE(text.count(u'\n'), 20000);
    const ParsedTable parsed = parseTable(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table, table);
}

void TestTableText::sharesRepeatedTargetAndDevice()
{
    ParsedTable parsed = parseTable(u"0 8 linear /dev/sda 0\n8 8 linear /dev/sda 8\n16 8 linear 8:16 0\n"
                                    u"24 8 basic_target 8:16 8\n32 8 zero\n40 8 linear /dev/sda 16\n");
    QVERIFY(parsed.ok());
    const QList<Segment> &segments = parsed.table.segments;
    QCOMPARE(segments.size(), 6);
    // A run of one target and device shares their strings.
    QCOMPARE(segments[1].target.constData(), segments[0].target.constData());
    QCOMPARE(segments[1].args[0].constData(), segments[0].args[0].constData());
    const QStringList targets{segments[0].target, segments[1].target, segments[2].target,
                              segments[3].target, segments[4].target, segments[5].target};
    QCOMPARE(targets, QStringList({u"linear"_qs, u"linear"_qs, u"linear"_qs, u"basic_target"_qs, u"zero"_qs,
                                   u"linear"_qs}));
    QCOMPARE(segments[2].args, QStringList({u"8:16"_qs, u"0"_qs}));
    QCOMPARE(segments[3].args, QStringList({u"8:16"_qs, u"8"_qs}));
    QVERIFY(segments[4].args.isEmpty());
    QCOMPARE(segments[5].args, QStringList({u"/dev/sda"_qs, u"16"_qs}));
    // Shared, yet each segment's own: changing one changes no other.
    parsed.table.segments[0].args[0] = u"8:0"_qs;
    QCOMPARE(parsed.table.segments[1].args[0], u"/dev/sda"_qs);
    QCOMPARE(formatTable(parsed.table), u"0 8 linear 8:0 0\n8 8 linear /dev/sda 8\n16 8 linear 8:16 0\n"
                                        u"24 8 basic_target 8:16 8\n32 8 zero\n40 8 linear /dev/sda 16\n"_qs);
}

void TestTableText::parsesLongLines()
{
    // More fields than a line keeps on the stack, and the limit's message.
    const QString line = u"0 8 foreign a b c d e f g h i j k l"_qs;
    const ParsedTable parsed = parseTable(line);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table.segments[0].args.size(), 12);
    QCOMPARE(parsed.table.segments[0].args.last(), u"l"_qs);
    TableLimits limits;
    limits.maxFieldsPerLine = 8;
    const ParsedTable limited = parseTable(line, limits);
    QCOMPARE(limited.issues.size(), 1);
    QCOMPARE(limited.issues[0].toString(), u"line 1: more than 8 fields"_qs);
}

void TestTableText::quotesFieldsShortAndPrintable()
{
    // A message about a field never grows with the field...
    const QString longField(5000, u'9');
    const ParsedTable parsed = parseTable(QStringLiteral("0 x") + longField + QStringLiteral(" zero"));
    QCOMPARE(parsed.issues.size(), 1);
    const QString message = parsed.issues[0].message;
    QVERIFY2(message.size() < 150, qPrintable(message));
    QVERIFY2(message.startsWith(QStringLiteral("length 'x999")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("9...' is not")), qPrintable(message));

    // ...nor carries control characters the line check lets through (C1).
    QCOMPARE(parseTable(u"0 8 zero\u0085x\u009b").issues.value(0).message,
             QStringLiteral("'zero?x?' is not a target name"));
    QCOMPARE(quotedInput(u"a\nb\x1b"), QStringLiteral("'a?b?'"));
    QCOMPARE(quotedInput(QString(80, u'p')), u'\'' + QString(80, u'p') + u'\'');
    QCOMPARE(quotedInput(QString(81, u'p')), u'\'' + QString(77, u'p') + QStringLiteral("...'"));
}

QTEST_APPLESS_MAIN(TestTableText)
#include "tst_tabletext.moc"
