// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicerangereader.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Volmap;

namespace {

// Two fake disks: sda (8:0, 1 GiB, 512-byte blocks) and nvme (259:0,
// 64 MiB, 4 KiB blocks). Paths resolve as a real resolver would.
Result<BlockDeviceGeometry, QString> fakeResolve(const DeviceReference &reference)
{
    const BlockDeviceGeometry sda{{8, 0}, 2097152, 512, QStringLiteral("/dev/sda")};
    const BlockDeviceGeometry nvme{{259, 0}, 131072, 4096, QStringLiteral("/dev/nvme0n1")};
    const QString name = reference.toString();
    if (name == u"8:0" || name == u"/dev/sda" || name == u"/dev/disk/by-id/ata-DISK") {
        return sda;
    }
    if (name == u"259:0" || name == u"/dev/nvme0n1") {
        return nvme;
    }
    if (name.startsWith(u"/dev/disk/by-label/")) {
        // Labels are the user's: a name with '%' must reach messages as it is.
        BlockDeviceGeometry labelled = name.contains(u"4k") ? nvme : sda;
        labelled.displayName = name;
        return labelled;
    }
    if (name == u"/dev/null") {
        return fail(QStringLiteral("/dev/null is not a block device"));
    }
    return fail(QStringLiteral("%1 does not exist").arg(name));
}

QStringList messagesFor(const QString &text, const DeviceResolver &resolver = fakeResolve,
                        const TableLimits &limits = {})
{
    QStringList messages;
    for (const TableIssue &issue : validateTableText(text, resolver, limits)) {
        messages.append(issue.toString());
    }
    return messages;
}

QStringList described(const TableIssues &issues)
{
    QStringList lines;
    for (const TableIssue &issue : issues) {
        lines.append(QStringLiteral("%1|%2|%3").arg(issue.segment).arg(issue.line).arg(issue.message));
    }
    return lines;
}

/*
 * A table under random edits for TableValidation: each segment has its own
 * slot on its device (so edits within it keep the table valid), and some
 * edits leave the slot, the block size, the target or the device.
 */
class RandomEdits
{
public:
    static constexpr int Segments = 40;
    static constexpr quint64 Slot = 2048; // sectors of a device per segment

    explicit RandomEdits(quint32 seed)
        : m_random(seed)
    {
        for (int i = 0; i < Segments; ++i) {
            m_table.segments.append(slotted(i));
        }
        restart();
    }

    MappingTable &table() { return m_table; }

    // Changes one segment and returns its row. Four edits in five keep
    // the table valid, or make it valid again.
    int edit()
    {
        if (m_random.bounded(5) == 0) {
            return breakOne();
        }
        m_sdaSize = 2097152;
        const int row = m_broken.isEmpty() ? int(m_random.bounded(Segments)) : m_broken.takeFirst();
        Segment &segment = m_table.segments[row];
        segment = slotted(row);
        segment.length = 8 * (1 + m_random.bounded(quint32(Slot / 8 / 2)));
        if (segment.args.size() == 2 && m_random.bounded(2)) {
            segment.args[1] = QString::number(row * Slot + 8 * m_random.bounded(quint32(Slot / 8 / 2)));
        }
        restart();
        return row;
    }

private:
    // The segment in its own slot of its own device, 4 KiB long.
    Segment slotted(int row) const
    {
        const QString device = m_devices[row % 4];
        if (device == u"zero") {
            return {0, 8, device, {}, row + 1};
        }
        return {0, 8, QStringLiteral("linear"), {device, QString::number(row * Slot)}, row + 1};
    }

