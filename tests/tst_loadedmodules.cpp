// SPDX-License-Identifier: GPL-2.0-or-later
// moduleInKernel() against a fake /sys/module: loaded, coming, going,
// built in (no initstate), absent, and dashes read as underscores.

#include "loadedmodules.h"

#include "fakes/testfiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

using Volmap::Fakes::writeFile;

class TestLoadedModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSysModule_data();
    void readsSysModule();
};

void TestLoadedModules::readsSysModule_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("inKernel");
    QTest::newRow("live, asked with dashes") << QStringLiteral("dm-basic-target") << true;
    QTest::newRow("live, asked with underscores") << QStringLiteral("dm_basic_target") << true;
    QTest::newRow("still initialising") << QStringLiteral("dm-coming") << true;
    QTest::newRow("being removed") << QStringLiteral("dm-going") << false;
    QTest::newRow("built in") << QStringLiteral("dm-mod") << true;
    QTest::newRow("absent") << QStringLiteral("dm-absent") << false;
    QTest::newRow("a file, not a folder") << QStringLiteral("dm-file") << false;
}

void TestLoadedModules::readsSysModule()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString modules = root.path() + QStringLiteral("/sys/module/");
    writeFile(modules + QStringLiteral("dm_basic_target/initstate"), "live\n");
    writeFile(modules + QStringLiteral("dm_coming/initstate"), "coming\n");
    writeFile(modules + QStringLiteral("dm_going/initstate"), "going\n");
    QVERIFY(QDir().mkpath(modules + QStringLiteral("dm_mod/parameters")));
    writeFile(modules + QStringLiteral("dm_file"), "\n");

    QFETCH(QString, name);
    QTEST(moduleInKernel(name, root.path()), "inKernel");
}

QTEST_APPLESS_MAIN(TestLoadedModules)
#include "tst_loadedmodules.moc"
