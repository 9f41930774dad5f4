// SPDX-License-Identifier: GPL-2.0-or-later
// The saved-definition format: round trips of every identity kind, and
// strict refusal of anything malformed, unknown or unbounded.
#include "saveddefinition.h"
#include "tabletext.h"

#include <QTest>

using namespace Volmap;

namespace {

SavedDefinition sample()
{
    SavedDefinition definition;
    definition.name = QStringLiteral("data");
    definition.uuid = QStringLiteral("VOLMAP-U1000-1f2e3d4c-aaaa-bbbb-cccc-0123456789ab");
    using Kind = DeviceIdentity::Kind;
    definition.members = {
        {QStringLiteral("m1"),
         {Kind::Loop,
          QStringLiteral("/srv/images/a b.img"),
          {},
          4096,
          204800,
          131075,
          QStringLiteral("fsid:4264ed0b7698c99b")}},
        {QStringLiteral("m2"), {Kind::Disk, QStringLiteral("wwn-0x5000c500a1b2c3d4"), {}, 0, 4194304, 0, {}}},
        {QStringLiteral("m3"),
         {Kind::Partition,
          QStringLiteral("6a7b1c2d-0000-4e5f-8a9b-0c1d2e3f4a5b"),
          QStringLiteral("ata-QEMU_HARDDISK_QM1"),
          0,
          1000000,
          0,
          {}}},
        {QStringLiteral("m4"), {Kind::DmUuid, QStringLiteral("LVM-abcdef0123"), {}, 0, 8192, 0, {}}},
        {QStringLiteral("m5"),
         {Kind::Loop, QStringLiteral("/srv/c.img"), {}, 0, 8, 12, QStringLiteral("uuid:0f1e-2d3c")}},
    };
    definition.table.segments = {
        {0, 204800, QStringLiteral("linear"), {QStringLiteral("$m1"), QStringLiteral("0")}},
        {204800, 4096, QStringLiteral("linear"), {QStringLiteral("$m2"), QStringLiteral("2048")}},
        {208896,
         8192,
         QStringLiteral("striped"),
         {QStringLiteral("2"), QStringLiteral("128"), QStringLiteral("$m3"), QStringLiteral("0"),
          QStringLiteral("$m4"), QStringLiteral("0")}},
        {217088, 8, QStringLiteral("linear"), {QStringLiteral("$m5"), QStringLiteral("0")}},
    };
    return definition;
}

const char *minimal =
    "volmap-definition 1\nname data\nmember m1 disk 2048 wwn-0x1\ntable\n0 2048 linear $m1 0\n";

QString with(const QString &text, const char *from, const QString &to)
{
    return QString(text).replace(QLatin1String(from), to);
}

QString problemOf(const Result<SavedDefinition, QString> &parsed)
{
    return parsed ? QString() : parsed.error();
}

} // namespace

class TestSavedDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void handWritten();
    void refused_data();
    void refused();
    void oversized();
    void substitution();
};

void TestSavedDefinition::roundTrip()
{
    const QString text = formatDefinition(sample());
    const auto parsed = parseDefinition(text);
    QVERIFY2(parsed.has_value(), qPrintable(problemOf(parsed)));
    const SavedDefinition &back = parsed.value();
    QCOMPARE(back.name, sample().name);
    for (int i = 0; i < sample().members.size(); ++i) {
        QCOMPARE(back.members.value(i).id, sample().members[i].id);
        QCOMPARE(back.members.value(i).identity.describe(), sample().members[i].identity.describe());
    }
    QCOMPARE(formatTable(back.table), formatTable(sample().table));
    QCOMPARE(back, sample());
    QVERIFY(text.contains(u"\nname data\nuuid VOLMAP-U1000-1f2e3d4c-aaaa-bbbb-cccc-0123456789ab\n"));
    QVERIFY(text.contains(
        u"member m1 loop 204800 4096 /srv/images/a b.img\nfile m1 131075 fsid:4264ed0b7698c99b\n"));
    QVERIFY(text.contains(u"member m5 loop 8 0 /srv/c.img\nfile m5 12 uuid:0f1e-2d3c\n"));
    QVERIFY(text.contains(u"\ntable\n0 204800 linear $m1 0\n"));
}

