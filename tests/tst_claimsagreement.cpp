// SPDX-License-Identifier: GPL-2.0-or-later
// The app's pre-Create check and the helper agree: a corpus of tables and
// device states (a fake sysfs and /dev, other mappings in the fake
// backend) goes through the helper's real create path (MappingActions on
// the system inspector) and through the app's (GetTable texts, claims
// collected as ClaimsSource does, checkDraft()); both must give the same
// verdict: no conflict, or the same error name and the same message, which
// names the same segment.

#include "fakes/fakehelperparts.h"
#include "fakes/fakesystem.h"
#include "mappingactions.h"
#include "systemclaims.h"

#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

KernelSegment line(quint64 start, quint64 length, const char *target, const char *parameters)
{
    return {start, length, QString::fromLatin1(target), QString::fromLatin1(parameters)};
}

ForeignSignature noSignature(const QString &, DeviceNumber)
{
    return {};
}

} // namespace

class TestClaimsAgreement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agree_data();
    void agree();

private:
    void addMapping(const QString &name, quint32 minor, QList<KernelSegment> table,
                    QList<DeviceNumber> below);

    FakeSystem m_system;
    QMap<QString, MappingState> m_mappings;
};

void TestClaimsAgreement::addMapping(const QString &name, quint32 minor, QList<KernelSegment> table,
                                     QList<DeviceNumber> below)
{
    MappingState state;
    state.name = name;
    state.uuid = QStringLiteral("LVM-") + name;
    state.major = 254;
    state.minor = minor;
    state.liveTable = true;
    state.table = std::move(table);
    state.dependencies = below;
    m_mappings.insert(name, state);
    // What the app reads instead of the kernel's dependency list: slaves/ in sysfs.
    const QString dm = QStringLiteral("dm-%1").arg(minor);
    QVERIFY(m_system.addDevice(dm, 254, minor, 1000));
    const QString dir =
        QFileInfo(m_system.root() + QStringLiteral("/sys/class/block/") + dm).canonicalFilePath();
    for (const DeviceNumber &number : below) {
        const QString slave = QFileInfo(m_system.root() + QStringLiteral("/sys/dev/block/")
                                        + number.toString())
                                  .canonicalFilePath();
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/slaves")));
        QVERIFY(QFile::link(slave, dir + QStringLiteral("/slaves/") + QFileInfo(slave).fileName()));
    }
}

void TestClaimsAgreement::initTestCase()
{
    if (::geteuid() != 0) {
        QSKIP("needs root for the device nodes (mknod)");
    }
    const QString r = m_system.root();
    QVERIFY(m_system.addStackDisks()); // sdb 8:16, sdc 8:32 with sdc1 8:33 from sector 2048
    const struct
    {
        const char *name;
        quint32 minor;
    } disks[] = {{"sdd", 48},  {"sde", 64},  {"sdf", 80}, {"sdg", 96},
                 {"sdh", 112}, {"sdi", 128}, {"sdj", 144}};
    for (const auto &disk : disks) {
        QVERIFY(m_system.addDevice(QString::fromLatin1(disk.name), 8, disk.minor, 2097152));
    }
    // sdd is read-only, sde mounted, sdf swap, sdg an md member.
    writeFile(r + QStringLiteral("/sys/class/block/sdd/ro"), "1\n");
    writeFile(r + QStringLiteral("/proc/self/mountinfo"),
              "25 1 0:1 / / rw - tmpfs none rw\n30 25 8:64 / /srv rw - ext4 /dev/sde rw\n");
    writeFile(r + QStringLiteral("/proc/swaps"),
              "Filename\tType\tSize\tUsed\tPriority\n/dev/sdf partition 1048572 0 -2\n");
    QVERIFY(QDir().mkpath(r + QStringLiteral("/sys/class/block/sdg/holders/md0")));

    // Other mappings: a plain LV on sdc1, an LVM-style striped LV over sdb
    // and sdh, a LUKS mapping on sdj (key redacted as GetTable shows it) and
    // a multipath map the parser does not read.
    addMapping(QStringLiteral("home"), 0, {line(0, 1000, "linear", "8:33 0")}, {{8, 33}});
    addMapping(QStringLiteral("lv"), 1, {line(0, 2048, "striped", "2 128 8:16 100000 8:112 0")},
               {{8, 16}, {8, 112}});
    addMapping(QStringLiteral("cryptdata"), 2, {line(0, 2064384, "crypt", "aes-xts-plain64 - 0 8:144 32768")},
               {{8, 144}});
    addMapping(QStringLiteral("mp"), 3, {line(0, 1000, "multipath", "0 0 1 1 round-robin 0 1 1 8:128 1000")},
               {{8, 128}});
}

