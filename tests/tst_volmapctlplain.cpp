// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl remove in its plain form runs without Qt (the plain commands
// module, libdbus). For every answer of the helper it must say what the
// Qt path says: the real volmapctl program runs as a subprocess and
// Volmapctl with HelperClient runs here, against the same stand-in helper
// on a private bus (one that cannot activate anything), and their stdout,
// stderr, exit status and what the helper received must be the same.

#include "fakes/capturedoutput.h"
#include "fakes/privatebus.h"
#include "helperprotocol.h"
#include "volmapctl.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Volmap;

namespace {

/* Answers RemoveMapping with the error it is told (none: success) and keeps what it was sent. */
class RemoveAnswerer : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.volmap.Helper1")

public:
    QString errorName; // empty: the call succeeds
    QString errorMessage;
    QStringList names;                  // of each call, in order
    QList<QVariantMap> receivedOptions; // of each call, in order

public Q_SLOTS:
    void RemoveMapping(const QString &name, const QVariantMap &options)
    {
        names.append(name);
        receivedOptions.append(options);
        if (!errorName.isEmpty()) {
            sendErrorReply(errorName, errorMessage);
        }
    }
};

/* What one run of volmapctl left behind. */
struct Run
{
    QByteArray out;
    QByteArray err;
    int status = -1;
};

} // namespace

class TestVolmapctlPlain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAnswers_data();
    void sameAnswers();
    void sameOptions_data();
    void sameOptions();
    void helperMissing();
    void noBus();
    void loadsNoQt();

private:
    Run runPlain(const QString &busAddress, const QStringList &arguments,
                 const QStringList &extraEnvironment = {});
    Run runQt(const QString &busAddress, const QStringList &arguments);
    Run compareRuns(const QStringList &arguments);

    Fakes::PrivateBus m_bus;
    RemoveAnswerer m_helper;
    QDBusConnection m_helperConnection{QString()};
};

void TestVolmapctlPlain::initTestCase()
{
    // No service directories: nothing on this bus can be activated.
    m_bus.startForEveryUser();
    m_helperConnection = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("helper"));
    QVERIFY(m_helperConnection.isConnected());
    QVERIFY(m_helperConnection.registerObject(HelperProtocol::objectPath(), &m_helper,
                                              QDBusConnection::ExportAllSlots));
    QVERIFY(m_helperConnection.registerService(HelperProtocol::serviceName()));
}

Run TestVolmapctlPlain::runPlain(const QString &busAddress, const QStringList &arguments,
                                 const QStringList &extraEnvironment)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress);
    for (const QString &variable : extraEnvironment) {
        environment.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    }
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice()); // no terminal: no password agent
    process.start(QStringLiteral(VOLMAPCTL_BINARY), arguments);
    // The stand-in helper answers from this thread's event loop meanwhile.
    if (!process.waitForStarted()
        || !QTest::qWaitFor([&]() { return process.state() == QProcess::NotRunning; }, 60000)) {
        return {};
    }
    return {process.readAllStandardOutput(), process.readAllStandardError(),
            process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1};
}

Run TestVolmapctlPlain::runQt(const QString &busAddress, const QStringList &arguments)
{
    // What commandsmain.cpp and helpercommandsentry.cpp make of these words.
    CtlOptions options;
    options.command = arguments.first();
    options.arguments = arguments.mid(1);
    options.arguments.removeIf([](const QString &word) { return word.startsWith(u'-'); });
    options.deferred = arguments.contains(u"--deferred");
    options.keepDefinition = arguments.contains(u"--keep-definition");
    Run run;
    {
        HelperClient client(QDBusConnection::connectToBus(busAddress, QStringLiteral("qt-path")));
        client.setInteractive(!arguments.contains(u"--no-ask-password"));
        Volmapctl ctl(client, options);
        Fakes::CapturedOutput out(stdout);
        Fakes::CapturedOutput err(stderr);
        QEventLoop loop;
        connect(&ctl, &Volmapctl::finished, &loop, &QEventLoop::exit);
        QMetaObject::invokeMethod(&ctl, &Volmapctl::start, Qt::QueuedConnection);
        run.status = loop.exec();
        run.out = out.finish().toUtf8();
        run.err = err.finish().toUtf8();
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("qt-path"));
    return run;
}

/* Both paths with `arguments`: the same output, status, and what the helper received. The plain run. */
Run TestVolmapctlPlain::compareRuns(const QStringList &arguments)
{
    m_helper.names.clear();
    m_helper.receivedOptions.clear();
    const Run plain = runPlain(m_bus.address(), arguments);
    const Run qt = runQt(m_bus.address(), arguments);
    [&]() {
        QCOMPARE(plain.out, qt.out);
        QCOMPARE(plain.err, qt.err);
        QCOMPARE(plain.status, qt.status);
        QCOMPARE(m_helper.names.size(), 2);
        QCOMPARE(m_helper.names[0], m_helper.names[1]);
        QCOMPARE(m_helper.receivedOptions[0], m_helper.receivedOptions[1]);
    }();
    return plain;
}

void TestVolmapctlPlain::sameAnswers_data()
{
    QTest::addColumn<QString>("errorName");
    QTest::addColumn<int>("status");
    QTest::addRow("success") << QString() << int(ExitOk);
    for (const QString &name : HelperProtocol::Error::all()) {
        QTest::addRow("%s", qPrintable(name.section(u'.', -1))) << name << -1;
    }
    // The bus's own errors, as QDBusError names its types.
    for (const char *bus :
         {"ServiceUnknown", "AccessDenied", "NoReply", "Timeout", "TimedOut", "Disconnected"}) {
        QTest::addRow("bus %s", bus) << QStringLiteral("org.freedesktop.DBus.Error.") + QLatin1String(bus)
                                     << -1;
    }
    QTest::addRow("unknown") << QStringLiteral("org.example.Strange.Error") << int(ExitFailed);
}

