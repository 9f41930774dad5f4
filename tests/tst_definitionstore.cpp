// SPDX-License-Identifier: GPL-2.0-or-later
// The store of saved definitions against hostile files: symlinks, other
// owners, writable modes, junk, huge files, bad names; and atomic writes.
#include "definitionstore.h"

#include "fakes/testfiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Volmap;

namespace {

SavedDefinition definitionNamed(const QString &name)
{
    SavedDefinition definition;
    definition.name = name;
    definition.members = {{QStringLiteral("m1"),
                           {DeviceIdentity::Kind::Loop, QStringLiteral("/srv/a.img"), {}, 0, 2048, 0, {}}}};
    definition.table.segments = {
        {0, 2048, QStringLiteral("linear"), {QStringLiteral("$m1"), QStringLiteral("0")}}};
    return definition;
}

// The error of a step that should succeed, so a failing QCOMPARE shows it.
QString errorOf(const Result<Done, QString> &done)
{
    return done ? QString() : done.error();
}

QString reasonOf(const DefinitionStore::Entry &entry)
{
    return entry.definition ? QString() : entry.definition.error();
}

} // namespace

class TestDefinitionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writeAndRead();
    void replaceIsAtomic();
    void hostileFiles();
    void hostileDirectory();
    void remove();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DefinitionStore> m_store;
    uint m_owner = 0;
};

void TestDefinitionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
    ::umask(022);
    m_owner = ::geteuid();
    m_store = std::make_unique<DefinitionStore>(m_dir->path(), m_owner);
}

void TestDefinitionStore::writeAndRead()
{
    QCOMPARE(m_store->readAll().size(), 0); // no directory yet: nothing saved, nothing refused
    QCOMPARE(errorOf(m_store->write(definitionNamed(QStringLiteral("data")))), QString());
    QCOMPARE(m_store->pathOf(QStringLiteral("data")),
             m_dir->path() + QStringLiteral("/etc/volmap/mappings.d/data.mapping"));
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(m_store->pathOf(QStringLiteral("data"))).constData(), &status), 0);
    QCOMPARE(status.st_mode & 07777, 0644u);
    const auto entries = m_store->readAll();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].name, QStringLiteral("data"));
    QCOMPARE(entries[0].definition.value(), definitionNamed(QStringLiteral("data")));
    QCOMPARE(m_store->read(QStringLiteral("other")), std::nullopt);
    QVERIFY(m_store->read(QStringLiteral("data")).has_value());
}

void TestDefinitionStore::replaceIsAtomic()
{
    QCOMPARE(errorOf(m_store->write(definitionNamed(QStringLiteral("data")))), QString());
    SavedDefinition changed = definitionNamed(QStringLiteral("data"));
    changed.table.segments[0].args[1] = QStringLiteral("8");
    QCOMPARE(errorOf(m_store->write(changed)), QString());
    QCOMPARE(*m_store->read(QStringLiteral("data")).value(), changed);
    // No temporary file is left beside it.
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // Staged and discarded: the old definition stays, no temporary file is left.
    auto staged = m_store->stage(definitionNamed(QStringLiteral("data")));
    QVERIFY(staged.has_value());
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    m_store->discard(staged.value());
    QCOMPARE(*m_store->read(QStringLiteral("data")).value(), changed);
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // A directory that cannot be written: the write fails and the old file stays.
    if (::geteuid() == 0) {
        QSKIP("root writes into a read-only directory");
    }
    ::chmod(QFile::encodeName(m_store->directory()).constData(), 0555);
    QVERIFY(!m_store->write(definitionNamed(QStringLiteral("data"))).has_value());
    ::chmod(QFile::encodeName(m_store->directory()).constData(), 0755);
    QCOMPARE(*m_store->read(QStringLiteral("data")).value(), changed);
}