void TestSavedDefinition::handWritten()
{
    // Comments, blank lines, runs of blanks and tabs, as an admin might write it.
    const auto parsed = parseDefinition(u"# deployed by hand\n\nvolmap-definition 1\n"
                                        "name   data\n"
                                        "member\tm1  loop 2048 0   /srv/a.img\n"
                                        "table\n"
                                        "# first half\n"
                                        "0 2048 linear $m1 0\n");
    QVERIFY2(parsed.has_value(), qPrintable(problemOf(parsed)));
    const auto &definition = parsed.value();
    QCOMPARE(definition.name, QStringLiteral("data"));
    QCOMPARE(definition.members.size(), 1);
    QCOMPARE(definition.members[0].identity.value, QStringLiteral("/srv/a.img"));
    QCOMPARE(definition.table.segments.size(), 1);
    // Written before files were told apart, or by an admin who left it out:
    // no file identity, and no uuid (assembled as root's).
    QCOMPARE(definition.members[0].identity.filesystem, QString());
    QCOMPARE(definition.uuid, QString());
}

void TestSavedDefinition::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    const QString ok = QString::fromLatin1(minimal);
    QTest::newRow("empty") << QString() << "no 'name' line";
    QTest::newRow("junk") << QStringLiteral("\x7f"
                                            "ELF\x02\x01")
                          << "control character";
    QTest::newRow("no header") << ok.sliced(ok.indexOf(u'\n') + 1) << "first line must be";
    QTest::newRow("other version") << with(ok, "definition 1", QStringLiteral("definition 2"))
                                   << "first line must be";
    QTest::newRow("name with slash") << with(ok, "name data", QStringLiteral("name ../etc/passwd"))
                                     << "may only contain";
    QTest::newRow("name twice") << with(ok, "name data\n", QStringLiteral("name data\nname other\n"))
                                << "twice";
    QTest::newRow("newline in name") << with(ok, "name data", QStringLiteral("name da\rta"))
                                     << "control character";
    QTest::newRow("nul") << with(ok, "wwn-0x1", QString::fromUtf16(u"wwn\0x", 5)) << "control character";
    QTest::newRow("unknown line") << with(ok, "name data\n", QStringLiteral("name data\nowner root\n"))
                                  << "unknown line";
    QTest::newRow("unknown kind") << with(ok, " disk ", QStringLiteral(" nbd ")) << "unknown member kind";
    QTest::newRow("zero size") << with(ok, "disk 2048", QStringLiteral("disk 0")) << "above 0";
    QTest::newRow("signed size") << with(ok, "disk 2048", QStringLiteral("disk -1")) << "above 0";
    QTest::newRow("by-id path") << with(ok, "wwn-0x1", QStringLiteral("../../sda")) << "without '/'";
    QTest::newRow("two ids") << with(ok, "wwn-0x1", QStringLiteral("wwn-0x1 wwn-0x2")) << "unexpected text";
    QTest::newRow("partition extra") << with(ok, "disk 2048 wwn-0x1",
                                             QStringLiteral("partition 2048 1234 wwn-0x1 x"))
                                     << "unexpected text";
    QTest::newRow("relative loop") << with(ok, "disk 2048 wwn-0x1", QStringLiteral("loop 2048 0 a.img"))
                                   << "absolute";
    QTest::newRow("loop without file")
        << with(ok, "disk 2048 wwn-0x1", QStringLiteral("loop 2048 0")) << "absolute path";
    QTest::newRow("partition without disk")
        << with(ok, "disk 2048 wwn-0x1", QStringLiteral("partition 2048 1234")) << "one word";
    QTest::newRow("bad id") << with(ok, "m1", QStringLiteral("m-1")) << "member id";
    QTest::newRow("member twice") << with(ok, "table", QStringLiteral("member m1 disk 2048 wwn-0x2\ntable"))
                                  << "declared twice";
    QTest::newRow("undeclared") << with(ok, "$m1 0", QStringLiteral("$m2 0")) << "not a declared member";
    QTest::newRow("unused") << with(ok, "table", QStringLiteral("member m2 disk 2048 wwn-0x2\ntable"))
                            << "not used";
    QTest::newRow("no table") << ok.left(ok.indexOf(u"table")) << "no 'table' line";
    QTest::newRow("empty table") << ok.left(ok.indexOf(u"0 2048")) << "the table is empty";
    const QString loop = with(ok, "disk 2048 wwn-0x1", QStringLiteral("loop 2048 0 /srv/a.img"));
    QTest::newRow("uuid twice") << with(ok, "name data\n",
                                        QStringLiteral("name data\nuuid VOLMAP-U0-a\nuuid VOLMAP-U0-a\n"))
                                << "uuid is given twice";
    QTest::newRow("foreign uuid") << with(ok, "name data\n", QStringLiteral("name data\nuuid LVM-abc\n"))
                                  << "must be a Volume Mapper uuid";
    QTest::newRow("uuid without uid")
        << with(ok, "name data\n", QStringLiteral("name data\nuuid VOLMAP-abc\n"))
        << "must be a Volume Mapper uuid";
    QTest::newRow("uuid with blank") << with(ok, "name data\n",
                                             QStringLiteral("name data\nuuid VOLMAP-U0-a b\n"))
                                     << "must be a Volume Mapper uuid";
    QTest::newRow("file of a disk") << with(ok, "table",
                                            QStringLiteral("file m1 12 fsid:0000000000000001\ntable"))
                                    << "not a loop member declared above";
    QTest::newRow("file before member") << with(loop, "member", QStringLiteral("file m1 12 uuid:x\nmember"))
                                        << "not a loop member declared above";
    QTest::newRow("file twice") << with(loop, "table",
                                        QStringLiteral("file m1 12 uuid:x\nfile m1 12 uuid:x\ntable"))
                                << "given twice";
    QTest::newRow("inode zero") << with(loop, "table", QStringLiteral("file m1 0 uuid:x\ntable"))
                                << "inode number above 0";
    QTest::newRow("short fsid") << with(loop, "table", QStringLiteral("file m1 12 fsid:12ab\ntable"))
                                << "16 hex digits";
    QTest::newRow("upper fsid") << with(loop, "table",
                                        QStringLiteral("file m1 12 fsid:4264ED0B7698C99B\ntable"))
                                << "16 hex digits";
    QTest::newRow("unknown fs") << with(loop, "table", QStringLiteral("file m1 12 dev:8:1\ntable"))
                                << "a file system is";
    QTest::newRow("file extra") << with(loop, "table", QStringLiteral("file m1 12 uuid:x y\ntable"))
                                << "expected 'file";
    QTest::newRow("bad table") << with(ok, "0 2048 linear", QStringLiteral("0 x linear")) << "line 5";
}

