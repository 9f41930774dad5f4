// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl remove and create in their plain forms run without Qt (the
// plain commands module, libdbus). For every answer of the helper they
// must say what the Qt path says: the real volmapctl program runs as a
// subprocess and Volmapctl with HelperClient runs here, against the same
// stand-in helper on a private bus (one that cannot activate anything),
// and their stdout, stderr, exit status and what the helper received must
// be the same. Where the plain create leaves a table to the Qt path (its
// problems, devices it cannot vouch for, the helper finding it invalid),
// the program must still say exactly what the Qt path says.

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

/*
 * Answers RemoveMapping and CreateMapping with the error it is told (none:
 * success, and CreateMapping's device) and keeps what it was sent.
 */
class HelperStandIn : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.volmap.Helper1")

public:
    QString errorName; // empty: the call succeeds
    QString errorMessage;
    QStringList names;                  // of each call, in order
    QStringList tables;                 // of each call ("" for RemoveMapping)
    QList<QVariantMap> receivedOptions; // of each call, in order

    void clear()
    {
        names.clear();
        tables.clear();
        receivedOptions.clear();
    }

public Q_SLOTS:
    void RemoveMapping(const QString &name, const QVariantMap &options) { answer(name, QString(), options); }
    QString CreateMapping(const QString &name, const QString &table, const QVariantMap &options)
    {
        answer(name, table, options);
        return QStringLiteral("/dev/mapper/") + name;
    }

private:
    void answer(const QString &name, const QString &table, const QVariantMap &options)
    {
        names.append(name);
        tables.append(table);
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
    bool loadedQt = false; // the program loaded a Qt library (it took the Qt path)
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
    void createSameAnswers_data();
    void createSameAnswers();
    void createSameOptions_data();
    void createSameOptions();
    void createLeftToQt_data();
    void createLeftToQt();
    void createMissingFile();

private:
    Run runPlain(const QString &busAddress, const QStringList &arguments,
                 const QStringList &extraEnvironment = {});
    Run runQt(const QString &busAddress, const QStringList &arguments);
    static QByteArray loadedFiles(const QString &logDirectory);
    QString tableFile(const QString &name, const QByteArray &text);
    Run compareCreate(const QStringList &arguments, int plainCalls, int qtCalls, bool plainLoadsQt);
    Run compareRuns(const QStringList &arguments);

    Fakes::PrivateBus m_bus;
    HelperStandIn m_helper;
    QDBusConnection m_helperConnection{QString()};
    QTemporaryDir m_tables;
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
    QVERIFY(m_tables.isValid());
}

Run TestVolmapctlPlain::runPlain(const QString &busAddress, const QStringList &arguments,
                                 const QStringList &extraEnvironment)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress);
    QTemporaryDir loaderLog;
    if (!loaderLog.isValid()) {
        return {};
    }
    environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    environment.insert(QStringLiteral("LD_DEBUG_OUTPUT"), loaderLog.filePath(QStringLiteral("ld")));
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
            process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            loadedFiles(loaderLog.path()).contains("libQt6")};
}

QByteArray TestVolmapctlPlain::loadedFiles(const QString &logDirectory)
{
    QByteArray loaded;
    for (const QString &file : QDir(logDirectory).entryList(QDir::Files)) {
        QFile part(QDir(logDirectory).filePath(file));
        if (part.open(QIODevice::ReadOnly)) {
            loaded += part.readAll();
        }
    }
    return loaded;
}

