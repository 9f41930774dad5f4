// SPDX-License-Identifier: GPL-2.0-or-later
// Saved members found again by identity in a fake sysfs and udev tree:
// which identity each kind of device gets, loops that come back in the
// other order, and every reason a definition waits or is refused.
#include "assemblyplan.h"

#include "fakes/fakesystem.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

using State = AssemblyPlan::State;

QList<Segment> segments(const char *text)
{
    QList<Segment> result;
    for (const QString &line : QString::fromLatin1(text).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u' ');
        result.append({fields[0].toULongLong(), fields[1].toULongLong(), fields[2], fields.mid(3), 0});
    }
    return result;
}

// The backing files of the fake loop devices: one folder that every Machine
// shows as /srv, so a file saved on one "boot" is the same file on the next.
QString backingFiles()
{
    static QTemporaryDir dir;
    return dir.path();
}

// Writes the backing file `name` in backingFiles() unless it is there.
void ensureFile(const QString &name)
{
    QFile file(backingFiles() + u'/' + name);
    if (!file.exists()) {
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(4096, 'x')) == 4096);
    }
}

// A machine with two loop devices, a disk by WWN, one by serial with a partition, a dm device and a RAM disk.
class Machine
{
public:
    explicit Machine(const QString &loop0File = QStringLiteral("/srv/a.img"),
                     const QString &loop1File = QStringLiteral("/srv/b.img"))
    {
        QVERIFY(QFile::link(backingFiles(), root() + QStringLiteral("/srv")));
        ensureFile(QStringLiteral("a.img"));
        ensureFile(QStringLiteral("b.img"));
        QVERIFY(m_system.addDevice(QStringLiteral("loop0"), 7, 0, 2048));
        QVERIFY(m_system.addDevice(QStringLiteral("loop1"), 7, 1, 2048));
        QVERIFY(m_system.addDevice(QStringLiteral("loop2"), 7, 2, 2048));
        QVERIFY(m_system.addDevice(QStringLiteral("sdb"), 8, 16, 4194304));
        QVERIFY(m_system.addDevice(QStringLiteral("sdc"), 8, 32, 2097152));
        QVERIFY(m_system.addDevice(QStringLiteral("sdc1"), 8, 33, 1000000, QStringLiteral("sdc"), 2048));
        QVERIFY(m_system.addDevice(QStringLiteral("sdd"), 8, 48, 2097152));
        QVERIFY(m_system.addDevice(QStringLiteral("dm-0"), 254, 0, 8192));
        QVERIFY(m_system.addDevice(QStringLiteral("dm-1"), 254, 1, 8192));
        QVERIFY(m_system.addDevice(QStringLiteral("ram0"), 1, 0, 8192));
        setLoop(QStringLiteral("loop0"), loop0File);
        setLoop(QStringLiteral("loop1"), loop1File);
        udev(QStringLiteral("8:16"), "S:disk/by-id/ata-QEMU_HARDDISK_QM1\nS:disk/by-id/wwn-0x5000aa\n"
                                     "E:ID_BUS=ata\nE:ID_SERIAL=QEMU_HARDDISK_QM1\n");
        udev(QStringLiteral("8:32"),
             "S:disk/by-id/ata-QEMU_HARDDISK_QM2\nE:ID_BUS=ata\nE:ID_SERIAL=QEMU_HARDDISK_QM2\n");
        udev(QStringLiteral("8:33"),
             "S:disk/by-id/ata-QEMU_HARDDISK_QM2-part1\nE:ID_PART_ENTRY_UUID=6a7b-01\n");
        sys(QStringLiteral("dm-0/dm/uuid"), "LVM-abc\n");
        sys(QStringLiteral("dm-1/dm/uuid"), "\n");
    }

    QString root() const { return m_system.root(); }
    void sys(const QString &path, const QByteArray &content)
    {
        writeFile(root() + QStringLiteral("/sys/class/block/") + path, content);
    }
    void udev(const QString &number, const QByteArray &content)
    {
        writeFile(root() + QStringLiteral("/run/udev/data/b") + number, content);
    }
    void setLoop(const QString &name, const QString &file, quint64 offset = 0)
    {
        sys(name + QStringLiteral("/loop/backing_file"), file.toUtf8() + '\n');
        sys(name + QStringLiteral("/loop/offset"), QByteArray::number(offset) + '\n');
    }
    void mount(const QByteArray &number)
    {
        writeFile(root() + QStringLiteral("/proc/self/mountinfo"),
                  "25 1 0:1 / / rw - tmpfs none rw\n40 25 " + number + " / /mnt rw - ext4 /dev/x rw\n");
    }
    AssemblyPlan plan(const SavedDefinition &definition, const QList<LiveMapping> &live = {})
    {
        SystemDeviceInspector inspector(root());
        return planAssembly(definition, scanDevices(root()), live, inspector);
    }

private:
    FakeSystem m_system;
};

