// SPDX-License-Identifier: GPL-2.0-or-later
// The helper under hostile load, on a private bus with fake privileged
// parts: floods of large refused calls from many connections and several
// uids, junk tables, every limit, callers that leave while polkit thinks,
// bounded and rate-limited log lines, and the details polkit is given.
// Run with --flood-client it is instead one flooding client (started as
// another uid by the test itself).

#include "fakes/fakehelperservice.h"
#include "fakes/privatebus.h"
#include "fakes/tablefds.h"
#include "helper1interface.h"

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// Under ASan every byte costs the helper several times more: the same
// flood at an eighth of the size still runs every path of it.
constexpr int FloodDivisor = 8;
constexpr int MemoryFactor = 2;
#else
constexpr int FloodDivisor = 1;
constexpr int MemoryFactor = 1;
#endif

bool waitFor(const QDBusPendingCall &call, int milliseconds = 30000)
{
    return QTest::qWaitFor([&]() { return call.isFinished(); }, milliseconds);
}

// A valid table of `segments` segments on /dev/sdb, padded with comment
// lines to about `characters`: admission has to read all of it.
QString largeValidTable(int segments, qsizetype characters)
{
    QString text;
    text.reserve(characters + 64);
    for (int i = 0; i < segments; ++i) {
        text += QStringLiteral("%1 8 linear /dev/sdb %1\n").arg(i * 8);
    }
    const QString padding = u'#' + QString(1000, u'x') + u'\n';
    while (text.size() + padding.size() <= characters) {
        text += padding;
    }
    return text;
}

qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// Resets VmHWM, so a later reading is the peak of what came after.
void resetPeakResident()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly)) {
        clear.write("5");
    }
}

QStringList g_logLines;
void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logLines.append(message);
}

/*
 * The client half: `connections` connections each send `calls`
 * CreateMapping calls of a valid table of `kibibytes` Ki characters at
 * once, then it prints how each was answered.
 */
int runFloodClient(const QString &address, int connections, int calls, int kibibytes)
{
    QList<QDBusPendingCall> pending;
    std::vector<std::unique_ptr<OrgVolmapHelper1Interface>> clients;
    // One sealed memfd, sent with every call: the helper dups it each time.
    const QVariantMap options = withFd(
        memfdWith(largeValidTable(20000 / FloodDivisor, qsizetype(kibibytes) * 1024 - 100).toUtf8()));
    for (int c = 0; c < connections; ++c) {
        const QString name = QStringLiteral("flood-%1").arg(c);
        clients.push_back(std::make_unique<OrgVolmapHelper1Interface>(
            HelperProtocol::serviceName(), HelperProtocol::objectPath(),
            QDBusConnection::connectToBus(address, name)));
        clients.back()->setTimeout(120000);
        for (int i = 0; i < calls; ++i) {
            pending.append(
                clients.back()->CreateMapping(QStringLiteral("flood%1x%2").arg(c).arg(i), {}, options));
        }
    }
    QMap<QString, int> answers;
    for (const QDBusPendingCall &call : std::as_const(pending)) {
        if (!waitFor(call, 120000)) {
            answers[QStringLiteral("unanswered")]++;
        } else {
            QString kind = call.isError() ? call.error().name().section(u'.', -1) : QStringLiteral("ok");
            // The bus daemon's own guard: its queue to the helper was full
            // for a moment, and it said so at once.
            if (call.isError() && !call.error().name().startsWith(u"org.volmap.Helper1.Error.")
                && call.error().message().contains(u"full message queue")) {
                kind = QStringLiteral("BusQueueFull");
            } else if (call.isError() && !call.error().name().startsWith(u"org.volmap.Helper1.Error.")) {
                fprintf(stderr, "flood client: %s: %s\n", qPrintable(call.error().name()),
                        qPrintable(call.error().message()));
            }
            answers[kind]++;
        }
    }
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        printf("%s=%d\n", qPrintable(it.key()), it.value());
    }
    return 0;
}

} // namespace

class TestHelperLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void floodOfRefusedCallsKeepsTheHelperAnswering();
    void junkTablesAreRefusedFastAndBounded_data();
    void junkTablesAreRefusedFastAndBounded();
    void everyLimitIsReportedWithItsNamedError();
    void callerLeavingCancelsItsChecks();
    void devicesThatChangeDuringAuthorizationAreNotUsed();
    void unidentifiedCallersHaveTheirOwnPool();
    void callersUidIsAskedOncePerConnection();
    void refusalsAreLoggedBoundedAndRateLimited();
    void changesAreLoggedWithTheDevicesActedOn();
    void polkitIsToldWhatIsAtStake();
    void resettingAnotherUsersCountersNeedsAdmin();
    void helperExitsWhenTheBusDropsIt();

private:
    std::unique_ptr<OrgVolmapHelper1Interface> clientOn(QStringView role);
    void denyEverything(int delayMs);

    PrivateBus m_bus;
    FakeHelperService m_fake;
};

void TestHelperLimits::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.startForEveryUser();
}

void TestHelperLimits::init()
{
    m_fake.start(m_bus.address());
}

void TestHelperLimits::cleanup()
{
    qInstallMessageHandler(nullptr);
    m_fake.stop();
}

std::unique_ptr<OrgVolmapHelper1Interface> TestHelperLimits::clientOn(QStringView role)
{
    auto client = std::make_unique<OrgVolmapHelper1Interface>(
        HelperProtocol::serviceName(), HelperProtocol::objectPath(), m_fake.connect(role));
    client->setTimeout(120000);
    return client;
}

void TestHelperLimits::denyEverything(int delayMs)
{
    m_fake.authorizer->delayMs = delayMs;
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::read() ? AuthorizationResult::Authorized
                                                        : AuthorizationResult::NotAuthorized;
    };
}