void TestClaimsAgreement::agree_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("expectedError"); // "" for none
    QTest::addColumn<QString>("expectedSegment");

    const auto E = [](const char *name) {
        return QStringLiteral("org.volmap.Helper1.Error.") + QLatin1String(name);
    };
    auto row = [](const char *name, const char *table, bool readOnly, const QString &error,
                  const char *segment) {
        QTest::newRow(name) << QString::fromLatin1(table) << readOnly << error
                            << QString::fromLatin1(segment);
    };
    row("free space", "0 1000 linear /dev/sdb 0", false, {}, "");
    row("disk over another mapping's partition", "0 100 linear /dev/sdc 2100", false, E("Overlap"),
        "segment 1 ");
    row("partition over another mapping", "0 10 linear 8:33 500", false, E("Overlap"), "segment 1 ");
    row("disk right after the partition's mapping", "0 100 linear /dev/sdc 3048", false, {}, "");
    row("mounted", "0 100 linear /dev/sde 0", false, E("DeviceInUse"), "segment 1 ");
    row("swap", "0 100 basic_target /dev/sdf 0", false, E("DeviceInUse"), "segment 1 ");
    row("md member", "0 100 linear /dev/sdg 4096", false, E("DeviceInUse"), "segment 1 ");
    row("read-only device", "0 100 linear /dev/sdd 0", false, E("ReadOnlyDevice"), "segment 1 ");
    row("read-only device, read-only table", "0 100 linear /dev/sdd 0", true, {}, "");
    row("inside a stripe", "0 100 linear /dev/sdb 100100", false, E("Overlap"), "segment 1 ");
    row("second stripe, second segment", "0 100 zero\n100 100 linear /dev/sdh 1000", false, E("Overlap"),
        "segment 2 ");
    row("after the stripes", "0 100 linear /dev/sdh 1024", false, {}, "");
    row("LUKS device, far from its data", "0 100 linear /dev/sdj 0", false, E("DeviceInUse"), "segment 1 ");
    row("multipath member", "0 100 linear /dev/sdi 1500000", false, E("DeviceInUse"), "segment 1 ");
    row("first segment free, second mounted", "0 100 linear /dev/sdb 0\n100 100 linear /dev/sde 0", false,
        E("DeviceInUse"), "segment 2 ");
    row("own segments on one disk twice", "0 100 linear /dev/sdc 2048\n100 100 linear /dev/sdc1 0", false,
        E("InvalidArgument"), "segments 1 ");
}

void TestClaimsAgreement::agree()
{
    QFETCH(QString, table);
    QFETCH(bool, readOnly);
    QFETCH(QString, expectedError);
    QFETCH(QString, expectedSegment);
    const QString root = m_system.root();

    // The helper: its real create path over the fake sysfs.
    FakeBackend backend;
    backend.mappings = m_mappings;
    FakeModules modules;
    SystemDeviceInspector inspector(root, noSignature);
    MappingActions actions(backend, modules, inspector, []() {});
    CallContext context(1000, QStringLiteral(":1.7"), {HelperProtocol::Action::manageForeign()});
    QList<DeviceNumber> authorized;
    if (const auto prepared = prepareTable(table, inspector)) {
        for (const ResolvedDevice &device : prepared.value().namedDevices) {
            authorized.append(device.geometry.number);
        }
    }
    const auto helper = actions.create(context, QStringLiteral("new"), table, readOnly, authorized);

    // The app: the other mappings as GetTable shows them, claims as ClaimsSource collects them.
    QList<MappingText> texts;
    for (const MappingState &state : std::as_const(m_mappings)) {
        const auto text = actions.table(state.name);
        QVERIFY(text);
        texts.append({state.name, DeviceNumber{state.major, state.minor}, text.value().toString()});
    }
    const ClaimsSnapshot snapshot = collectClaims(root, texts);
    const auto app = checkDraft(root, table, readOnly, snapshot.claimsExcept(QString()));

    if (expectedError.isEmpty()) {
        QVERIFY2(helper.has_value(), qPrintable(helper.has_value() ? QString() : helper.error().message));
        QVERIFY2(!app, qPrintable(app ? app->error.message : QString()));
        return;
    }
    QVERIFY(!helper.has_value());
    QVERIFY(app);
    QCOMPARE(helper.error().name, expectedError);
    QCOMPARE(app->error.name, helper.error().name);
    QCOMPARE(app->error.message, helper.error().message);
    QVERIFY2(helper.error().message.contains(expectedSegment), qPrintable(helper.error().message));
    if (app->segment >= 0) {
        QVERIFY(expectedSegment.startsWith(QStringLiteral("segment %1 ").arg(app->segment + 1)));
    }
}

QTEST_GUILESS_MAIN(TestClaimsAgreement)

#include "tst_claimsagreement.moc"