    int breakOne()
    {
        const int row = int(m_random.bounded(Segments));
        Segment &segment = m_table.segments[row];
        switch (m_random.bounded(4)) {
        case 0: // any length: past its slot, unaligned or none
            segment.length = m_random.bounded(4) == 0 ? 0 : m_random.bounded(quint32(3 * Slot));
            break;
        case 1: // an offset on another segment's slot, or past the end
            if (segment.args.size() == 2) {
                segment.args[1] = QString::number(m_random.bounded(quint32(Segments * Slot * 70)));
            }
            break;
        case 2: // another device, or a device-less target
            segment.target = QStringLiteral("linear");
            segment.args = QStringList{m_devices[m_random.bounded(4)], QString::number(row * Slot)};
            if (segment.args[0] == u"zero") {
                segment.target = QStringLiteral("zero");
                segment.args.clear();
            }
            break;
        default: // sda shrinks between edits
            m_sdaSize = 20 * Slot;
            break;
        }
        m_broken.append(row);
        restart();
        return row;
    }

public:
    DeviceResolver resolver()
    {
        return [this](const DeviceReference &reference) -> Result<BlockDeviceGeometry, QString> {
            auto resolved = fakeResolve(reference);
            if (resolved && resolved->number.major == 8) {
                resolved->sizeInSectors = m_sdaSize;
            }
            return resolved;
        };
    }

private:
    void restart()
    {
        quint64 start = 0;
        for (Segment &segment : m_table.segments) {
            segment.start = start;
            start += segment.length;
        }
    }

    QRandomGenerator m_random;
    MappingTable m_table;
    QList<int> m_broken;
    quint64 m_sdaSize = 2097152;
    const QString m_devices[4] = {QStringLiteral("/dev/sda"), QStringLiteral("/dev/nvme0n1"),
                                  QStringLiteral("8:0"), QStringLiteral("zero")};
};

} // namespace

class TestTableValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsGoodTables_data();
    void acceptsGoodTables();
    void refusesBadTables_data();
    void refusesBadTables();
    void reportsEveryProblemWithItsLine();
    void worksWithoutResolver();
    void resolvesEachDeviceOnce();
    void enforcesLimits();
    void deviceRangeOf();
    void readerAgreesWithDeviceRangeOf();
    void checkTableTextKeepsTheTable();
    void rangesInAnyOrderOverlap();
    void incrementalMatchesFull();
};

void TestTableValidator::acceptsGoodTables_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one basic_target") << QStringLiteral("0 2048 basic_target /dev/sda 0");
    QTest::newRow("mixed") << QStringLiteral("0 2048 basic_target 8:0 2048\n"
                                             "2048 4096 linear /dev/nvme0n1 0\n"
                                             "6144 8 zero\n"
                                             "6152 8 error\n");
    QTest::newRow("whole disk") << QStringLiteral("0 2097152 linear /dev/sda 0");
    QTest::newRow("last sector") << QStringLiteral("0 1 basic_target 8:0 2097151");
    QTest::newRow("same disk, adjacent ranges")
        << QStringLiteral("0 100 linear 8:0 0\n100 100 linear 8:0 100");
    QTest::newRow("same disk, reordered") << QStringLiteral("0 100 linear 8:0 500\n100 100 linear 8:0 0");
    QTest::newRow("comments") << QStringLiteral("# data volume\n0 16 zero\n");
}

void TestTableValidator::acceptsGoodTables()
{
    QFETCH(QString, text);
    const QStringList messages = messagesFor(text);
    QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n')));
}