void TestHelperLimits::floodOfRefusedCallsKeepsTheHelperAnswering()
{
    // polkit takes its time to say no, as it does for a real refusal.
    denyEverything(300);
    // Flooders are other processes, as they would be: one connection with 9
    // calls of 8 MiB (what once froze the helper), six connections with 4
    // calls of 2 MiB each, and, when we may switch users, four more of
    // those as another uid.
    struct Flooder
    {
        int connections;
        int calls;
        int kibibytes;
        bool otherUser;
    };
    QList<Flooder> flooders{{1, 9, 8192 / FloodDivisor, false}, {6, 4, 2048 / FloodDivisor, false}};
    if (::geteuid() == 0) {
        flooders.append({4, 4, 2048 / FloodDivisor, true});
    }
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const Flooder &flooder : std::as_const(flooders)) {
        auto process = std::make_unique<QProcess>();
        if (flooder.otherUser) {
            process->setChildProcessModifier([]() {
                if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                    ::_exit(3);
                }
            });
        }
        process->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--flood-client"), m_bus.address(),
                        QString::number(flooder.connections), QString::number(flooder.calls),
                        QString::number(flooder.kibibytes)});
        QVERIFY(process->waitForStarted());
        processes.push_back(std::move(process));
    }

    // Meanwhile an ordinary reader keeps asking; every answer must come
    // soon. While its queue to the helper is full the bus daemon itself
    // refuses calls at once ("full message queue"); the reader then asks
    // again, and that time counts against the bound too.
    auto reader = clientOn(QStringLiteral("reader"));
    qint64 slowest = 0;
    int answered = 0;
    int busRefusals = 0;
    QElapsedTimer floodTime;
    floodTime.start();
    const auto flooding = [&]() {
        return std::any_of(processes.cbegin(), processes.cend(),
                           [](const auto &process) { return process->state() != QProcess::NotRunning; });
    };
    while (flooding()) {
        QVERIFY2(floodTime.elapsed() < 300000, "the flood was never answered");
        QElapsedTimer latency;
        latency.start();
        for (;;) {
            auto listed = reader->ListMappings({});
            QVERIFY2(waitFor(listed, 60000), "ListMappings got no answer during the flood");
            if (listed.isError() && listed.error().message().contains(u"full message queue")
                && latency.elapsed() < 60000) {
                ++busRefusals;
                QTest::qWait(20);
                continue;
            }
            QVERIFY2(!listed.isError(), qPrintable(listed.error().message()));
            break;
        }
        slowest = qMax(slowest, latency.elapsed());
        ++answered;
        QTest::qWait(50);
    }
    qInfo(
        "ListMappings answered %d times during %lld ms of flood, the slowest in %lld ms; the bus refused %d "
        "tries while its queue was full",
        answered, floodTime.elapsed(), slowest, busRefusals);
    // A generous bound for a loaded machine; the frozen helper never answered at all.
    QVERIFY2(slowest < 10000, qPrintable(QString::number(slowest)));

    int limited = 0;
    for (qsizetype i = 0; i < flooders.size(); ++i) {
        QProcess &process = *processes[i];
        const QString report = QString::fromUtf8(process.readAllStandardOutput());
        qInfo("flooder %lld answered: %s", qint64(i), qPrintable(report.simplified()));
        QCOMPARE(process.exitCode(), 0);
        qInfo("%s", process.readAllStandardError().constData());
        // Every call got an answer, from polkit, a limit of ours or the bus's
        // own; none was left hanging or timed out.
        int total = 0;
        for (const QString &line : report.split(u'\n', Qt::SkipEmptyParts)) {
            const QString kind = line.section(u'=', 0, 0);
            QVERIFY2(kind == u"NotAuthorized" || kind == u"LimitsExceeded" || kind == u"BusQueueFull",
                     qPrintable(report));
            total += line.section(u'=', 1).toInt();
            limited += kind == u"LimitsExceeded" ? line.section(u'=', 1).toInt() : 0;
        }
        QCOMPARE(total, flooders[i].connections * flooders[i].calls);
    }
    QVERIFY(limited > 0);
    QTRY_COMPARE(m_fake.service->pendingCalls(), 0);
    QCOMPARE(m_fake.authorizer->running(), 0);
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperLimits::junkTablesAreRefusedFastAndBounded_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("messagePart");
    // 4 Mi problems once made one issue each: 1.8 GB and a 250 MB reply.
    QString junk;
    junk.reserve(8 * 1024 * 1024);
    while (junk.size() < 8 * 1024 * 1024 - 2) {
        junk += QStringLiteral("x\n");
    }
    QTest::newRow("8 MiB of x") << junk << QStringLiteral("more problems");
    // 100 000 lines that once cost 44 s of pairwise comparisons each.
    QString lines;
    for (int i = 0; i < 100000; ++i) {
        lines += QStringLiteral("i 1 linear 8:16 i\n");
    }
    QTest::newRow("100 000 bad lines") << lines << QStringLiteral("and 99980 more problems");
    QTest::newRow("too many segments")
        << largeValidTable(100001, 0) << QStringLiteral("more than 100000 segments");
    // 4 Mi fields on one line once became 4 Mi strings (about 290 MB).
    QString fields = QStringLiteral("0 1 zero");
    fields.reserve(8 * 1024 * 1024);
    while (fields.size() < 8 * 1024 * 1024 - 2) {
        fields += QStringLiteral(" a");
    }
    QTest::newRow("4 Mi fields on a line") << fields << QStringLiteral("line 1: more than 8 fields");
    QTest::newRow("8 MB of leading zeros")
        << QStringLiteral("0 ") + QString(8 * 1024 * 1024 - 20, u'0') + QStringLiteral("8 zero")
        << QStringLiteral("000...' is not a decimal sector number");
}