Run TestVolmapctlPlain::runQt(const QString &busAddress, const QStringList &arguments)
{
    // What commandsmain.cpp and helpercommandsentry.cpp make of these words.
    CtlOptions options;
    options.command = arguments.first();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == u"--table" && i + 1 < arguments.size()) {
            options.tableFile = arguments[++i];
        } else if (!arguments[i].startsWith(u'-')) {
            options.arguments.append(arguments[i]);
        }
    }
    options.deferred = arguments.contains(u"--deferred");
    options.keepDefinition = arguments.contains(u"--keep-definition");
    options.force = arguments.contains(u"--force");
    options.readOnly = arguments.contains(u"--read-only");
    options.persistent = arguments.contains(u"--persistent");
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
    m_helper.clear();
    const Run plain = runPlain(m_bus.address(), arguments);
    const Run qt = runQt(m_bus.address(), arguments);
    [&]() {
        QCOMPARE(plain.out, qt.out);
        QCOMPARE(plain.err, qt.err);
        QCOMPARE(plain.status, qt.status);
        QCOMPARE(m_helper.names.size(), 2);
        QCOMPARE(m_helper.names[0], m_helper.names[1]);
        QCOMPARE(m_helper.tables[0], m_helper.tables[1]);
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
                               {QStringLiteral("LD_DEBUG_OUTPUT=") + log});
    QCOMPARE(plain.status, int(ExitOk));
    const QByteArray loaded = loadedFiles(work.path());
    QVERIFY2(loaded.contains("volmapctl-plain-commands.so"), loaded.constData());
    QVERIFY2(loaded.contains("libdbus-1"), loaded.constData());
    QVERIFY2(!loaded.contains("libQt6"), loaded.constData());
}

QString TestVolmapctlPlain::tableFile(const QString &name, const QByteArray &text)
{
    QFile file(m_tables.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        return QString();
    }
    return file.fileName();
}

/*
 * Both paths create with `arguments`: the same output and status; the
 * program made `plainCalls` calls (two when its plain path left the table
 * to its Qt path after the helper's answer), the Qt path `qtCalls`, all
 * with the same name, table and options.
 */
Run TestVolmapctlPlain::compareCreate(const QStringList &arguments, int plainCalls, int qtCalls,
                                      bool plainLoadsQt)
{
    m_helper.clear();
    const Run plain = runPlain(m_bus.address(), arguments);
    const qsizetype callsOfPlain = m_helper.names.size();
    const Run qt = runQt(m_bus.address(), arguments);
    [&]() {
        QCOMPARE(plain.out, qt.out);
        QCOMPARE(plain.err, qt.err);
        QCOMPARE(plain.status, qt.status);
        QCOMPARE(plain.loadedQt, plainLoadsQt);
        QCOMPARE(callsOfPlain, qsizetype(plainCalls));
        QCOMPARE(m_helper.names.size(), qsizetype(plainCalls + qtCalls));
        for (qsizetype i = 1; i < m_helper.names.size(); ++i) {
            QCOMPARE(m_helper.names[i], m_helper.names[0]);
            QCOMPARE(m_helper.tables[i], m_helper.tables[0]);
            QCOMPARE(m_helper.receivedOptions[i], m_helper.receivedOptions[0]);
        }
    }();
    return plain;
}

void TestVolmapctlPlain::createSameAnswers_data()
{
    sameAnswers_data();
}

void TestVolmapctlPlain::createSameAnswers()
{
    QFETCH(QString, errorName);
    QFETCH(int, status);
    m_helper.errorName = errorName;
    m_helper.errorMessage = QStringLiteral("“säule” is %1 busy");
    const QString table = tableFile(QStringLiteral("two.table"), "# two segments\n0 8 zero\n8 8 error\n");
    QVERIFY(!table.isEmpty());
    // The helper's "invalid" has no line numbers: the program asks again the
    // Qt path's way, which checks the table itself first.
    const bool invalid = errorName == HelperProtocol::Error::invalidArgument();
    const Run plain = compareCreate(
        {QStringLiteral("create"), QStringLiteral("säule"), QStringLiteral("--table"), table},
        invalid ? 2 : 1, 1, invalid);
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(m_helper.tables[0], QStringLiteral("# two segments\n0 8 zero\n8 8 error\n"));
    if (errorName.isEmpty()) {
        QCOMPARE(plain.out, QByteArray("/dev/mapper/säule\n"));
        QVERIFY2(plain.err.isEmpty(), plain.err.constData());
    } else {
        QVERIFY(plain.out.isEmpty());
        QVERIFY2(plain.err.startsWith("volmapctl: ") && plain.err.endsWith('\n'), plain.err.constData());
    }
    if (status >= 0) {
        QCOMPARE(plain.status, status);
    } else {
        QVERIFY(plain.status != ExitOk);
    }
}