void TestTableValidator::refusesBadTables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("the table has no segments");
    QTest::newRow("only comments") << QStringLiteral("# nothing\n")
                                   << QStringLiteral("the table has no segments");
    QTest::newRow("not from zero") << QStringLiteral(
        "8 8 zero") << QStringLiteral("line 1: the first segment must start at sector 0, not 8");
    QTest::newRow("gap") << QStringLiteral("0 8 zero\n16 8 zero")
                         << QStringLiteral(
                                "line 2: gap: the previous segment ends at sector 8 but this one starts "
                                "at 16");
    QTest::newRow("overlap") << QStringLiteral("0 8 zero\n4 8 zero")
                             << QStringLiteral(
                                    "line 2: overlap: the previous segment ends at sector 8 but this one "
                                    "starts at 4");
    QTest::newRow("zero length") << QStringLiteral("0 0 zero")
                                 << QStringLiteral("line 1: segment length must be at least one sector");
    QTest::newRow("end overflows") << QStringLiteral(
        "0 18446744073709551615 zero\n18446744073709551615 2 zero")
                                   << QStringLiteral("line 2: segment end overflows 64 bits");
    QTest::newRow("larger than the kernel allows")
        << QStringLiteral("0 18014398509481984 zero")
        << QStringLiteral("line 1: the table would end past sector "
                          "18014398509481983");
    QTest::newRow("unknown target") << QStringLiteral("0 8 crypt aes 0 8:0 0")
                                    << QStringLiteral(
                                           "line 1: unsupported target 'crypt'; Volume Mapper creates "
                                           "basic_target, linear, zero, error");
    QTest::newRow("missing offset") << QStringLiteral("0 8 basic_target /dev/sda")
                                    << QStringLiteral(
                                           "line 1: basic_target takes exactly 2 arguments: <device> "
                                           "<offset>");
    QTest::newRow("extra argument") << QStringLiteral("0 8 linear /dev/sda 0 1")
                                    << QStringLiteral("line 1: linear takes exactly 2 arguments");
    QTest::newRow("zero with args") << QStringLiteral("0 8 zero 1")
                                    << QStringLiteral("line 1: zero takes no arguments");
    QTest::newRow("negative offset") << QStringLiteral("0 8 linear /dev/sda -8")
                                     << QStringLiteral("line 1: offset '-8' is not a decimal sector number");
    QTest::newRow("2^64 offset") << QStringLiteral("0 8 linear /dev/sda 18446744073709551616")
                                 << QStringLiteral("line 1: offset '18446744073709551616' is not");
    QTest::newRow("offset overflow") << QStringLiteral("0 8 linear /dev/sda 18446744073709551610")
                                     << QStringLiteral("line 1: offset plus length overflows 64 bits");
    QTest::newRow("outside /dev") << QStringLiteral("0 8 linear /tmp/disk 0")
                                  << QStringLiteral("line 1: device '/tmp/disk': must be major:minor");
    QTest::newRow("traversal") << QStringLiteral("0 8 linear /dev/../etc/passwd 0")
                               << QStringLiteral(
                                      "line 1: device '/dev/../etc/passwd': path must not contain");
    QTest::newRow("not a block device") << QStringLiteral("0 8 linear /dev/null 0")
                                        << QStringLiteral("line 1: /dev/null is not a block device");
    QTest::newRow("missing device") << QStringLiteral("0 8 linear /dev/sdz 0")
                                    << QStringLiteral("line 1: /dev/sdz does not exist");
    QTest::newRow("past the end") << QStringLiteral("0 16 basic_target /dev/sda 2097144")
                                  << QStringLiteral(
                                         "line 1: sectors 2097144-2097159 of /dev/sda lie past its end: it "
                                         "has 2097152 sectors");
    QTest::newRow("misaligned offset")
        << QStringLiteral("0 8 linear /dev/nvme0n1 4")
        << QStringLiteral("line 1: /dev/nvme0n1 has 4096-byte logical blocks: start, "
                          "length and offset must be multiples of 8 sectors");
    QTest::newRow("misaligned length") << QStringLiteral("0 12 linear 259:0 0")
                                       << QStringLiteral("line 1: /dev/nvme0n1 has 4096-byte logical blocks");
    QTest::newRow("misaligned start") << QStringLiteral("0 4 zero\n4 8 linear 259:0 0")
                                      << QStringLiteral("line 2: /dev/nvme0n1 has 4096-byte logical blocks");
    QTest::newRow("zero segment misaligned for a 4K device")
        << QStringLiteral("0 8 linear 259:0 0\n8 4 zero")
        << QStringLiteral("line 2: the table's devices have "
                          "4096-byte logical blocks");
    // sda has 512-byte blocks, but beside a 4K device its segment must end on 4 KiB too.
    QTest::newRow("512-byte device segment misaligned for the table")
        << QStringLiteral("0 8 linear 259:0 0\n8 8 zero\n16 2068 basic_target /dev/sda 8")
        << QStringLiteral("line 3: the table's devices have 4096-byte logical blocks");
    QTest::newRow("range used twice")
        << QStringLiteral("0 100 linear /dev/sda 0\n100 100 basic_target 8:0 50")
        << QStringLiteral("line 2: sectors 50-149 of /dev/sda overlap the range segment "
                          "1 already uses");
    QTest::newRow("range used twice, other order")
        << QStringLiteral("0 100 linear /dev/sda 50\n100 100 basic_target /dev/disk/by-id/ata-DISK 0")
        << QStringLiteral("line 2: sectors 0-99 of /dev/sda overlap the range segment 1 already uses");
    QTest::newRow("range inside another") << QStringLiteral("0 100 linear 8:0 0\n100 10 linear 8:0 45")
                                          << QStringLiteral("line 2: sectors 45-54 of /dev/sda overlap");
    QTest::newRow("'%' in a device name, past the end")
        << QStringLiteral("0 16 basic_target /dev/disk/by-label/a%1%3 2097144")
        << QStringLiteral(
               "line 1: sectors 2097144-2097159 of /dev/disk/by-label/a%1%3 lie past its end: it has "
               "2097152 sectors");
    QTest::newRow("'%' in a device name, misaligned")
        << QStringLiteral("0 8 linear /dev/disk/by-label/4k%2%3 4")
        << QStringLiteral(
               "line 1: /dev/disk/by-label/4k%2%3 has 4096-byte logical blocks: start, length and offset "
               "must be multiples of 8 sectors");
    QTest::newRow("'%' in a device name, used twice")
        << QStringLiteral("0 100 linear /dev/sda 0\n100 100 basic_target /dev/disk/by-label/%3 50")
        << QStringLiteral(
               "line 2: sectors 50-149 of /dev/disk/by-label/%3 overlap the range segment 1 already "
               "uses");
    QTest::newRow("syntax error wins")
        << QStringLiteral("0 8 zero\n8 eight zero")
        << QStringLiteral("line 2: length 'eight' is not a decimal sector number");
}