const DeviceFacts *named(const QList<DeviceFacts> &all, QStringView name)
{
    for (const DeviceFacts &facts : all) {
        if (facts.kernelName == name) {
            return &facts;
        }
    }
    return nullptr;
}

// The two-loop concatenation saved on the first machine.
SavedDefinition concatenation()
{
    Machine first;
    MappingTable table{segments("0 2048 linear 7:0 0\n2048 2048 linear 7:1 0")};
    auto definition = definitionOf(QStringLiteral("data"), {}, table, scanDevices(first.root()));
    return definition.value();
}

} // namespace

class TestAssemblyPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void identities_data();
    void identities();
    void savedTable();
    void unsavable();
    void otherOrderAfterRestart();
    void memberMissing();
    void memberDiffers();
    void memberFileReplaced();
    void filesystemByUuid();
    void uuidKeptUnlessTaken();
    void memberInUse();
    void nameTaken();
};

void TestAssemblyPlan::initTestCase()
{
    if (::geteuid() != 0) {
        QSKIP("the fake /dev needs mknod, so root");
    }
}

void TestAssemblyPlan::identities_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("expected"); // describe(), or the start of the refusal
    QTest::newRow("loop") << "loop0"
                          << "loop device on /srv/a.img (offset 0, 2048 sectors)";
    QTest::newRow("disk by wwn") << "sdb"
                                 << "disk /dev/disk/by-id/wwn-0x5000aa (4194304 sectors)";
    QTest::newRow("disk by serial") << "sdc"
                                    << "disk /dev/disk/by-id/ata-QEMU_HARDDISK_QM2 (2097152 sectors)";
    QTest::newRow("partition")
        << "sdc1"
        << "partition PARTUUID=6a7b-01 on disk ata-QEMU_HARDDISK_QM2 (1000000 sectors)";
    QTest::newRow("dm") << "dm-0"
                        << "device-mapper device with uuid LVM-abc (8192 sectors)";
    QTest::newRow("ram") << "ram0"
                         << "/dev/ram0 is a RAM disk";
    QTest::newRow("bare loop") << "loop2"
                               << "/dev/loop2 is a loop device without a backing file";
    QTest::newRow("no serial") << "sdd"
                               << "/dev/sdd has neither a WWN nor a serial number";
    QTest::newRow("dm without uuid") << "dm-1"
                                     << "/dev/dm-1 is a device-mapper device without uuid";
}

void TestAssemblyPlan::identities()
{
    QFETCH(QString, device);
    QFETCH(QString, expected);
    Machine machine;
    const QList<DeviceFacts> all = scanDevices(machine.root());
    const DeviceFacts *facts = named(all, device);
    QVERIFY(facts);
    const auto identity = identityOf(*facts, all);
    if (!identity) {
        QVERIFY2(identity.error().startsWith(expected), qPrintable(identity.error()));
        return;
    }
    QCOMPARE(identity.value().describe(), expected);
    // And the identity finds that device again, and only it.
    const MemberMatch match = findMember(identity.value(), all);
    QCOMPARE(match.result, MemberMatch::Result::Found);
    QCOMPARE(match.device.kernelName, device);
}

void TestAssemblyPlan::savedTable()
{
    const SavedDefinition definition = concatenation();
    QCOMPARE(definition.members.size(), 2);
    QCOMPARE(definition.members[0].identity.value, QStringLiteral("/srv/a.img"));
    QCOMPARE(definition.members[1].identity.value, QStringLiteral("/srv/b.img"));
    // Each loop member also names its file, by inode and file system.
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(backingFiles() + QStringLiteral("/b.img")).constData(), &status), 0);
    QCOMPARE(definition.members[1].identity.inode, quint64(status.st_ino));
    QVERIFY2(definition.members[1].identity.filesystem.startsWith(u"fsid:"),
             qPrintable(definition.members[1].identity.filesystem));
    QVERIFY(definition.uuid.isEmpty());
    QCOMPARE(definition.table.segments[0].args, (QStringList{QStringLiteral("$m1"), QStringLiteral("0")}));
    QCOMPARE(definition.table.segments[1].args, (QStringList{QStringLiteral("$m2"), QStringLiteral("0")}));
    // What is saved reads back as it was written.
    QCOMPARE(parseDefinition(formatDefinition(definition)).value(), definition);
}

