#include "deviceclaims.h"

#include <QTest>

using namespace Volmap;

class TestDeviceClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conflicts_data();
    void conflicts();
};

void TestDeviceClaims::conflicts_data()
{
    QTest::addColumn<quint64>("start");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<QString>("errorName"); // empty: no conflict
    // Claims on disk 8:16: a mapping uses 1000-1999, a mount 5000-5999.
    QTest::newRow("before both") << quint64(0) << quint64(1000) << QString();
    QTest::newRow("touches the mapping's start") << quint64(999) << quint64(1) << QString();
    QTest::newRow("first sector of the mapping") << quint64(999) << quint64(2) << HelperProtocol::Error::overlap();
    QTest::newRow("inside the mapping") << quint64(1500) << quint64(10) << HelperProtocol::Error::overlap();
    QTest::newRow("around the mapping") << quint64(0) << quint64(3000) << HelperProtocol::Error::overlap();
    QTest::newRow("right after the mapping") << quint64(2000) << quint64(3000) << QString();
    QTest::newRow("last sector of the mount") << quint64(5999) << quint64(8) << HelperProtocol::Error::deviceInUse();
    QTest::newRow("after the mount") << quint64(6000) << quint64(8) << QString();
}

void TestDeviceClaims::conflicts()
{
    QFETCH(quint64, start);
    QFETCH(quint64, length);
    QFETCH(QString, errorName);
    const QList<DeviceClaim> claims = {
        {DeviceClaim::Kind::Mapping, {8, 16}, 1000, 1000, QStringLiteral("sectors 0-999 of /dev/sdb1 used by mapping 'a'")},
        {DeviceClaim::Kind::InUse, {8, 16}, 5000, 1000, QStringLiteral("mounted at /srv")},
        {DeviceClaim::Kind::InUse, {8, 32}, 0, 100000, QStringLiteral("used as swap")},
    };
    const QList<WantedRange> wanted = {{2, {8, 16}, start, length, QStringLiteral("sectors x of /dev/sdb")}};
    const auto conflict = findConflict(wanted, claims);
    QCOMPARE(conflict.has_value(), !errorName.isEmpty());
    if (conflict) {
        QCOMPARE(conflict->name, errorName);
        QVERIFY(conflict->message.startsWith(u"segment 3 (sectors x of /dev/sdb)"));
        QVERIFY(conflict->message.contains(u"mapping 'a'") || conflict->message.contains(u"mounted at /srv"));
    }
}

QTEST_APPLESS_MAIN(TestDeviceClaims)
#include "tst_deviceclaims.moc"