void TestTableValidator::refusesBadTables()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QStringList messages = messagesFor(text);
    QVERIFY2(!messages.isEmpty(), "accepted");
    const bool found = std::any_of(messages.cbegin(), messages.cend(),
                                   [&](const QString &m) { return m.startsWith(message); });
    QVERIFY2(found, qPrintable(messages.join(u'\n')));
}

void TestTableValidator::reportsEveryProblemWithItsLine()
{
    const QString text = QStringLiteral("# header\n0 8 zero\n16 8 frobnicate\n24 0 linear /dev/sda 0\n");
    const TableIssues issues = validateTableText(text, fakeResolve);
    QCOMPARE(issues.size(), 3);
    QCOMPARE(issues[0].segment, 1);
    QCOMPARE(issues[0].line, 3);
    QVERIFY(issues[0].message.startsWith(u"gap"));
    QCOMPARE(issues[1].line, 3);
    QVERIFY(issues[1].message.startsWith(u"unsupported target 'frobnicate'"));
    QCOMPARE(issues[2].segment, 2);
    QCOMPARE(issues[2].line, 4);
    QVERIFY(issues[2].message.startsWith(u"segment length"));
}

void TestTableValidator::worksWithoutResolver()
{
    // Grammar and layout only: an unknown device is not an error here.
    QVERIFY(messagesFor(QStringLiteral("0 8 linear /dev/sdz 0"), DeviceResolver()).isEmpty());
    QVERIFY(!messagesFor(QStringLiteral("0 8 linear sdz 0"), DeviceResolver()).isEmpty());
}

void TestTableValidator::resolvesEachDeviceOnce()
{
    // Resolving reads /dev and sysfs: a large table on few devices must
    // not pay that per segment, and must still be checked per segment.
    QHash<QString, int> calls;
    const DeviceResolver counting = [&calls](const DeviceReference &reference) {
        ++calls[reference.toString()];
        return fakeResolve(reference);
    };
    QString text;
    for (int i = 0; i < 100; ++i) {
        text += QStringLiteral("%1 8 linear %2 %3\n").arg(i * 16).arg(u"/dev/sda").arg(i * 8);
        text += QStringLiteral("%1 8 linear %2 %3\n").arg(i * 16 + 8).arg(u"/dev/nvme0n1").arg(i * 8);
    }
    text += QStringLiteral("1600 8 linear /dev/sda 2097150\n");
    const QStringList messages = messagesFor(text, counting);
    QCOMPARE(calls.value(QStringLiteral("/dev/sda")), 1);
    QCOMPARE(calls.value(QStringLiteral("/dev/nvme0n1")), 1);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(u"past its end"), qPrintable(messages.first()));
}

