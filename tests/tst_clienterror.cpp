// SPDX-License-Identifier: GPL-2.0-or-later
#include "clienterror.h"
#include "helperclient.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QTest>

using namespace Volmap;

class TestClientError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
    void everyKindHasItsOwnAdvice();
    void noStableIdentityNamesTheDevice();
    void aCallWithoutABusIsAnswered();
};

void TestClientError::classifies_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    namespace E = HelperProtocol::Error;
    QTest::newRow("not authorized") << E::notAuthorized() << int(ClientErrorKind::NotAuthorized);
    QTest::newRow("dismissed") << E::dismissed() << int(ClientErrorKind::Dismissed);
    QTest::newRow("no agent") << E::noAuthenticationAgent() << int(ClientErrorKind::NoAuthenticationAgent);
    QTest::newRow("invalid") << E::invalidArgument() << int(ClientErrorKind::InvalidArgument);
    QTest::newRow("no stable identity") << E::noStableIdentity() << int(ClientErrorKind::NoStableIdentity);
    QTest::newRow("not found") << E::notFound() << int(ClientErrorKind::NotFound);
    QTest::newRow("exists") << E::exists() << int(ClientErrorKind::Exists);
    QTest::newRow("busy") << E::busy() << int(ClientErrorKind::Busy);
    QTest::newRow("limits") << E::limitsExceeded() << int(ClientErrorKind::LimitsExceeded);
    QTest::newRow("in use") << E::deviceInUse() << int(ClientErrorKind::DeviceInUse);
    QTest::newRow("overlap") << E::overlap() << int(ClientErrorKind::Overlap);
    QTest::newRow("kernel") << E::kernelUnsupported() << int(ClientErrorKind::KernelUnsupported);
    QTest::newRow("module") << E::moduleUnavailable() << int(ClientErrorKind::ModuleUnavailable);
    QTest::newRow("failed") << E::failed() << int(ClientErrorKind::Failed);
    QTest::newRow("helper missing") << QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown")
                                    << int(ClientErrorKind::HelperMissing);
    QTest::newRow("bus policy") << QStringLiteral("org.freedesktop.DBus.Error.AccessDenied")
                                << int(ClientErrorKind::NotAuthorized);
    QTest::newRow("no reply") << QStringLiteral("org.freedesktop.DBus.Error.NoReply")
                              << int(ClientErrorKind::Timeout);
    QTest::newRow("disconnected") << QStringLiteral("org.freedesktop.DBus.Error.Disconnected")
                                  << int(ClientErrorKind::NoSystemBus);
    QTest::newRow("something else") << QStringLiteral("org.example.Weird") << int(ClientErrorKind::Failed);
}

void TestClientError::classifies()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    const QDBusError dbusError(QDBusMessage::createError(name, QStringLiteral("the message")));
    const ClientError error = ClientError::fromDBus(dbusError);
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.dbusName, name);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.title().isEmpty());
}

void TestClientError::everyKindHasItsOwnAdvice()
{
    // A person must be told what to do, and two different failures must not read alike.
    QSet<QString> titles;
    QSet<QString> advice;
    const int kinds = int(ClientErrorKind::Failed) + 1;
    for (int kind = 0; kind < kinds; ++kind) {
        const ClientError error{ClientErrorKind(kind), QStringLiteral("m"), QString()};
        QVERIFY2(!error.advice().isEmpty(), qPrintable(error.title()));
        titles.insert(error.title());
        advice.insert(error.advice());
    }
    QCOMPARE(titles.size(), kinds);
    QCOMPARE(advice.size(), kinds);
}

void TestClientError::noStableIdentityNamesTheDevice()
{
    // The helper's words say which device and why; the advice says that nothing happened and what to do.
    const QString said = QStringLiteral("/dev/ram0 is a RAM disk: nothing on it survives a restart");
    const ClientError error = ClientError::fromDBus(
        QDBusError(QDBusMessage::createError(HelperProtocol::Error::noStableIdentity(), said)));
    QCOMPARE(error.kind, ClientErrorKind::NoStableIdentity);
    QCOMPARE(error.message, said);
    QCOMPARE(error.title(), QStringLiteral("Cannot be recreated at startup"));
    QVERIFY2(error.advice().startsWith(u"Nothing was created or saved."), qPrintable(error.advice()));
    QVERIFY(error.advice().contains(u"“Recreate at startup”"));
}

void TestClientError::aCallWithoutABusIsAnswered()
{
    // volmapctl waited for ever on a machine whose system bus was down.
    const QDBusConnection none = QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/bus"),
                                                               QStringLiteral("volmap-no-bus"));
    QVERIFY(!none.isConnected());
    HelperClient client(none);
    std::optional<ClientResult<QList<MappingSummary>>> answer;
    client.listMappings([&answer](const ClientResult<QList<MappingSummary>> &result) { answer = result; });
    QVERIFY(!answer); // answered from the event loop, as every other answer
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->has_value());
    QCOMPARE(answer->error().kind, ClientErrorKind::NoSystemBus);
}

QTEST_GUILESS_MAIN(TestClientError)
#include "tst_clienterror.moc"
