// SPDX-License-Identifier: GPL-2.0-or-later
// Saved mappings through the helper's D-Bus contract, on a private bus
// with fake kernel parts and a scratch /etc/volmap: the persistent option,
// SetPersistent, ListSavedMappings, AssembleSaved, reload and remove of
// saved mappings, and the persist action polkit is asked for.

#include "fakes/fakehelperservice.h"
#include "fakes/fakesavedstore.h"
#include "fakes/privatebus.h"
#include "helper1interface.h"
#include "helperclient.h"
#include "savedmappings.h"
#include "tabletext.h"

#include <QDBusMetaType>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

const QString SdbTable = QStringLiteral("0 2048 linear /dev/sdb 0\n");

bool waitFor(const QDBusPendingCall &call)
{
    return QTest::qWaitFor([&]() { return call.isFinished(); }, 10000);
}

} // namespace

class TestHelperPersist final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createPersistentSavesTheDefinition();
    void noStableIdentityCreatesNothing();
    void persistRefusedCreatesNothing();
    void reloadRewritesOrKeepsTheDefinition();
    void setPersistentOnAndOff();
    void removeForgetsUnlessKept();
    void forgetsADefinitionThatIsNotLive();
    void assemblyRefusesDevicesInUse();
    void handWrittenOwnerIsRestored();
    void hostileDefinitionIsListedRefused();
    void clientCallsTheSavedVerbs();

private:
    void expectError(const QDBusPendingCall &call, const QString &errorName, const QString &messagePart = {});
    void succeed(const QDBusPendingCall &call);
    QList<QVariantMap> saved();
    QString savedText(const QString &name) const;
    QStringList askedActions() const;
    /* The saved table of `name` with sdb's member as 8:16, and the live one, as dmsetup prints them. */
    QString savedTableOnDevices(const QString &name) const;
    QString liveTable(const QString &name) const;

    PrivateBus m_bus;
    FakeHelperService m_fake;
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<SavedMappings> m_saved;
    std::unique_ptr<OrgVolmapHelper1Interface> m_client;
};

void TestHelperPersist::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_bus.start();
}

void TestHelperPersist::init()
{
    m_fake.start(m_bus.address());
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    QFile::setPermissions(m_root->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                              | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                              | QFile::ExeOther);
    m_saved = std::make_unique<SavedMappings>(
        *m_fake.backend, *m_fake.devices, DefinitionStore(m_root->path(), ::geteuid()),
        FakeSavedStore::defaultFacts); // sdb has a WWN; sdc, sdc1 no identity
    m_fake.service->setSavedMappings(m_saved.get());
    m_client = std::make_unique<OrgVolmapHelper1Interface>(
        HelperProtocol::serviceName(), HelperProtocol::objectPath(), m_fake.connect(u"client"));
}

void TestHelperPersist::cleanup()
{
    m_client.reset();
    m_fake.stop();
    m_saved.reset();
    m_root.reset();
}

void TestHelperPersist::expectError(const QDBusPendingCall &call, const QString &errorName,
                                    const QString &messagePart)
{
    QVERIFY(waitFor(call));
    QVERIFY2(call.isError(), "the call succeeded");
    QCOMPARE(call.error().name(), errorName);
    QVERIFY2(call.error().message().contains(messagePart), qPrintable(call.error().message()));
}

void TestHelperPersist::succeed(const QDBusPendingCall &call)
{
    QVERIFY(waitFor(call));
    QVERIFY2(!call.isError(), qPrintable(call.error().message()));
}

QList<QVariantMap> TestHelperPersist::saved()
{
    auto listed = m_client->ListSavedMappings({});
    if (!waitFor(listed) || listed.isError()) {
        return {};
    }
    return listed.value();
}

