// SPDX-License-Identifier: GPL-2.0-or-later
// What the helper checks before polkit (admission.h), how it keeps keys
// out of its memory (tablesecrets.h), and the limits' messages: pure
// functions, checked directly.

#include "admission.h"
#include "tablesecrets.h"

#include <QTest>

using namespace Volmap;

class TestAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admitsValidTablesWithTheirDevices();
    void refusesBeyondTheLimits_data();
    void refusesBeyondTheLimits();
    void messagesAreBounded();
    void options_data();
    void options();
    void names_data();
    void names();
    void secretsNeverBecomeStrings_data();
    void secretsNeverBecomeStrings();
};

void TestAdmission::admitsValidTablesWithTheirDevices()
{
    const auto admitted = admitTable(u"0 8 linear /dev/sdb 0\n8 8 basic_target 8:32 0\n16 8 zero\n"
                                     u"24 8 linear /dev/sdb 8\n");
    QVERIFY2(admitted, qPrintable(admitted ? QString() : admitted.error().message));
    QCOMPARE(admitted.value().table.segments.size(), 4);
    QVERIFY(admitted.value().usesBasicTarget);
    // Each device once, in order of first use.
    QCOMPARE(admitted.value().devices.size(), 2);
    QCOMPARE(admitted.value().devices[0].toString(), QStringLiteral("/dev/sdb"));
    QCOMPARE(admitted.value().devices[1].toString(), QStringLiteral("8:32"));
}

void TestAdmission::refusesBeyondTheLimits_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("messagePart");
    QString devices;
    for (int i = 0; i <= Admission::MaxDistinctDevices; ++i) {
        devices += QStringLiteral("%1 8 linear 7:%2 0\n").arg(i * 8).arg(i);
    }
    QTest::newRow("1025 devices") << devices << QStringLiteral("more than 1024 different devices");
    QString segments;
    for (int i = 0; i <= Admission::MaxSegments; ++i) {
        segments += QStringLiteral("%1 8 zero\n").arg(qint64(i) * 8);
    }
    QTest::newRow("100 001 segments") << segments << QStringLiteral("more than 100000 segments");
    QTest::newRow("too long") << QString(Admission::MaxTableText + 1, u'#')
                              << QStringLiteral("at most 8388608");
    QTest::newRow("21 digits") << QStringLiteral("0 000000000000000000008 zero")
                               << QStringLiteral("length '000000000000000000008'");
    QTest::newRow("20 digits fit, the layout does not")
        << QStringLiteral("0 00000000000000000008 zero\n9 8 zero") << QStringLiteral("line 2: gap");
    QTest::newRow("device lies") << QStringLiteral("0 8 linear /dev/../etc/passwd 0")
                                 << QStringLiteral("'..'");
    QTest::newRow("unsupported") << QStringLiteral("0 8 crypt x")
                                 << QStringLiteral("unsupported target 'crypt'");
    QTest::newRow("9 fields") << QStringLiteral("0 8 linear 8:16 0 a b c d")
                              << QStringLiteral("line 1: more than 8 fields");
}

void TestAdmission::refusesBeyondTheLimits()
{
    QFETCH(QString, table);
    QFETCH(QString, messagePart);
    const auto admitted = admitTable(table);
    QVERIFY(!admitted);
    QCOMPARE(admitted.error().name, HelperProtocol::Error::invalidArgument());
    QVERIFY2(admitted.error().message.contains(messagePart), qPrintable(admitted.error().message.left(400)));
    QVERIFY(admitted.error().message.size() <= Admission::MaxMessageLength);
}