void TestHelperLimits::junkTablesAreRefusedFastAndBounded()
{
    QFETCH(QString, table);
    QFETCH(QString, messagePart);
    // An allowed caller's: a refused caller's large table is never read
    // (tst_helperlargetables).
    auto client = clientOn(QStringLiteral("junk"));
    resetPeakResident();
    const qint64 before = peakResidentKiB();
    auto call = client->CreateMapping(QStringLiteral("junk"), {}, withFd(memfdWith(table.toUtf8())));
    QVERIFY(waitFor(call));
    const qint64 grown = peakResidentKiB() - before;
    QVERIFY(call.isError());
    QCOMPARE(call.error().name(), HelperProtocol::Error::invalidArgument());
    const QString message = call.error().message();
    QVERIFY2(message.contains(messagePart), qPrintable(message.left(300)));
    QVERIFY2(message.size() <= Admission::MaxMessageLength, qPrintable(QString::number(message.size())));
    // Read once polkit allowed the verb, and refused before it was asked about devices.
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    QVERIFY(!m_fake.authorizer->requests[0].details.contains(QStringLiteral("volmap.device-numbers")));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    qInfo("peak memory grew by %lld KiB for a %lld-character table", grown, qint64(table.size()));
    // The text itself passes through the client, the bus library and the
    // service a few times; problems must not add more than that.
    // ASan's redzones and quarantine add their share (434 MiB seen for 8 MiB of junk).
    QVERIFY2(grown < 400 * 1024 * MemoryFactor, qPrintable(QString::number(grown)));
}

void TestHelperLimits::everyLimitIsReportedWithItsNamedError()
{
    denyEverything(60000); // nobody answers while the limits are probed
    const QString small = QStringLiteral("0 8 linear /dev/sdb 0");
    auto expectLimit = [](const QDBusPendingCall &call, const QString &whose) {
        QVERIFY(waitFor(call));
        QVERIFY(call.isError());
        QCOMPARE(call.error().name(), HelperProtocol::Error::limitsExceeded());
        QVERIFY2(call.error().message().contains(whose), qPrintable(call.error().message()));
    };

    // Per connection: 16 wait, the 17th is refused at once.
    auto first = clientOn(QStringLiteral("first"));
    for (int i = 0; i < 16; ++i) {
        first->CreateMapping(QStringLiteral("a%1").arg(i), small, {});
    }
    expectLimit(first->CreateMapping(QStringLiteral("a16"), small, {}), QStringLiteral("of this connection"));
    QTRY_COMPARE(m_fake.authorizer->running(), 16);

    // Per uid: a second connection of the same uid gets 16 more, then the uid is full.
    AuthorizedCalls::Limits limits;
    limits.callsPerUid = 20;
    m_fake.service->calls().setLimits(limits);
    auto second = clientOn(QStringLiteral("second"));
    for (int i = 0; i < 4; ++i) {
        second->CreateMapping(QStringLiteral("b%1").arg(i), small, {});
    }
    QTRY_COMPARE(m_fake.authorizer->running(), 20);
    expectLimit(second->CreateMapping(QStringLiteral("b4"), small, {}), QStringLiteral("of this user"));

    // Bytes per uid: a large table does not fit where small ones still would.
    limits.callsPerUid = 32;
    limits.bytesPerUid = 4 * 1024 * 1024;
    m_fake.service->calls().setLimits(limits);
    expectLimit(second->CreateMapping(QStringLiteral("big"), {},
                                      withFd(memfdWith(largeValidTable(10, 3 * 1024 * 1024).toUtf8()))),
                QStringLiteral("of this user"));

    // In total, whoever asks.
    limits.callsTotal = 21;
    m_fake.service->calls().setLimits(limits);
    auto third = clientOn(QStringLiteral("third"));
    auto fits = third->CreateMapping(QStringLiteral("c0"), small, {});
    QTRY_COMPARE(m_fake.authorizer->running(), 21);
    expectLimit(third->CreateMapping(QStringLiteral("c1"), small, {}), QStringLiteral("of all users"));
    QCOMPARE(m_fake.service->pendingCalls(), 21);
    QVERIFY(!fits.isFinished());
}

void TestHelperLimits::callerLeavingCancelsItsChecks()
{
    denyEverything(60000);
    auto leaving = clientOn(QStringLiteral("leaving"));
    for (int i = 0; i < 3; ++i) {
        leaving->CreateMapping(QStringLiteral("l%1").arg(i), QStringLiteral("0 8 linear /dev/sdb 0"), {});
    }
    QTRY_COMPARE(m_fake.authorizer->running(), 3);
    QCOMPARE(m_fake.service->pendingCalls(), 3);
    leaving.reset();
    m_fake.disconnect(u"leaving");
    // The bus says the name is gone; the helper drops the calls and their checks.
    QTRY_COMPARE(m_fake.service->pendingCalls(), 0);
    QCOMPARE(m_fake.authorizer->running(), 0);
    QCOMPARE(m_fake.authorizer->cancelled.size(), 3);
    // And a caller that stays is still served.
    m_fake.authorizer->delayMs = 0;
    auto staying = clientOn(QStringLiteral("staying"));
    auto listed = staying->ListMappings({});
    QVERIFY(waitFor(listed));
    QVERIFY(!listed.isError());
}

