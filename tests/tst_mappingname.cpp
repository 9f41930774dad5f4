// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingname.h"

#include <QTest>

using namespace Volmap;

class TestMappingName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void uuids_data();
    void uuids();
};

void TestMappingName::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("data") << true;
    QTest::newRow("punctuation") << QStringLiteral("vg0-home_2.old+x") << true;
    QTest::newRow("digit first") << QStringLiteral("0backup") << true;
    QTest::newRow("127 chars") << QString(127, u'n') << true;
    QTest::newRow("128 chars") << QString(128, u'n') << false;
    QTest::newRow("300 chars") << QString(300, u'n') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << QStringLiteral(".") << false;
    QTest::newRow("dot-dot") << QStringLiteral("..") << false;
    QTest::newRow("hidden") << QStringLiteral(".data") << false;
    QTest::newRow("option-like") << QStringLiteral("-rf") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("traversal") << QStringLiteral("../control") << false;
    QTest::newRow("space") << QStringLiteral("my data") << false;
    QTest::newRow("newline") << QStringLiteral("data\nroot") << false;
    QTest::newRow("tab") << QStringLiteral("data\t") << false;
    QTest::newRow("nul") << QString::fromUtf16(u"da\0ta", 5) << false;
    QTest::newRow("shell") << QStringLiteral("x;rm") << false;
    QTest::newRow("glob") << QStringLiteral("x*") << false;
    QTest::newRow("non-ascii") << QStringLiteral("d\u00e4ta") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
}

void TestMappingName::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const auto checked = checkMappingName(name);
    QVERIFY2(checked.has_value() == valid, checked ? "accepted" : qPrintable(checked.error()));
}

void TestMappingName::uuids_data()
{
    QTest::addColumn<QString>("uuid");
    QTest::addColumn<bool>("valid");
    QTest::newRow("volmap") << QStringLiteral("VOLMAP-3f2a9c1e-data") << true;
    QTest::newRow("lvm") << QStringLiteral(
        "LVM-abcdefABCDEF0123456789abcdefABCDEF0123456789abcdefABCDEF012345")
                         << true;
    QTest::newRow("crypt") << QStringLiteral("CRYPT-LUKS2-0b1f-cryptroot") << true;
    QTest::newRow("colon") << QStringLiteral("mpath:3600") << true;
    QTest::newRow("128 chars") << QString(128, u'u') << true;
    QTest::newRow("129 chars") << QString(129, u'u') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("newline") << QStringLiteral("a\nb") << false;
}

void TestMappingName::uuids()
{
    QFETCH(QString, uuid);
    QFETCH(bool, valid);
    const auto checked = checkMappingUuid(uuid);
    QVERIFY2(checked.has_value() == valid, checked ? "accepted" : qPrintable(checked.error()));
}

QTEST_APPLESS_MAIN(TestMappingName)
#include "tst_mappingname.moc"