QString TestHelperPersist::savedText(const QString &name) const
{
    QFile file(m_root->path() + QStringLiteral("/etc/volmap/mappings.d/") + name
               + QStringLiteral(".mapping"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString TestHelperPersist::savedTableOnDevices(const QString &name) const
{
    const auto parsed = parseDefinition(savedText(name));
    return parsed ? formatTable(
               substituteMembers(parsed->table, {{QStringLiteral("m1"), QStringLiteral("8:16")}}))
                  : QString();
}

QString TestHelperPersist::liveTable(const QString &name) const
{
    QString text;
    for (const KernelSegment &segment : m_fake.backend->mappings.value(name).table) {
        text += QStringLiteral("%1 %2 %3 %4\n")
                    .arg(segment.start)
                    .arg(segment.length)
                    .arg(segment.target, segment.parameters);
    }
    return text;
}

QStringList TestHelperPersist::askedActions() const
{
    QStringList actions;
    for (const auto &request : std::as_const(m_fake.authorizer->requests)) {
        actions.append(request.action);
    }
    return actions;
}

void TestHelperPersist::createPersistentSavesTheDefinition()
{
    succeed(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}));
    QCOMPARE(askedActions(),
             QStringList({HelperProtocol::Action::create(), HelperProtocol::Action::persist()}));
    // The mapping's uuid, VOLMAP-U<caller's uid>-..., is saved with it.
    const QString uuid = m_fake.backend->mappings.value(QStringLiteral("data")).uuid;
    QCOMPARE(uuid.section(u'-', 0, 1), QStringLiteral("VOLMAP-U%1").arg(::geteuid()));
    QCOMPARE(savedText(QStringLiteral("data")).section(u'\n', 1),
             QStringLiteral("volmap-definition 1\nname data\nuuid %1\nmember m1 disk 4194304 wwn-0x5000aa\n"
                            "table\n0 2048 linear $m1 0\n")
                 .arg(uuid));
    const QList<QVariantMap> list = saved();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].value(QStringLiteral("name")).toString(), QStringLiteral("data"));
    QCOMPARE(list[0].value(QStringLiteral("state")).toString(), QStringLiteral("assembled"));
}

void TestHelperPersist::noStableIdentityCreatesNothing()
{
    expectError(m_client->CreateMapping(QStringLiteral("data"), QStringLiteral("0 2048 linear /dev/sdc1 0\n"),
                                        {{QStringLiteral("persistent"), true}}),
                HelperProtocol::Error::noStableIdentity(),
                QStringLiteral("/dev/sdc1 has no PARTUUID on a disk"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QCOMPARE(saved().size(), 0);
    // A wrongly typed option is refused before anything else.
    expectError(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), 1}}),
        HelperProtocol::Error::invalidArgument(), QStringLiteral("must be a boolean"));
}

void TestHelperPersist::persistRefusedCreatesNothing()
{
    m_fake.authorizer->policy = [](const QString &action, const QString &) {
        return action == HelperProtocol::Action::persist() ? AuthorizationResult::NotAuthorized
                                                           : AuthorizationResult::Authorized;
    };
    expectError(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}),
        HelperProtocol::Error::notAuthorized(), QStringLiteral("save 'data' to be recreated at startup"));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QCOMPARE(saved().size(), 0);
}

void TestHelperPersist::reloadRewritesOrKeepsTheDefinition()
{
    succeed(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}));
    succeed(
        m_client->ReloadMapping(QStringLiteral("data"), QStringLiteral("0 4096 linear /dev/sdb 0\n"), {}));
    QVERIFY2(savedText(QStringLiteral("data")).endsWith(u"table\n0 4096 linear $m1 0\n"),
             qPrintable(savedText(QStringLiteral("data"))));
    QCOMPARE(savedTableOnDevices(QStringLiteral("data")), liveTable(QStringLiteral("data")));
    QCOMPARE(askedActions().mid(2),
             QStringList({HelperProtocol::Action::reload(), HelperProtocol::Action::persist()}));

    // A failed reload keeps the old table live and the old definition saved.
    m_fake.backend->failNextReload = failure(QStringLiteral("kernel says no"));
    expectError(
        m_client->ReloadMapping(QStringLiteral("data"), QStringLiteral("0 8192 linear /dev/sdb 0\n"), {}),
        HelperProtocol::Error::failed(), QStringLiteral("kernel says no"));
    QVERIFY(savedText(QStringLiteral("data")).endsWith(u"table\n0 4096 linear $m1 0\n"));
    QCOMPARE(liveTable(QStringLiteral("data")), QStringLiteral("0 4096 linear 8:16 0\n"));
    QCOMPARE(savedTableOnDevices(QStringLiteral("data")), liveTable(QStringLiteral("data")));
    QCOMPARE(QDir(m_root->path() + QStringLiteral("/etc/volmap/mappings.d"))
                 .entryList(QDir::Files | QDir::Hidden)
                 .size(),
             1);

    // A new table over a device without identity: refused, nothing changes.
    expectError(
        m_client->ReloadMapping(QStringLiteral("data"), QStringLiteral("0 2048 linear /dev/sdc 0\n"), {}),
        HelperProtocol::Error::noStableIdentity());
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("data")).table.constFirst().length, 4096u);
    QCOMPARE(savedTableOnDevices(QStringLiteral("data")), liveTable(QStringLiteral("data")));
}

