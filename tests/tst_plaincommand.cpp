// SPDX-License-Identifier: GPL-2.0-or-later
// Which argument lists volmapctl runs without Qt (plaincommand.h): exactly
// `remove NAME` with its three options, NAME valid UTF-8; everything else
// is the Qt path's to judge.

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
    QTest::addRow("create") << QByteArrayList{"create", "a", "--table", "t"} << false;
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
}

QTEST_GUILESS_MAIN(TestPlainCommand)
#include "tst_plaincommand.moc"