void TestAssemblyPlan::unsavable()
{
    Machine machine;
    const QList<DeviceFacts> all = scanDevices(machine.root());
    auto ram = definitionOf(QStringLiteral("data"), {},
                            {segments("0 2048 linear 7:0 0\n2048 2048 linear 1:0 0")}, all);
    QVERIFY(ram.error().contains(u"RAM disk"));
    auto opaque = definitionOf(QStringLiteral("data"), {}, {segments("0 2048 mystery 7:0 0")}, all);
    QVERIFY(opaque.error().contains(u"cannot be told"));
    // A loop whose file cannot be looked at could later hold any file.
    machine.setLoop(QStringLiteral("loop2"), QStringLiteral("/srv/gone.img"));
    auto unseen = definitionOf(QStringLiteral("data"), {}, {segments("0 2048 linear 7:2 0")},
                               scanDevices(machine.root()));
    QVERIFY2(unseen.error().contains(u"cannot be told apart from another file"), qPrintable(unseen.error()));
}

void TestAssemblyPlan::otherOrderAfterRestart()
{
    // The next boot attaches the files the other way round.
    Machine next(QStringLiteral("/srv/b.img"), QStringLiteral("/srv/a.img"));
    const AssemblyPlan plan = next.plan(concatenation());
    QCOMPARE(plan.reason, QStringLiteral("every member is present and free; not assembled yet"));
    QCOMPARE(plan.state, State::Ready);
    QCOMPARE(plan.table, QStringLiteral("0 2048 linear 7:1 0\n2048 2048 linear 7:0 0\n"));
}

void TestAssemblyPlan::memberMissing()
{
    Machine next(QStringLiteral("/srv/a.img"), QStringLiteral("/srv/other.img"));
    const AssemblyPlan plan = next.plan(concatenation());
    QCOMPARE(plan.state, State::Waiting);
    QCOMPARE(plan.reason, QStringLiteral("waiting for loop device on /srv/b.img (offset 0, 2048 sectors)"));
    QCOMPARE(stateName(plan.state), QStringLiteral("waiting"));
    // It appears: now it can be assembled.
    next.setLoop(QStringLiteral("loop2"), QStringLiteral("/srv/b.img"));
    QCOMPARE(next.plan(concatenation()).state, State::Ready);
}

void TestAssemblyPlan::memberDiffers()
{
    Machine grown;
    grown.sys(QStringLiteral("loop1/size"), "4096\n");
    const AssemblyPlan plan = grown.plan(concatenation());
    QCOMPARE(plan.state, State::Refused);
    QVERIFY2(plan.reason.contains(u"/dev/loop1 has 4096 sectors"), qPrintable(plan.reason));

    Machine twice;
    twice.setLoop(QStringLiteral("loop2"), QStringLiteral("/srv/b.img"));
    const AssemblyPlan ambiguous = twice.plan(concatenation());
    QCOMPARE(ambiguous.state, State::Refused);
    QVERIFY2(ambiguous.reason.contains(u"matches both /dev/loop1 and /dev/loop2"),
             qPrintable(ambiguous.reason));

    Machine shifted;
    shifted.setLoop(QStringLiteral("loop1"), QStringLiteral("/srv/b.img"), 512);
    QCOMPARE(shifted.plan(concatenation()).state, State::Waiting);
}

void TestAssemblyPlan::memberFileReplaced()
{
    const SavedDefinition saved = concatenation();
    // b.img replaced by another file of the same size at the same path; the
    // old one is kept aside so its inode number cannot be reused.
    const QString path = backingFiles() + QStringLiteral("/b.img");
    const QString aside = backingFiles() + QStringLiteral("/b.old");
    QVERIFY(QFile::rename(path, aside));
    ensureFile(QStringLiteral("b.img"));
    Machine next(QStringLiteral("/srv/b.img"), QStringLiteral("/srv/a.img"));
    const AssemblyPlan plan = next.plan(saved);
    QCOMPARE(plan.state, State::Refused);
    QVERIFY2(
        plan.reason.startsWith(u"/dev/loop0 is on /srv/b.img, but that is another file than the saved one"),
        qPrintable(plan.reason));
    QVERIFY2(plan.reason.endsWith(u"a replaced file is not used"), qPrintable(plan.reason));

    // A definition from before files were told apart goes by path, offset and size.
    SavedDefinition older = saved;
    for (SavedMember &member : older.members) {
        member.identity.inode = 0;
        member.identity.filesystem.clear();
    }
    QCOMPARE(parseDefinition(formatDefinition(older)).value(), older);
    QCOMPARE(next.plan(older).state, State::Ready);

    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::rename(aside, path));
    QCOMPARE(next.plan(saved).state, State::Ready);
}