void TestHelperPersist::setPersistentOnAndOff()
{
    succeed(m_client->CreateMapping(QStringLiteral("data"), SdbTable, {}));
    QCOMPARE(saved().size(), 0);
    succeed(m_client->SetPersistent(QStringLiteral("data"), true, {}));
    QVERIFY(savedText(QStringLiteral("data")).contains(u"member m1 disk 4194304 wwn-0x5000aa\n"));
    QCOMPARE(askedActions().constLast(), HelperProtocol::Action::persist());
    succeed(m_client->SetPersistent(QStringLiteral("data"), false, {}));
    QCOMPARE(saved().size(), 0);
    expectError(m_client->SetPersistent(QStringLiteral("data"), false, {}),
                HelperProtocol::Error::notFound());
    expectError(m_client->SetPersistent(QStringLiteral("none"), true, {}), HelperProtocol::Error::notFound());
    expectError(m_client->SetPersistent(QStringLiteral("../x"), true, {}),
                HelperProtocol::Error::invalidArgument());
}

void TestHelperPersist::removeForgetsUnlessKept()
{
    succeed(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}));
    succeed(m_client->RemoveMapping(QStringLiteral("data"), {{QStringLiteral("keep-definition"), true}}));
    QVERIFY(m_fake.backend->mappings.isEmpty());
    QList<QVariantMap> list = saved();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));

    // Assembled again, as at the next boot: with the uuid it had, so its creator still owns it.
    const QString uuid = savedText(QStringLiteral("data")).section(u'\n', 3, 3).section(u' ', 1);
    QVERIFY2(uuid.startsWith(u"VOLMAP-U"), qPrintable(savedText(QStringLiteral("data"))));
    auto assembled = m_client->AssembleSaved({});
    succeed(assembled);
    QCOMPARE(assembled.value().constFirst().value(QStringLiteral("state")).toString(),
             QStringLiteral("assembled"));
    QVERIFY(m_fake.backend->mappings.contains(QStringLiteral("data")));
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("data")).uuid, uuid);

    succeed(m_client->RemoveMapping(QStringLiteral("data"), {}));
    QCOMPARE(saved().size(), 0);
    QCOMPARE(askedActions().filter(QStringLiteral("persist")).size(), 3); // create, assemble, forget
}

void TestHelperPersist::forgetsADefinitionThatIsNotLive()
{
    // The app's Forget on a saved mapping that waits: no mapping of that name is live.
    succeed(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}));
    succeed(m_client->RemoveMapping(QStringLiteral("data"), {{QStringLiteral("keep-definition"), true}}));
    QCOMPARE(saved().size(), 1);
    QVERIFY(m_fake.backend->mappings.isEmpty());
    succeed(m_client->SetPersistent(QStringLiteral("data"), false, {}));
    QCOMPARE(saved().size(), 0);
    QVERIFY(savedText(QStringLiteral("data")).isEmpty());
    QCOMPARE(askedActions().filter(QStringLiteral("persist")).size(), 2); // create, forget
}