void TestHelperLimits::devicesThatChangeDuringAuthorizationAreNotUsed()
{
    // While polkit asks, /dev/disk/by-label/data comes to name another disk.
    m_fake.authorizer->delayMs = 300;
    m_fake.devices->addDisk(QStringLiteral("/dev/disk/by-label/data"), {8, 16}, 4194304);
    auto client = clientOn(u"replug");
    auto created = client->CreateMapping(QStringLiteral("moved"),
                                         QStringLiteral("0 8 linear /dev/disk/by-label/data 0"), {});
    QTRY_COMPARE(m_fake.authorizer->running(), 1);
    m_fake.devices->addDisk(QStringLiteral("/dev/disk/by-label/data"), {8, 48}, 4194304);
    QVERIFY(waitFor(created));
    QVERIFY(created.isError());
    QCOMPARE(created.error().name(), HelperProtocol::Error::busy());
    QVERIFY2(created.error().message().contains(u"is 8:48 now, not 8:16"),
             qPrintable(created.error().message()));
    QVERIFY(m_fake.backend->mappings.isEmpty());
}

void TestHelperLimits::unidentifiedCallersHaveTheirOwnPool()
{
    AuthorizedCalls::Limits limits;
    limits.bytesUnidentified = 1024;
    m_fake.service->calls().setLimits(limits);
    auto client = clientOn(u"new");
    // A new connection's large table: its uid is not known yet, and the
    // pool for such calls is (here) smaller than the table.
    auto large = client->CreateMapping(QStringLiteral("big"), largeValidTable(10, 4096), {});
    QVERIFY(waitFor(large));
    QCOMPARE(large.error().name(), HelperProtocol::Error::limitsExceeded());
    QVERIFY2(large.error().message().contains(u"not identified yet"), qPrintable(large.error().message()));
    // Once the connection is known (any call tells), the uid's own limits apply.
    auto listed = client->ListMappings({});
    QVERIFY(waitFor(listed));
    QVERIFY(!listed.isError());
    auto again = client->CreateMapping(QStringLiteral("big"), largeValidTable(10, 4096), {});
    QVERIFY(waitFor(again));
    QVERIFY2(!again.isError(), qPrintable(again.error().message()));
}

void TestHelperLimits::callersUidIsAskedOncePerConnection()
{
    const int before = m_fake.service->calls().uidLookups();
    auto client = clientOn(u"kept");
    const QString name = client->connection().baseService();
    for (int i = 0; i < 3; ++i) {
        auto listed = client->ListMappings({});
        QVERIFY(waitFor(listed));
        QVERIFY2(!listed.isError(), qPrintable(listed.error().message()));
    }
    // The app's case: one connection, many calls, one question to the bus.
    QCOMPARE(m_fake.service->calls().uidLookups(), before + 1);
    QVERIFY(m_fake.service->calls().remembersCaller(name));

    // Another connection is asked about, whoever's it is.
    auto other = clientOn(u"other");
    auto listed = other->ListMappings({});
    QVERIFY(waitFor(listed));
    QCOMPARE(m_fake.service->calls().uidLookups(), before + 2);

    // A remembered uid still counts against the uid's limits.
    denyEverything(60000);
    AuthorizedCalls::Limits limits;
    limits.callsPerUid = 1;
    m_fake.service->calls().setLimits(limits);
    const QString small = QStringLiteral("0 8 linear /dev/sdb 0");
    auto waiting = client->CreateMapping(QStringLiteral("w0"), small, {});
    QTRY_COMPARE(m_fake.authorizer->running(), 1);
    auto refused = client->CreateMapping(QStringLiteral("w1"), small, {});
    QVERIFY(waitFor(refused));
    QCOMPARE(refused.error().name(), HelperProtocol::Error::limitsExceeded());
    QVERIFY2(refused.error().message().contains(u"of this user"), qPrintable(refused.error().message()));
    QCOMPARE(m_fake.service->calls().uidLookups(), before + 2);

    // Gone from the bus, forgotten: its name is never anyone's again.
    client.reset(); // the last reference: now the connection closes
    m_fake.disconnect(u"kept");
    QTRY_VERIFY(!m_fake.service->calls().remembersCaller(name));
    QVERIFY(m_fake.service->calls().remembersCaller(other->connection().baseService()));
}