void TestTableValidator::enforcesLimits()
{
    TableLimits limits;
    limits.maxSegments = 3;
    limits.maxTextLength = 64;
    QVERIFY(messagesFor(QStringLiteral("0 8 zero\n8 8 zero\n16 8 zero"), fakeResolve, limits).isEmpty());
    QCOMPARE(messagesFor(QStringLiteral("0 8 zero\n8 8 zero\n16 8 zero\n24 8 zero"), fakeResolve, limits),
             QStringList(QStringLiteral("the table has 4 segments; at most 3 are allowed")));
    const QString longText = QStringLiteral("# ") + QString(70, u'x') + QStringLiteral("\n0 8 zero");
    QCOMPARE(messagesFor(longText, fakeResolve, limits),
             QStringList(QStringLiteral("the table text is 81 characters long; at most 64 are allowed")));
}

void TestTableValidator::deviceRangeOf()
{
    const ParsedTable parsed = parseTable(
        u"0 100 basic_target 8:0 2048\n100 8 zero\n108 8 linear /dev/sda x");
    const auto range = Volmap::deviceRangeOf(parsed.table.segments[0]);
    QVERIFY(range);
    QCOMPARE(range->device.toString(), QStringLiteral("8:0"));
    QCOMPARE(range->offset, 2048u);
    QCOMPARE(range->length, 100u);
    QVERIFY(!Volmap::deviceRangeOf(parsed.table.segments[1]));
    QVERIFY(!Volmap::deviceRangeOf(parsed.table.segments[2]));
    // The rule before the device is parsed: a bad offset fails it, a bad device text does not.
    QVERIFY(!deviceRangeTextOf(parsed.table.segments[2]));
    const ParsedTable badDevice = parseTable(u"0 8 linear /dev/../sda 16");
    const auto text = deviceRangeTextOf(badDevice.table.segments[0]);
    QVERIFY(text);
    QCOMPARE(text->device, QStringLiteral("/dev/../sda"));
    QCOMPARE(text->offset, 16u);
    QCOMPARE(text->length, 8u);
    QVERIFY(!Volmap::deviceRangeOf(badDevice.table.segments[0]));
}

// volmapctl checks a table and then reads its ranges: one parse for both.
void TestTableValidator::checkTableTextKeepsTheTable()
{
    const auto texts = [](const TableIssues &issues) {
        QStringList lines;
        for (const TableIssue &issue : issues) {
            lines.append(QString::number(issue.segment) + u' ' + issue.toString());
        }
        return lines;
    };
    const QString good = QStringLiteral("0 8 linear /dev/sda 0\n8 8 zero\n");
    const ParsedTable checked = checkTableText(good, fakeResolve);
    QVERIFY(checked.ok());
    QCOMPARE(checked.table, parseTable(good).table);
    // Whatever validateTableText() finds, in the grammar or the devices, it finds too.
    for (const QString &bad : {QStringLiteral("0 8 linear /dev/sda 0\n4 8 zero"),
                               QStringLiteral("0 8 linear /dev/nothere 0"), QStringLiteral("0 x zero")}) {
        const ParsedTable found = checkTableText(bad, fakeResolve);
        QVERIFY(!found.ok());
        QCOMPARE(texts(found.issues), texts(validateTableText(bad, fakeResolve)));
    }
    TableLimits limits;
    limits.maxTextLength = 8;
    QCOMPARE(texts(checkTableText(good, fakeResolve, limits).issues),
             texts(validateTableText(good, fakeResolve, limits)));
    QVERIFY(!checkTableText(good, fakeResolve, limits).ok());
}