void TestDefinitionStore::hostileFiles()
{
    if (::geteuid() != 0) {
        QSKIP("making files of another owner needs root");
    }
    QCOMPARE(errorOf(m_store->write(definitionNamed(QStringLiteral("good")))), QString());
    const QString dir = m_store->directory();
    const QByteArray good = formatDefinition(definitionNamed(QStringLiteral("good"))).toUtf8();
    auto place = [&](const QString &name, const QByteArray &content, mode_t mode = 0644, uid_t owner = 0) {
        const QString path = dir + u'/' + name + QStringLiteral(".mapping");
        Fakes::writeFile(path, content);
        ::chmod(QFile::encodeName(path).constData(), mode);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), owner, 0), 0);
    };
    place(QStringLiteral("wrongowner"), QByteArray(good).replace("good", "wrongowner"), 0644, 65534);
    place(QStringLiteral("worldwritable"), QByteArray(good).replace("good", "worldwritable"), 0666);
    place(QStringLiteral("groupwritable"), QByteArray(good).replace("good", "groupwritable"), 0664);
    place(QStringLiteral("junk"), QByteArray("\x7f"
                                             "ELF\x02\x01\x01\0\0\0",
                                             10));
    place(QStringLiteral("huge"),
          QByteArray(good).replace("good", "huge") + QByteArray(10 * 1024 * 1024, '#'));
    place(QStringLiteral("othername"), good);
    place(QStringLiteral("bad name"), good);
    place(QStringLiteral("new\nline"), good);
    QVERIFY(QFile::link(dir + QStringLiteral("/good.mapping"), dir + QStringLiteral("/symlink.mapping")));
    QVERIFY(QDir().mkdir(dir + QStringLiteral("/directory.mapping")));
    QCOMPARE(::mkfifo(QFile::encodeName(dir + QStringLiteral("/fifo.mapping")).constData(), 0644), 0);

    const QHash<QString, QString> expected = {
        {QStringLiteral("wrongowner"), QStringLiteral("owned by uid 65534")},
        {QStringLiteral("worldwritable"), QStringLiteral("writable by group or others (mode 0666)")},
        {QStringLiteral("groupwritable"), QStringLiteral("writable by group or others (mode 0664)")},
        {QStringLiteral("junk"), QStringLiteral("control character")},
        {QStringLiteral("huge"), QStringLiteral("larger than 1048576 bytes")},
        {QStringLiteral("othername"), QStringLiteral("names mapping 'good'")},
        {QStringLiteral("bad name"), QStringLiteral("no mapping name")},
        {QStringLiteral("new\nline"), QStringLiteral("no mapping name")},
        {QStringLiteral("symlink"), QStringLiteral("is a symlink")},
        {QStringLiteral("fifo"), QStringLiteral("not a regular file")},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^refusing definition .*")));
    }
    const auto entries = m_store->readAll();
    QCOMPARE(entries.size(), expected.size() + 1); // the directory is no file
    for (const auto &entry : entries) {
        if (entry.name == u"good") {
            QVERIFY(entry.definition.has_value());
            continue;
        }
        QVERIFY2(expected.contains(entry.name), qPrintable(entry.name));
        QVERIFY2(reasonOf(entry).contains(expected[entry.name]),
                 qPrintable(entry.name + QStringLiteral(": ") + reasonOf(entry)));
    }
}

void TestDefinitionStore::hostileDirectory()
{
    QCOMPARE(errorOf(m_store->write(definitionNamed(QStringLiteral("data")))), QString());
    const QByteArray dir = QFile::encodeName(m_store->directory());
    ::chmod(dir.constData(), 0777);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("not using saved definitions: .* writable")));
    QCOMPARE(m_store->readAll().size(), 0);
    QVERIFY(!m_store->write(definitionNamed(QStringLiteral("data"))).has_value());
    ::chmod(dir.constData(), 0755);

    // mappings.d a symlink to a folder elsewhere: refused too.
    QTemporaryDir elsewhere;
    QVERIFY(QDir(m_store->directory()).removeRecursively());
    QVERIFY(QFile::link(elsewhere.path(), m_store->directory()));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("not using saved definitions: .*not a directory")));
    QCOMPARE(m_store->readAll().size(), 0);
}

void TestDefinitionStore::remove()
{
    QCOMPARE(errorOf(m_store->write(definitionNamed(QStringLiteral("data")))), QString());
    QCOMPARE(errorOf(m_store->remove(QStringLiteral("data"))), QString());
    QCOMPARE(m_store->read(QStringLiteral("data")), std::nullopt);
    QCOMPARE(errorOf(m_store->remove(QStringLiteral("data"))), QString()); // gone already: fine
    QVERIFY(!m_store->remove(QStringLiteral("../../passwd")).has_value());
}

QTEST_GUILESS_MAIN(TestDefinitionStore)
#include "tst_definitionstore.moc"