void TestVolmapctlPlain::createSameOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QVariantMap>("received");
    namespace O = HelperProtocol::Option;
    const QString noAsk = QStringLiteral("--no-ask-password");
    const QString readOnly = QStringLiteral("--read-only");
    const QString persistent = QStringLiteral("--persistent");
    const QString force = QStringLiteral("--force");
    QTest::addRow("none") << QStringList() << QVariantMap();
    QTest::addRow("no password") << QStringList{noAsk} << QVariantMap{{O::interactive(), false}};
    QTest::addRow("read-only") << QStringList{readOnly} << QVariantMap{{O::readOnly(), true}};
    QTest::addRow("persistent") << QStringList{persistent} << QVariantMap{{O::persistent(), true}};
    QTest::addRow("force") << QStringList{force} << QVariantMap();
    QTest::addRow("all, any order") << QStringList{
        persistent, force, noAsk,
        readOnly} << QVariantMap{{O::interactive(), false}, {O::readOnly(), true}, {O::persistent(), true}};
}

void TestVolmapctlPlain::createSameOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QVariantMap, received);
    m_helper.errorName.clear();
    const QString table = tableFile(QStringLiteral("zero.table"), "0 8 zero\n");
    QVERIFY(!table.isEmpty());
    // The options after the table, and around it.
    for (const bool tableFirst : {true, false}) {
        QStringList arguments{QStringLiteral("create"), QStringLiteral("data")};
        if (tableFirst || options.isEmpty()) {
            arguments << QStringLiteral("--table") << table << options;
        } else {
            arguments << options.mid(1) << QStringLiteral("--table") << table << options.first();
        }
        compareCreate(arguments, 1, 1, false);
        if (QTest::currentTestFailed()) {
            return;
        }
        QCOMPARE(m_helper.receivedOptions[0], received);
    }
}

void TestVolmapctlPlain::createLeftToQt_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("reachesHelper");
    // Problems with line numbers, found before anything is sent.
    QTest::addRow("unparsable") << QByteArray("0 8 zero\n8 x zero\n") << false;
    QTest::addRow("unknown target") << QByteArray("0 8 zeroo\n") << false;
    QTest::addRow("gap") << QByteArray("0 8 zero\n16 8 zero\n") << false;
    QTest::addRow("empty") << QByteArray("# nothing\n") << false;
    QTest::addRow("no such device") << QByteArray("0 8 linear /dev/volmap-test-absent 0\n") << false;
    QTest::addRow("not under /dev") << QByteArray("0 8 linear /tmp/x 0\n") << false;
    QTest::addRow("no such number") << QByteArray("0 8 basic_target 4095:1048575 0\n") << false;
    // Sent as the Qt path sends it, after its own decoding.
    QTest::addRow("not ASCII") << QByteArray("# säule\n0 8 zero\n") << true;
    QTest::addRow("a NUL") << QByteArrayLiteral("0 8 zero\n#\0\n") << true;
}

void TestVolmapctlPlain::createLeftToQt()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, reachesHelper);
    m_helper.errorName.clear();
    const QString table = tableFile(QStringLiteral("left.table"), text);
    QVERIFY(!table.isEmpty());
    compareCreate({QStringLiteral("create"), QStringLiteral("data"), QStringLiteral("--table"), table},
                  reachesHelper ? 1 : 0, reachesHelper ? 1 : 0, true);
}

void TestVolmapctlPlain::createMissingFile()
{
    m_helper.errorName.clear();
    const Run plain = compareCreate({QStringLiteral("create"), QStringLiteral("data"),
                                     QStringLiteral("--table"),
                                     m_tables.filePath(QStringLiteral("absent.table"))},
                                    0, 0, true);
    QVERIFY2(plain.err.startsWith("volmapctl: cannot read "), plain.err.constData());
}

QTEST_GUILESS_MAIN(TestVolmapctlPlain)
#include "tst_volmapctlplain.moc"