void TestAdmission::messagesAreBounded()
{
    // 50 long bad lines: 20 listed, then a count, within 4096 characters.
    QString table;
    for (int i = 0; i < 50; ++i) {
        table += QString(500, u'y') + QStringLiteral(" 8 zero\n");
    }
    const auto admitted = admitTable(table);
    QVERIFY(!admitted);
    const QString message = admitted.error().message;
    QVERIFY2(message.contains(u"line 20: "), qPrintable(message));
    QVERIFY(!message.contains(u"line 21: "));
    QVERIFY(message.size() <= Admission::MaxMessageLength);
    // Each field quoted is cut short.
    QVERIFY2(message.contains(u"...' is not a decimal sector number"), qPrintable(message.left(300)));
    QCOMPARE(boundedMessage(QString(10000, u'z')).size(), Admission::MaxMessageLength);
    const QString invalid = invalidTableMessage({{-1, 1, QStringLiteral("a")}, {-1, 2, QStringLiteral("b")}});
    QCOMPARE(invalid, QStringLiteral("invalid table: line 1: a; line 2: b"));
}

void TestAdmission::options_data()
{
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("problem"); // empty: admitted
    QTest::newRow("none") << QVariantMap() << QString();
    QTest::newRow("interactive") << QVariantMap{{QStringLiteral("interactive"), false}} << QString();
    QTest::newRow("read-only") << QVariantMap{{QStringLiteral("read-only"), true}} << QString();
    QTest::newRow("not allowed here")
        << QVariantMap{{QStringLiteral("deferred"), true}} << QStringLiteral("unknown option 'deferred'");
    QTest::newRow("not a boolean") << QVariantMap{{QStringLiteral("read-only"), 1}}
                                   << QStringLiteral("must be a boolean");
    QTest::newRow("long key") << QVariantMap{{QString(5000, u'k'), true}} << QStringLiteral("kkk...'");
}

void TestAdmission::options()
{
    QFETCH(QVariantMap, options);
    QFETCH(QString, problem);
    const auto admitted = admitOptions(options, {QStringLiteral("read-only")});
    QCOMPARE(admitted.has_value(), problem.isEmpty());
    if (admitted) {
        QCOMPARE(admitted.value().interactive, options.value(QStringLiteral("interactive"), true).toBool());
        QCOMPARE(admitted.value().readOnly, options.value(QStringLiteral("read-only"), false).toBool());
    } else {
        QVERIFY2(admitted.error().message.contains(problem), qPrintable(admitted.error().message));
        QVERIFY(admitted.error().message.size() < 200);
    }
}

void TestAdmission::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("admitted");
    QTest::newRow("127 characters") << QString(127, u'n') << true;
    QTest::newRow("128 characters") << QString(128, u'n') << false;
    QTest::newRow("control") << QStringLiteral("control") << false;
    QTest::newRow("control2") << QStringLiteral("control2") << true;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
}

void TestAdmission::names()
{
    QFETCH(QString, name);
    QFETCH(bool, admitted);
    QCOMPARE(admitName(name).has_value(), admitted);
}

void TestAdmission::secretsNeverBecomeStrings_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QString>("kept");
    QTest::newRow("linear") << QByteArray("linear") << QByteArray("8:16 2048") << QStringLiteral("8:16 2048");
    QTest::newRow("crypt key") << QByteArray("crypt")
                               << QByteArray("aes-xts-plain64 0123456789abcdef 0 8:16 4096")
                               << QStringLiteral("aes-xts-plain64 - 0 8:16 4096");
    QTest::newRow("crypt key last") << QByteArray("crypt") << QByteArray("aes 0123")
                                    << QStringLiteral("aes -");
    QTest::newRow("crypt keyring") << QByteArray("crypt")
                                   << QByteArray("aes-xts-plain64 :64:logon:cryptsetup:x 0 8:16 0")
                                   << QStringLiteral("aes-xts-plain64 :64:logon:cryptsetup:x 0 8:16 0");
    QTest::newRow("crypt without key") << QByteArray("crypt") << QByteArray("aes") << QStringLiteral("-");
    QTest::newRow("integrity") << QByteArray("integrity")
                               << QByteArray("8:16 0 - J 1 internal_hash:hmac(sha256):secret")
                               << QStringLiteral("-");
}

void TestAdmission::secretsNeverBecomeStrings()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, parameters);
    QFETCH(QString, kept);
    QCOMPARE(parametersWithoutSecrets(target.constData(), parameters.constData()), kept);
}

QTEST_APPLESS_MAIN(TestAdmission)
#include "tst_admission.moc"
