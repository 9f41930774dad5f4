// SPDX-License-Identifier: GPL-2.0-or-later
// Which argument lists volmapctl runs without Qt (plaincommand.h): exactly
// `remove NAME` with its three options, `create NAME --table FILE` with its
// four, NAME and FILE valid UTF-8; everything else is the Qt path's to judge.

#include "plaincommand.h"

#include <QTest>

#include <vector>

using namespace Volmap;

class TestPlainCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognises_data();
    void recognises();
    void readsOptions();
};

namespace {

// The command's name points into `words`, as it points into argv: keep them while it is used.
std::optional<PlainCommand> parse(const QByteArrayList &words)
{
    std::vector<const char *> argv{"volmapctl"};
    for (const QByteArray &word : words) {
        argv.push_back(word.constData());
    }
    return plainCommand(int(argv.size()), argv.data());
}

} // namespace

void TestPlainCommand::recognises_data()
{
    QTest::addColumn<QByteArrayList>("words");
    QTest::addColumn<bool>("plain");
    QTest::addRow("remove NAME") << QByteArrayList{"remove", "data"} << true;
    QTest::addRow("options around") << QByteArrayList{"remove", "--deferred", "data", "--no-ask-password"}
                                    << true;
    QTest::addRow("all three") << QByteArrayList{"remove", "data", "--keep-definition", "--deferred",
                                                 "--no-ask-password"}
                               << true;
    QTest::addRow("UTF-8 name") << QByteArrayList{"remove", "s\xc3\xa4ule-\xf0\x9f\x92\xbe"} << true;
    QTest::addRow("no name") << QByteArrayList{"remove"} << false;
    QTest::addRow("only options") << QByteArrayList{"remove", "--deferred"} << false;
    QTest::addRow("two names") << QByteArrayList{"remove", "a", "b"} << false;
    QTest::addRow("empty name") << QByteArrayList{"remove", ""} << false;
    QTest::addRow("option twice") << QByteArrayList{"remove", "a", "--deferred", "--deferred"} << false;
    QTest::addRow("end of options") << QByteArrayList{"remove", "--", "a"} << false;
    QTest::addRow("dash name") << QByteArrayList{"remove", "-a"} << false;
    QTest::addRow("help") << QByteArrayList{"remove", "a", "--help"} << false;
    QTest::addRow("value given") << QByteArrayList{"remove", "a", "--deferred=yes"} << false;
    QTest::addRow("option first") << QByteArrayList{"--no-ask-password", "remove", "a"} << false;
    QTest::addRow("other command") << QByteArrayList{"list"} << false;
    QTest::addRow("create") << QByteArrayList{"create", "a", "--table", "t"} << true;
    QTest::addRow("create, options around")
        << QByteArrayList{"create",       "--force",          "a", "--read-only", "--table", "t",
                          "--persistent", "--no-ask-password"}
        << true;
    QTest::addRow("create, table first") << QByteArrayList{"create", "--table", "t", "a"} << true;
    QTest::addRow("create without table") << QByteArrayList{"create", "a"} << false;
    QTest::addRow("create, table twice")
        << QByteArrayList{"create", "a", "--table", "t", "--table", "u"} << false;
    QTest::addRow("create, table at the end") << QByteArrayList{"create", "a", "--table"} << false;
    QTest::addRow("create from stdin") << QByteArrayList{"create", "a", "--table", "-"} << false;
    QTest::addRow("create, table like an option")
        << QByteArrayList{"create", "a", "--table", "--force"} << false;
    QTest::addRow("create, table=") << QByteArrayList{"create", "a", "--table=t"} << false;
    QTest::addRow("create, short t") << QByteArrayList{"create", "a", "-t", "t"} << false;
    QTest::addRow("create, no name") << QByteArrayList{"create", "--table", "t"} << false;
    QTest::addRow("create, two names") << QByteArrayList{"create", "a", "b", "--table", "t"} << false;
    QTest::addRow("create, remove's option")
        << QByteArrayList{"create", "a", "--table", "t", "--deferred"} << false;
    QTest::addRow("remove, create's option") << QByteArrayList{"remove", "a", "--force"} << false;
    QTest::addRow("remove, a table") << QByteArrayList{"remove", "a", "--table", "t"} << false;
    QTest::addRow("create, force twice")
        << QByteArrayList{"create", "a", "--table", "t", "--force", "--force"} << false;
    QTest::addRow("create, Latin-1 file") << QByteArrayList{"create", "a", "--table", "s\xe4ule"} << false;
    QTest::addRow("create, UTF-8 file") << QByteArrayList{"create", "a", "--table", "s\xc3\xa4ule"} << true;
    QTest::addRow("overlong") << QByteArrayList{"remove", "a\xc0\xaf"} << false;
    QTest::addRow("surrogate") << QByteArrayList{"remove", "a\xed\xa0\x80"} << false;
    QTest::addRow("past U+10FFFF") << QByteArrayList{"remove", "a\xf4\x90\x80\x80"} << false;
    QTest::addRow("cut short") << QByteArrayList{"remove", "a\xe2\x82"} << false;
    QTest::addRow("stray continuation") << QByteArrayList{"remove", "a\x80"} << false;
    QTest::addRow("Latin-1") << QByteArrayList{"remove", "s\xe4ule"} << false;
}

void TestPlainCommand::recognises()
{
    QFETCH(QByteArrayList, words);
    QFETCH(bool, plain);
    QCOMPARE(parse(words).has_value(), plain);
}

void TestPlainCommand::readsOptions()
{
    const QByteArrayList bareWords{"remove", "data"};
    const auto bare = parse(bareWords);
    QVERIFY(bare);
    QCOMPARE(bare->name, std::string_view("data"));
    QVERIFY(!bare->deferred && !bare->keepDefinition && bare->interactive);
    const QByteArrayList allWords{"remove", "--no-ask-password", "--keep-definition", "data", "--deferred"};
    const auto all = parse(allWords);
    QVERIFY(all);
    QCOMPARE(all->name, std::string_view("data"));
    QVERIFY(all->deferred && all->keepDefinition && !all->interactive);
    const QByteArrayList keepWords{"remove", "x", "--keep-definition"};
    const auto keep = parse(keepWords);
    QVERIFY(keep);
    QVERIFY(!keep->deferred && keep->keepDefinition && keep->interactive);

    const QByteArrayList createWords{"create", "--persistent", "data", "--table", "two.table", "--force"};
    const auto create = parse(createWords);
    QVERIFY(create);
    QCOMPARE(int(create->verb), int(PlainVerb::Create));
    QCOMPARE(create->name, std::string_view("data"));
    QCOMPARE(create->tableFile, std::string_view("two.table"));
    QVERIFY(create->force && create->persistent && !create->readOnly && create->interactive);
    const QByteArrayList otherWords{"create", "data", "--read-only", "--no-ask-password", "--table", "t"};
    const auto other = parse(otherWords);
    QVERIFY(other);
    QVERIFY(!other->force && !other->persistent && other->readOnly && !other->interactive);
}

QTEST_GUILESS_MAIN(TestPlainCommand)
#include "tst_plaincommand.moc"