void TestHelperPersist::assemblyRefusesDevicesInUse()
{
    succeed(
        m_client->CreateMapping(QStringLiteral("data"), SdbTable, {{QStringLiteral("persistent"), true}}));
    succeed(m_client->RemoveMapping(QStringLiteral("data"), {{QStringLiteral("keep-definition"), true}}));
    succeed(
        m_client->CreateMapping(QStringLiteral("other"), QStringLiteral("0 100 linear /dev/sdb 1000\n"), {}));
    auto assembled = m_client->AssembleSaved({});
    succeed(assembled);
    const QVariantMap state = assembled.value().constFirst();
    QCOMPARE(state.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QVERIFY2(state.value(QStringLiteral("reason")).toString().contains(u"other"),
             qPrintable(state.value(QStringLiteral("reason")).toString()));
    QVERIFY(!m_fake.backend->mappings.contains(QStringLiteral("data")));
}

void TestHelperPersist::handWrittenOwnerIsRestored()
{
    const QString dir = m_root->path() + QStringLiteral("/etc/volmap/mappings.d");
    QVERIFY(QDir().mkpath(dir));
    const auto deploy = [&](const QString &name, const QString &uuidLine) {
        QFile file(dir + u'/' + name + QStringLiteral(".mapping"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("volmap-definition 1\nname %1\n%2member m1 disk 4194304 wwn-0x5000aa\n"
                                  "table\n0 1024 linear $m1 %3\n")
                       .arg(name, uuidLine)
                       .arg(name == u"alice" ? 0 : 4096)
                       .toUtf8());
    };
    deploy(QStringLiteral("alice"), QStringLiteral("uuid VOLMAP-U1000-0d5e\n"));
    deploy(QStringLiteral("nobody"), QString());
    auto assembled = m_client->AssembleSaved({});
    succeed(assembled);
    QCOMPARE(assembled.value().size(), 2);
    QCOMPARE(m_fake.backend->mappings.value(QStringLiteral("alice")).uuid,
             QStringLiteral("VOLMAP-U1000-0d5e"));
    // Without a uuid line: root's, with a new uuid.
    QVERIFY(m_fake.backend->mappings.value(QStringLiteral("nobody")).uuid.startsWith(u"VOLMAP-U0-"));
}

void TestHelperPersist::hostileDefinitionIsListedRefused()
{
    const QString dir = m_root->path() + QStringLiteral("/etc/volmap/mappings.d");
    QVERIFY(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/evil.mapping"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("volmap-definition 1\nname evil\ntable\n0 2048 linear 8:16 0\n");
    file.close();
    file.setPermissions(file.permissions() | QFile::WriteOther);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("refusing definition 'evil.mapping'.*")));
    auto assembled = m_client->AssembleSaved({});
    succeed(assembled);
    QCOMPARE(assembled.value().size(), 1);
    QCOMPARE(assembled.value()[0].value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QVERIFY(assembled.value()[0]
                .value(QStringLiteral("reason"))
                .toString()
                .contains(u"writable by group or others"));
    QVERIFY(m_fake.backend->mappings.isEmpty());

    // A file name with a newline and an escape is listed quoted, so it cannot forge a line.
    QVERIFY(file.remove());
    QFile odd(dir + QStringLiteral("/a\nb: assembled\x1b[2J.mapping"));
    QVERIFY(odd.open(QIODevice::WriteOnly));
    odd.close();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("refusing definition .*no mapping name.*")));
    const QList<QVariantMap> list = saved();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].value(QStringLiteral("name")).toString(), QStringLiteral("'a?b: assembled?[2J'"));
    QCOMPARE(list[0].value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
}

// The app's HelperClient: what volmapctl and the GUI use.
void TestHelperPersist::clientCallsTheSavedVerbs()
{
    HelperClient client(m_fake.connect(u"app"));
    auto run = [](auto call) {
        std::optional<QString> problem;
        bool done = false;
        call([&](const auto &result) {
            if (!result) {
                problem = result.error().dbusName + u' ' + result.error().message;
            }
            done = true;
        });
        return QTest::qWaitFor([&]() { return done; }, 10000) ? problem
                                                              : std::optional(QStringLiteral("timeout"));
    };
    QCOMPARE(
        run([&](auto done) {
            client.create(QStringLiteral("data"), SdbTable, HelperClient::CreateFlags{false, true}, done);
        }),
        std::nullopt);
    QList<SavedMappingState> states;
    QCOMPARE(run([&](auto done) {
                 client.listSaved([&, done](const ClientResult<QList<SavedMappingState>> &result) {
                     if (result) {
                         states = *result;
                     }
                     done(result);
                 });
             }),
             std::nullopt);
    QCOMPARE(states.size(), 1);
    QCOMPARE(states[0].name, QStringLiteral("data"));
    QCOMPARE(states[0].state, QStringLiteral("assembled"));
    QCOMPARE(run([&](auto done) { client.remove(QStringLiteral("data"), false, true, done); }), std::nullopt);
    QCOMPARE(run([&](auto done) { client.assembleSaved(done); }), std::nullopt);
    QVERIFY(m_fake.backend->mappings.contains(QStringLiteral("data")));
    QCOMPARE(run([&](auto done) { client.setPersistent(QStringLiteral("data"), false, done); }),
             std::nullopt);
    QCOMPARE(saved().size(), 0);
    const auto refused = run([&](auto done) { client.setPersistent(QStringLiteral("data"), false, done); });
    QVERIFY(refused && refused->startsWith(HelperProtocol::Error::notFound()));
}

QTEST_GUILESS_MAIN(TestHelperPersist)
#include "tst_helperpersist.moc"