void TestVolmapctlPlain::sameAnswers()
{
    QFETCH(QString, errorName);
    QFETCH(int, status);
    m_helper.errorName = errorName;
    // Not ASCII, and a %1 that neither path may fill in.
    m_helper.errorMessage = QStringLiteral("“säule” is %1 busy");
    const QStringList arguments{QStringLiteral("remove"), QStringLiteral("säule")};
    const Run plain = compareRuns(arguments);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY(plain.out.isEmpty());
    if (errorName.isEmpty()) {
        QVERIFY2(plain.err.isEmpty(), plain.err.constData());
    } else {
        QVERIFY2(plain.err.startsWith("volmapctl: ") && plain.err.endsWith('\n'), plain.err.constData());
        QCOMPARE(plain.err.count('\n'), 1);
    }
    if (status >= 0) {
        QCOMPARE(plain.status, status);
    } else {
        QVERIFY(plain.status != ExitOk);
    }
}

void TestVolmapctlPlain::sameOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QVariantMap>("received");
    const QString noAsk = QStringLiteral("--no-ask-password");
    const QString deferred = QStringLiteral("--deferred");
    const QString keep = QStringLiteral("--keep-definition");
    namespace O = HelperProtocol::Option;
    QTest::addRow("none") << QStringList() << QVariantMap();
    QTest::addRow("no password") << QStringList{noAsk} << QVariantMap{{O::interactive(), false}};
    QTest::addRow("deferred") << QStringList{deferred} << QVariantMap{{O::deferred(), true}};
    QTest::addRow("keep") << QStringList{keep} << QVariantMap{{O::keepDefinition(), true}};
    QTest::addRow("all, any order") << QStringList{keep, noAsk, deferred}
                                    << QVariantMap{{O::interactive(), false},
                                                   {O::deferred(), true},
                                                   {O::keepDefinition(), true}};
}

void TestVolmapctlPlain::sameOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QVariantMap, received);
    m_helper.errorName.clear();
    // The options after the name, and with the last one before it.
    for (const bool nameFirst : {true, false}) {
        QStringList arguments{QStringLiteral("remove")};
        if (nameFirst || options.isEmpty()) {
            arguments << QStringLiteral("data") << options;
        } else {
            arguments << options.mid(0, options.size() - 1) << QStringLiteral("data") << options.last();
        }
        compareRuns(arguments);
        if (QTest::currentTestFailed()) {
            return;
        }
        QCOMPARE(m_helper.names[0], QStringLiteral("data"));
        QCOMPARE(m_helper.receivedOptions[0], received);
    }
}

void TestVolmapctlPlain::helperMissing()
{
    QVERIFY(m_helperConnection.unregisterService(HelperProtocol::serviceName()));
    const QStringList arguments{QStringLiteral("remove"), QStringLiteral("data"),
                                QStringLiteral("--deferred")};
    const Run plain = runPlain(m_bus.address(), arguments);
    const Run qt = runQt(m_bus.address(), arguments);
    QVERIFY(m_helperConnection.registerService(HelperProtocol::serviceName()));
    QCOMPARE(plain.out, qt.out);
    QCOMPARE(plain.err, qt.err);
    QCOMPARE(plain.status, qt.status);
    QCOMPARE(plain.status, int(ExitUnavailable));
    QVERIFY2(plain.err.startsWith("volmapctl: Helper not installed: "), plain.err.constData());
}

void TestVolmapctlPlain::noBus()
{
    QTemporaryDir nowhere;
    QVERIFY(nowhere.isValid());
    const QString address = QStringLiteral("unix:path=") + nowhere.filePath(QStringLiteral("no-bus"));
    const QStringList arguments{QStringLiteral("remove"), QStringLiteral("data"),
                                QStringLiteral("--no-ask-password")};
    const Run plain = runPlain(address, arguments);
    const Run qt = runQt(address, arguments);
    // Why there is no connection is each library's own sentence.
    const QByteArray heading = "volmapctl: No system bus: no connection to the D-Bus system bus: ";
    QVERIFY2(plain.err.startsWith(heading), plain.err.constData());
    QVERIFY2(qt.err.startsWith(heading), qt.err.constData());
    QCOMPARE(plain.err.count('\n'), 1);
    QCOMPARE(plain.out, qt.out);
    QCOMPARE(plain.status, qt.status);
    QCOMPARE(plain.status, int(ExitUnavailable));
}

void TestVolmapctlPlain::loadsNoQt()
{
    // Otherwise the comparisons above could be of the Qt path with itself.
    QTemporaryDir work;
    QVERIFY(work.isValid());
    m_helper.errorName.clear();
    const QString log = work.filePath(QStringLiteral("ld"));
    const Run plain = runPlain(m_bus.address(), {QStringLiteral("remove"), QStringLiteral("data")},
                               {QStringLiteral("LD_DEBUG=files"), QStringLiteral("LD_DEBUG_OUTPUT=") + log});
    QCOMPARE(plain.status, int(ExitOk));
    QByteArray loaded;
    for (const QString &file : QDir(work.path()).entryList(QDir::Files)) {
        QFile part(work.filePath(file));
        QVERIFY(part.open(QIODevice::ReadOnly));
        loaded += part.readAll();
    }
    QVERIFY2(loaded.contains("volmapctl-plain-commands.so"), loaded.constData());
    QVERIFY2(loaded.contains("libdbus-1"), loaded.constData());
    QVERIFY2(!loaded.contains("libQt6"), loaded.constData());
}

QTEST_GUILESS_MAIN(TestVolmapctlPlain)
#include "tst_volmapctlplain.moc"
