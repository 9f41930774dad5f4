// SPDX-License-Identifier: GPL-2.0-or-later
// The plain (Qt-free) table parse of volmapctl against parseTable(): on
// ASCII text both must find the same segments and the same problems, with
// the same messages and lines, whatever the limits.
#include "plaintable.h"
#include "tabletext.h"

#include <QDir>
#include <QTest>

#include <random>

using namespace Volmap;

namespace {

struct Limits
{
    TableLimits table;
    Grammar::GrammarLimits grammar;
};

Limits limitsOf(qsizetype maxSegments, qsizetype maxFields, qsizetype maxIssues)
{
    Limits limits;
    limits.table.maxSegments = limits.grammar.maxSegments = maxSegments;
    limits.table.maxFieldsPerLine = limits.grammar.maxFieldsPerLine = maxFields;
    limits.table.maxIssues = maxIssues;
    return limits;
}

// Default limits and small ones, so that every cap is reached somewhere.
const Limits AllLimits[] = {
    limitsOf(100000, std::numeric_limits<qsizetype>::max() - 1, std::numeric_limits<qsizetype>::max()),
    limitsOf(2, 4, 3),
    limitsOf(0, 3, 1),
};

QString fromView(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

// Both parses of `text` agree; QCOMPARE's failure names the first difference.
void compareParses(const QByteArray &text, const Limits &limits)
{
    const std::string_view plainText(text.constData(), std::size_t(text.size()));
    QVERIFY(Grammar::isAscii(plainText));
    const ParsedTable qt = parseTable(QString::fromLatin1(text), limits.table);
    const Grammar::PlainParsedTable plain = Grammar::parsePlainTable(plainText, limits.grammar,
                                                                     limits.table.maxIssues);
    QCOMPARE(qsizetype(plain.segments.size()), qt.table.segments.size());
    for (qsizetype i = 0; i < qt.table.segments.size(); ++i) {
        const Segment &expected = qt.table.segments[i];
        const Grammar::PlainSegment &actual = plain.segments[std::size_t(i)];
        QCOMPARE(actual.start, expected.start);
        QCOMPARE(actual.length, expected.length);
        QCOMPARE(fromView(actual.target), expected.target);
        QCOMPARE(actual.line, expected.line);
        QStringList args;
        for (const std::string_view arg : actual.args) {
            args.append(fromView(arg));
        }
        QCOMPARE(args, expected.args);
    }
    QCOMPARE(qsizetype(plain.issues.size()), qt.issues.size());
    for (qsizetype i = 0; i < qt.issues.size(); ++i) {
        const TableIssue &expected = qt.issues[i];
        const Grammar::PlainIssue &actual = plain.issues[std::size_t(i)];
        QCOMPARE(actual.segment, expected.segment);
        QCOMPARE(actual.line, expected.line);
        QCOMPARE(QString::fromStdString(actual.message), expected.message);
        QCOMPARE(QString::fromStdString(Grammar::issueText(actual)), expected.toString());
    }
}

void compareWithAllLimits(const QByteArray &text)
{
    for (const Limits &limits : AllLimits) {
        compareParses(text, limits);
        if (QTest::currentTestFailed()) {
            qWarning("the text: %s", qPrintable(QString::fromLatin1(text).left(300).toHtmlEscaped()));
            return;
        }
    }
}

// Pieces a table line is made of, the awkward ones included.
const char *const Words[] = {
    "0",
    "8",
    "16384",
    "007",
    "18446744073709551615",
    "18446744073709551616",
    "00000000000000000001",
    "000000000000000000001",
    "99999999999999999999",
    "-1",
    "+1",
    "0x10",
    "1e3",
    "linear",
    "basic_target",
    "zero",
    "error",
    "thin-pool",
    "a_15_characters",
    "sixteen_chars_xx",
    "Linear",
    "lin\x01"
    "ear",
    "#x",
    "x#y",
    "8:16",
    "/dev/disk/by-id/ata-VBOX_HARDDISK_VB0123",
    "%1",
    "%2%1",
    "'",
    "\x7f",
    "\x1b[31m",
};
const char *const Separators[] = {" ", " ", " ", "\t", "  ", "\r", "\v", "\f", " #", "#", " # c \x01 d"};

QByteArray randomText(std::mt19937 &random)
{
    const auto pick = [&](std::size_t count) { return std::size_t(random() % count); };
    QByteArray text;
    const std::size_t lines = 1 + pick(6);
    for (std::size_t line = 0; line < lines; ++line) {
        if (pick(8) == 0) {
            text += Separators[pick(std::size(Separators))];
        }
        const std::size_t words = pick(7);
        for (std::size_t word = 0; word < words; ++word) {
            text += pick(12) == 0 ? QByteArray(int(70 + pick(30)), 'w')
                                  : QByteArray(Words[pick(std::size(Words))]);
            if (word + 1 < words || pick(3) == 0) {
                text += Separators[pick(std::size(Separators))];
            }
        }
        if (line + 1 < lines || pick(2) == 0) {
            text += '\n';
        }
    }
    return text;
}

} // namespace

class TestPlainTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesOnEdgeCases_data();
    void agreesOnEdgeCases();
    void agreesOnTheFuzzCorpus();
    void agreesOnGeneratedTables();
    void takesOnlyAscii();
    void formatsAsQStringArg();
};