void TestSavedDefinition::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto parsed = parseDefinition(text);
    QVERIFY(!parsed.has_value());
    QVERIFY2(parsed.error().contains(reason), qPrintable(parsed.error()));
}

void TestSavedDefinition::oversized()
{
    QString text = QString::fromLatin1(minimal);
    text += QString(DefinitionFormat::MaxBytes, u'#');
    const auto parsed = parseDefinition(text);
    QVERIFY(!parsed.has_value());
    QVERIFY(parsed.error().contains(u"larger than"));

    QString many = QStringLiteral("volmap-definition 1\nname data\n");
    for (int i = 0; i <= DefinitionFormat::MaxMembers; ++i) {
        many += QStringLiteral("member m%1 disk 8 wwn-%1\n").arg(i);
    }
    const auto crowded = parseDefinition(many + QStringLiteral("table\n0 8 zero\n"));
    QVERIFY(!crowded.has_value());
    QVERIFY2(crowded.error().contains(u"more than"), qPrintable(crowded.error()));
}

void TestSavedDefinition::substitution()
{
    const MappingTable table = substituteMembers(
        sample().table,
        {{QStringLiteral("m1"), QStringLiteral("7:1")}, {QStringLiteral("m2"), QStringLiteral("8:16")}});
    QCOMPARE(table.segments[0].args[0], QStringLiteral("7:1"));
    QCOMPARE(table.segments[1].args[0], QStringLiteral("8:16"));
    QCOMPARE(table.segments[2].args[2], QStringLiteral("$m3")); // not given: left for the caller to notice
}

QTEST_GUILESS_MAIN(TestSavedDefinition)
#include "tst_saveddefinition.moc"