void TestTableValidator::readerAgreesWithDeviceRangeOf()
{
    // Each device text is parsed once: the same answers in any order,
    // repeated or not, good or bad.
    const ParsedTable parsed = parseTable(
        u"0 8 linear /dev/sda 0\n8 8 linear /dev/sda 8\n16 8 basic_target 8:0 16\n"
        u"24 8 linear /dev/sda x\n32 8 zero\n40 8 linear /dev/../sda 0\n"
        u"48 8 linear 08:000 24\n56 8 linear /dev/sda 32\n64 8 striped 1 8 8:0 0\n"
        u"72 8 linear /dev/sda\n80 8 linear /dev/../sda 8\n88 8 linear 8:0 40\n"
        // Runs of one target and device (read by their offset alone), broken
        // by a bad offset, another target, extra arguments or a bad device.
        u"96 8 linear 8:0 48\n104 8 linear 8:0 x\n112 8 linear 8:0 56\n120 8 basic_target 8:0 64\n"
        u"128 8 linear 8:0 72\n136 8 zero\n144 8 linear 8:0 80\n152 8 linear 8:0 88 1\n"
        u"160 8 linear /dev/../sda 8\n168 8 linear /dev/../sda 16\n176 8 linear 8:0 96\n");
    QVERIFY(parsed.ok());
    DeviceRangeReader reader;
    for (int pass = 0; pass < 2; ++pass) {
        for (const Segment &segment : parsed.table.segments) {
            const auto expected = Volmap::deviceRangeOf(segment);
            const auto read = reader.rangeOf(segment);
            QCOMPARE(read.has_value(), expected.has_value());
            if (expected) {
                QCOMPARE(read->device.toString(), expected->device.toString());
                QCOMPARE(read->device.isNumber(), expected->device.isNumber());
                QCOMPARE(read->offset, expected->offset);
                QCOMPARE(read->length, expected->length);
            }
        }
    }
}

void TestTableValidator::rangesInAnyOrderOverlap()
{
    // Ranges in ascending order take a shortcut past the last one in use;
    // touching it is fine, reaching into it or below it is not.
    QCOMPARE(
        messagesFor(QStringLiteral("0 8 linear /dev/sda 0\n8 8 linear /dev/sda 8\n16 8 linear /dev/sda 12"),
                    fakeResolve),
        QStringList(
            QStringLiteral("line 3: sectors 12-19 of /dev/sda overlap the range segment 2 already uses")));
    QCOMPARE(
        messagesFor(QStringLiteral("0 8 linear /dev/sda 16\n8 8 linear /dev/sda 0\n16 8 linear /dev/sda 4"),
                    fakeResolve),
        QStringList(
            QStringLiteral("line 3: sectors 4-11 of /dev/sda overlap the range segment 2 already uses")));
    QCOMPARE(
        messagesFor(QStringLiteral("0 8 linear /dev/sda 16\n8 8 linear /dev/sda 0\n16 8 linear /dev/sda 8"),
                    fakeResolve),
        QStringList());
}

void TestTableValidator::incrementalMatchesFull()
{
    // The editor checks one edited segment of a valid table; whatever it
    // answers must be what checking the whole table answers.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    RandomEdits edits(seed);
    const DeviceResolver resolver = edits.resolver();
    TableValidation validation(resolver);
    QCOMPARE(described(validation.validate(edits.table())),
             described(validateTable(edits.table(), resolver)));
    QVERIFY(validateTable(edits.table(), resolver).isEmpty());
    int incremental = 0;
    int full = 0;
    for (int step = 0; step < 3000; ++step) {
        const int row = edits.edit();
        const QStringList expected = described(validateTable(edits.table(), resolver));
        QCOMPARE(described(validation.update(edits.table(), row)), expected);
        (validation.wasIncremental() ? incremental : full) += 1;
    }
    // Both ways were taken, often: the comparison above says something of each.
    qInfo("%d incremental, %d full", incremental, full);
    QVERIFY2(incremental > 500 && full > 500, qPrintable(QStringLiteral("%1 %2").arg(incremental).arg(full)));
}

QTEST_APPLESS_MAIN(TestTableValidator)
#include "tst_tablevalidator.moc"