void TestPlainTable::agreesOnEdgeCases_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("valid") << QByteArray("0 8 linear 8:16 0\n8 8 zero\n");
    QTest::newRow("no final newline") << QByteArray("0 8 linear 8:16 0\n8 8 zero");
    QTest::newRow("comments") << QByteArray(
        "# whole line\n  # indented\n0 8 zero # after\n8 8 error#glued\n");
    QTest::newRow("hash before target") << QByteArray("0 8 #x\n#0 8 zero\n0 #8 zero\n");
    QTest::newRow("crlf and blanks") << QByteArray("0 8\tzero\r\n\v8 8 \f error \r\n\r\n");
    QTest::newRow("control characters") << QByteArray("0 8 zero \x01\n0 8 ze\x7fro\n0 8 zero # \x01 ok\n");
    QTest::newRow("20 digits") << QByteArray("18446744073709551615 00000000000000000001 zero\n");
    QTest::newRow("overflow") << QByteArray("18446744073709551616 8 zero\n0 99999999999999999999 zero\n");
    QTest::newRow("21 digits") << QByteArray("000000000000000000000 8 zero\n0 000000000000000000008 zero\n");
    QTest::newRow("signs and bases") << QByteArray("-1 8 zero\n+1 8 zero\n0x1 8 zero\n 8 zero\n");
    QTest::newRow("target names") << QByteArray(
        "0 8 Linear\n0 8 a_15_characters\n0 8 sixteen_chars_xx\n0 8 a.b\n");
    QTest::newRow("too few fields") << QByteArray("0\n0 8\n0 8 \n");
    QTest::newRow("long field") << QByteArray("0 8 " + QByteArray(200, 'x') + "\n" + QByteArray(90, '1')
                                              + " 8 zero\n");
    QTest::newRow("long control field") << QByteArray("0 " + QByteArray(100, '\x1b') + " zero\n");
    QTest::newRow("many fields") << QByteArray(
        "0 8 striped 2 128 8:17 2048 8:33 2048\n0 8 zero a b c d e f g h\n");
    QTest::newRow("placeholders in fields") << QByteArray("%1 8 zero\n0 %2%1 zero\n");
    QTest::newRow("many problems") << QByteArray("x\ny\nz\n0 8 zero\nw\n1 1\n");
    QTest::newRow("many segments") << QByteArray("0 8 zero\n8 8 zero\n16 8 zero\n24 8 zero\n");
    QTest::newRow("many segments, no newline") << QByteArray("0 8 zero\n8 8 zero\n16 8 zero");
}

void TestPlainTable::agreesOnEdgeCases()
{
    QFETCH(QByteArray, text);
    compareWithAllLimits(text);
}

void TestPlainTable::agreesOnTheFuzzCorpus()
{
    qsizetype compared = 0;
    for (const char *corpus : {"table", "fields", "admission"}) {
        const QDir dir(QStringLiteral(VOLMAP_FUZZ_CORPUS "/") + QLatin1String(corpus));
        for (const QFileInfo &entry : dir.entryInfoList(QDir::Files, QDir::Name)) {
            QFile file(entry.filePath());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
            const QByteArray text = file.readAll();
            // The plain path takes ASCII only; anything else is the Qt path's.
            if (!Grammar::isAscii({text.constData(), std::size_t(text.size())})) {
                continue;
            }
            compareWithAllLimits(text);
            if (QTest::currentTestFailed()) {
                qWarning("corpus file %s", qPrintable(entry.filePath()));
                return;
            }
            ++compared;
        }
    }
    QVERIFY2(compared >= 40, qPrintable(QStringLiteral("only %1 corpus files compared").arg(compared)));
}

void TestPlainTable::agreesOnGeneratedTables()
{
    std::mt19937 random(20261201);
    for (int i = 0; i < 3000; ++i) {
        compareWithAllLimits(randomText(random));
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

void TestPlainTable::takesOnlyAscii()
{
    QVERIFY(Grammar::isAscii("0 8 zero\n\x01\x7f"));
    QVERIFY(!Grammar::isAscii("0 8 zero \xc3\xa4\n"));
    QVERIFY(!Grammar::isAscii("\x80"));
}

void TestPlainTable::formatsAsQStringArg()
{
    for (const char *argument : {"", "x", "%1", "%2", "100%", "%"}) {
        const QString qt = QStringLiteral("a %1 b %1").arg(QLatin1String(argument));
        QCOMPARE(QString::fromStdString(Grammar::formatMessage("a %1 b %1", {argument})), qt);
    }
    QCOMPARE(QString::fromStdString(Grammar::formatMessage("line %1: %2", {"3", "%1 %2"})),
             QStringLiteral("line %1: %2").arg(3).arg(QStringLiteral("%1 %2")));
}

QTEST_APPLESS_MAIN(TestPlainTable)

#include "tst_plaintable.moc"