void TestAssemblyPlan::filesystemByUuid()
{
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(backingFiles() + QStringLiteral("/a.img")).constData(), &status), 0);
    if (::major(status.st_dev) == 0) {
        QSKIP("the scratch folder is on a file system without a block device");
    }
    // udev knows the file system's uuid: it is saved rather than f_fsid,
    // which may follow the device number.
    Machine machine;
    machine.udev(QStringLiteral("%1:%2").arg(::major(status.st_dev)).arg(::minor(status.st_dev)),
                 "E:ID_FS_TYPE=ext4\nE:ID_FS_UUID=0f1e2d3c-aaaa\n");
    const QList<DeviceFacts> all = scanDevices(machine.root());
    const auto identity = identityOf(*named(all, u"loop0"), all);
    QCOMPARE(identity.value().filesystem, QStringLiteral("uuid:0f1e2d3c-aaaa"));
    QCOMPARE(identity.value().inode, quint64(status.st_ino));
}

void TestAssemblyPlan::uuidKeptUnlessTaken()
{
    Machine machine;
    const MappingTable table{segments("0 2048 linear 7:0 0\n2048 2048 linear 7:1 0")};
    const QString uuid = QStringLiteral("VOLMAP-U1000-5b1c");
    auto saved = definitionOf(QStringLiteral("data"), uuid, table, scanDevices(machine.root())).value();
    QCOMPARE(saved.uuid, uuid);
    QCOMPARE(parseDefinition(formatDefinition(saved)).value(), saved);
    // Not Volume Mapper's, or of no known creator: not saved, assembled as root's.
    for (const char *foreign : {"LVM-abc", "VOLMAP-5b1c", ""}) {
        auto other = definitionOf(QStringLiteral("data"), QString::fromLatin1(foreign), table,
                                  scanDevices(machine.root()));
        QVERIFY2(other.value().uuid.isEmpty(), foreign);
    }
    // Another live mapping with that uuid: dm would refuse it, so the plan does first.
    const AssemblyPlan taken = machine.plan(saved,
                                            {{QStringLiteral("copy"), segments("0 8 zero"), {}, uuid}});
    QCOMPARE(taken.state, State::Refused);
    QCOMPARE(taken.reason, QStringLiteral("mapping 'copy' has the saved uuid VOLMAP-U1000-5b1c"));
}

void TestAssemblyPlan::memberInUse()
{
    Machine mounted;
    mounted.mount("7:1");
    const AssemblyPlan plan = mounted.plan(concatenation());
    QCOMPARE(plan.state, State::Refused);
    QVERIFY2(plan.reason.contains(u"mounted at /mnt"), qPrintable(plan.reason));

    Machine shared;
    const AssemblyPlan overlap = shared.plan(
        concatenation(), {{QStringLiteral("other"), segments("0 100 linear 7:0 2000"), {{7, 0}}, {}}});
    QCOMPARE(overlap.state, State::Refused);
    QVERIFY2(overlap.reason.contains(u"other"), qPrintable(overlap.reason));

    // A table that does not fit its members is refused by the create path's own checks.
    SavedDefinition tooLong = concatenation();
    tooLong.table.segments[1].length = 4096;
    QCOMPARE(shared.plan(tooLong).state, State::Refused);
}

void TestAssemblyPlan::nameTaken()
{
    Machine machine;
    const QList<Segment> same = segments("0 2048 linear 7:0 0\n2048 2048 linear 7:1 0");
    const AssemblyPlan assembled = machine.plan(concatenation(), {{QStringLiteral("data"), same, {}, {}}});
    QCOMPARE(assembled.state, State::Assembled);
    QCOMPARE(stateName(assembled.state), QStringLiteral("assembled"));

    const AssemblyPlan taken = machine.plan(concatenation(),
                                            {{QStringLiteral("data"), segments("0 4096 zero"), {}, {}}});
    QCOMPARE(taken.state, State::Refused);
    QVERIFY2(taken.reason.contains(u"exists with another table"), qPrintable(taken.reason));
}

QTEST_GUILESS_MAIN(TestAssemblyPlan)
#include "tst_assemblyplan.moc"