void TestHelperLimits::refusalsAreLoggedBoundedAndRateLimited()
{
    denyEverything(0);
    g_logLines.clear();
    qInstallMessageHandler(collectLog);
    auto client = clientOn(QStringLiteral("refused"));
    const QVariantMap table = withFd(
        memfdWith((QStringLiteral("0 8 linear /dev/sdb 0\n") + largeValidTable(0, 64 * 1024)).toUtf8()));
    for (int i = 0; i < 15; ++i) {
        auto call = client->CreateMapping(QStringLiteral("r%1").arg(i), {}, table);
        QVERIFY(waitFor(call));
        QCOMPARE(call.error().name(), HelperProtocol::Error::notAuthorized());
    }
    qInstallMessageHandler(nullptr);
    const QStringList refusals = g_logLines.filter(QStringLiteral("NotAuthorized"));
    QCOMPARE(refusals.size(), CallLog::RefusalsPerWindow);
    QCOMPARE(m_fake.service->calls().log().suppressed(::getuid()), 15 - CallLog::RefusalsPerWindow);
    for (const QString &line : refusals) {
        // The call named, the table not: "uid 0 (:1.7): create 'r3': NotAuthorized not authorized to ..."
        QVERIFY2(line.size() < 300 && line.contains(u"create 'r"), qPrintable(line));
    }
}

void TestHelperLimits::changesAreLoggedWithTheDevicesActedOn()
{
    g_logLines.clear();
    qInstallMessageHandler(collectLog);
    auto client = clientOn(QStringLiteral("logged"));
    auto created = client->CreateMapping(QStringLiteral("seen"),
                                         QStringLiteral("0 8 linear /dev/sdb 0\n8 8 zero"), {});
    QVERIFY(waitFor(created));
    QVERIFY2(!created.isError(), qPrintable(created.error().message()));
    qInstallMessageHandler(nullptr);
    const QStringList lines = g_logLines.filter(QStringLiteral("create 'seen'"));
    QCOMPARE(lines.size(), 1);
    // What the kernel got (8:16), not the path the caller wrote.
    QVERIFY2(lines.first().endsWith(u"create 'seen' from 2 segments on 8:16: done"),
             qPrintable(lines.first()));
    QVERIFY(lines.first().startsWith(QStringLiteral("uid %1 (:").arg(::getuid())));
}

void TestHelperLimits::polkitIsToldWhatIsAtStake()
{
    auto client = clientOn(QStringLiteral("details"));
    auto created = client->CreateMapping(
        QStringLiteral("stake"), QStringLiteral("0 8 linear /dev/sdb 0\n8 8 basic_target /dev/sdc1 0"),
        {{QStringLiteral("read-only"), true}});
    QVERIFY(waitFor(created));
    QVERIFY2(!created.isError(), qPrintable(created.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), 1);
    const AuthorizationDetails details = m_fake.authorizer->requests.first().details;
    QCOMPARE(details.value(QStringLiteral("volmap.name")), QStringLiteral("stake"));
    QCOMPARE(details.value(QStringLiteral("volmap.devices")),
             QStringLiteral("/dev/sdb (2 GiB), /dev/sdc1 (~488.28 MiB)"));
    QCOMPARE(details.value(QStringLiteral("volmap.segments")), QStringLiteral("2"));
    QCOMPARE(details.value(QStringLiteral("volmap.device-count")), QStringLiteral("2"));
    QCOMPARE(details.value(QStringLiteral("volmap.device-numbers")), QStringLiteral("8:16 8:33"));
    QCOMPARE(details.value(QStringLiteral("volmap.read-only")), QStringLiteral("true"));
    auto removed = client->RemoveMapping(QStringLiteral("stake"), {});
    QVERIFY(waitFor(removed));
    QCOMPARE(m_fake.authorizer->requests.last().details.value(QStringLiteral("volmap.name")),
             QStringLiteral("stake"));
}

void TestHelperLimits::resettingAnotherUsersCountersNeedsAdmin()
{
    MappingState theirs;
    theirs.name = QStringLiteral("theirs");
    theirs.uuid = QStringLiteral("VOLMAP-U4242-0b5c4c9e-0000-4000-8000-000000000000");
    theirs.liveTable = true;
    theirs.table = {{0, 8, QStringLiteral("basic_target"), QStringLiteral("8:16 0")}};
    m_fake.backend->mappings.insert(theirs.name, theirs);
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::resetCountersOfOthers() ? AuthorizationResult::NotAuthorized
                                                                         : AuthorizationResult::Authorized;
    };
    auto client = clientOn(QStringLiteral("resetter"));
    auto refused = client->ResetCounters(theirs.name, {});
    QVERIFY(waitFor(refused));
    QCOMPARE(refused.error().name(), HelperProtocol::Error::notAuthorized());
    QVERIFY2(refused.error().message().contains(u"which another user created"),
             qPrintable(refused.error().message()));
    QVERIFY(m_fake.backend->messages.isEmpty());

    // One's own mapping needs no more than reset-counters.
    auto created = client->CreateMapping(QStringLiteral("mine"),
                                         QStringLiteral("0 8 basic_target /dev/sdb 8"), {});
    QVERIFY(waitFor(created));
    QVERIFY(m_fake.backend->mappings[QStringLiteral("mine")].uuid.startsWith(
        QStringLiteral("VOLMAP-U%1-").arg(::getuid())));
    const qsizetype asked = m_fake.authorizer->requests.size();
    auto reset = client->ResetCounters(QStringLiteral("mine"), {});
    QVERIFY(waitFor(reset));
    QVERIFY2(!reset.isError(), qPrintable(reset.error().message()));
    QCOMPARE(m_fake.authorizer->requests.size(), asked + 1);
    QCOMPARE(m_fake.backend->messages.size(), 1);
}

void TestHelperLimits::helperExitsWhenTheBusDropsIt()
{
    if (::geteuid() != 0) {
        QSKIP("volmap-helper runs only as root");
    }
    PrivateBus bus;
    bus.startForEveryUser();
    QProcess helper;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), bus.address());
    helper.setProcessEnvironment(environment);
    helper.setProcessChannelMode(QProcess::ForwardedChannels);
    helper.start(QStringLiteral(VOLMAP_HELPER_BINARY),
                 {QStringLiteral("--idle-timeout"), QStringLiteral("0")});
    QVERIFY(helper.waitForStarted());
    QDBusConnection watcher = QDBusConnection::connectToBus(bus.address(), QStringLiteral("watcher"));
    QTRY_VERIFY_WITH_TIMEOUT(watcher.interface()->isServiceRegistered(HelperProtocol::serviceName()), 30000);
    QDBusConnection::disconnectFromBus(QStringLiteral("watcher"));
    bus.kill();
    // It must not linger as a root process that owns nothing: it exits
    // by itself, or GLib's connection (polkit's) ends it with SIGTERM first.
    QVERIFY(helper.waitForFinished(30000));
    if (helper.exitStatus() == QProcess::NormalExit) {
        QCOMPARE(helper.exitCode(), 1);
    } else {
        QCOMPARE(helper.exitCode(), SIGTERM);
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qDBusRegisterMetaType<QList<QVariantMap>>();
    if (argc == 6 && qstrcmp(argv[1], "--flood-client") == 0) {
        return runFloodClient(QString::fromLocal8Bit(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    }
    TestHelperLimits test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_helperlimits.moc"
