// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceidentity.h"

#include "filedescriptor.h"
#include "tabletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <fcntl.h>
#include <linux/loop.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap {

namespace {

using Kind = DeviceIdentity::Kind;

// sysfs attributes are short; a bound keeps a strange file from costing us.
constexpr qint64 MaxAttributeBytes = 64 * 1024;

QByteArray readBounded(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.read(MaxAttributeBytes);
}

QString attribute(const QString &path)
{
    return QString::fromUtf8(readBounded(path)).trimmed();
}

// "E:KEY=value" and "S:link" lines of udev's database entry for the device.
void readUdevDatabase(const QString &root, DeviceFacts &facts)
{
    const QList<QByteArray> lines =
        readBounded(root + QStringLiteral("/run/udev/data/b") + facts.number.toString()).split('\n');
    QString bus;
    QString serial;
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(u"S:disk/by-id/")) {
            facts.byIdNames.append(text.mid(13));
        } else if (text.startsWith(u"E:ID_PART_ENTRY_UUID=")) {
            facts.partUuid = text.mid(21);
        } else if (text.startsWith(u"E:ID_BUS=")) {
            bus = text.mid(9);
        } else if (text.startsWith(u"E:ID_SERIAL=")) {
            serial = text.mid(12);
        }
    }
    for (const QString &name : std::as_const(facts.byIdNames)) {
        if (name.startsWith(u"wwn-")) {
            facts.preferredById = name;
            return;
        }
    }
    const QString serialName = bus + u'-' + serial;
    if (!bus.isEmpty() && !serial.isEmpty() && facts.byIdNames.contains(serialName)) {
        facts.preferredById = serialName;
    }
}

struct FileNumber
{
    dev_t device = 0;
    ino_t inode = 0;
};

// The file loop device `kernelName` holds: the kernel's own record, which
// stays right when the path has since been replaced or is hidden from us
// (the helper's sandbox has no /home). In a test tree: what the path names.
std::optional<FileNumber> heldFile(const QString &root, const DeviceFacts &facts)
{
    if (!root.isEmpty()) {
        struct stat status
        {
        };
        if (::stat(QFile::encodeName(root + facts.backingFile).constData(), &status) != 0) {
            return std::nullopt;
        }
        return FileNumber{status.st_dev, status.st_ino};
    }
    const QByteArray node = QFile::encodeName(QStringLiteral("/dev/") + facts.kernelName);
    FileDescriptor fd(::open(node.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    struct loop_info64 info
    {
    };
    if (fd.get() < 0 || ::ioctl(fd.get(), LOOP_GET_STATUS64, &info) != 0) {
        return std::nullopt;
    }
    return FileNumber{dev_t(info.lo_device), ino_t(info.lo_inode)};
}

QString udevValue(const QString &root, const QString &number, QStringView key)
{
    const QList<QByteArray> lines =
        readBounded(root + QStringLiteral("/run/udev/data/b") + number).split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(u"E:") && text.sliced(2).startsWith(key)
            && text.sliced(2 + key.size()).startsWith(u'=')) {
            return text.sliced(3 + key.size());
        }
    }
    return {};
}

/*
 * Which file system holds `file`: a block device's file system uuid as
 * udev read it, as that survives the disk coming back under another
 * number; else (9p, NFS, btrfs: no block device of their own) statfs's
 * f_fsid, which such file systems derive from their uuid or their server,
 * read through the path if it still names that very file.
 */
struct Filesystem
{
    QString identity; // "uuid:..." or "fsid:..."
    QString problem;  // why there is none
};

Filesystem filesystemOf(const QString &root, const QString &path, FileNumber file)
{
    if (::major(file.device) != 0) {
        const QString uuid = udevValue(
            root, QStringLiteral("%1:%2").arg(::major(file.device)).arg(::minor(file.device)), u"ID_FS_UUID");
        if (!uuid.isEmpty()) {
            return {QStringLiteral("uuid:") + uuid, {}};
        }
    }
    const QByteArray name = QFile::encodeName(root + path);
    struct stat status
    {
    };
    struct statfs filesystem
    {
    };
    if (::stat(name.constData(), &status) != 0 || status.st_dev != file.device
        || status.st_ino != file.inode) {
        return {
            {},
            QStringLiteral("its path does not name the file the loop device holds (replaced since, or hidden "
                           "from the helper), and its file system has no uuid")};
    }
    quint64 fsid = 0;
    if (::statfs(name.constData(), &filesystem) == 0) {
        // The words in the order `stat --file-system --format=%i` prints them.
        int words[2] = {};
        std::memcpy(words, &filesystem.f_fsid, sizeof words);
        fsid = quint64(quint32(words[0])) << 32 | quint32(words[1]);
    }
    if (fsid == 0) {
        return {{},
                QStringLiteral("its file system has no identity (does anything on it survive a restart?)")};
    }
    return {QStringLiteral("fsid:%1").arg(fsid, 16, 16, QLatin1Char('0')), {}};
}

void readBackingFile(const QString &root, DeviceFacts &facts)
{
    const auto file = heldFile(root, facts);
    if (!file) {
        facts.backingProblem = QStringLiteral("it cannot be asked which file it holds");
        return;
    }
    const Filesystem filesystem = filesystemOf(root, facts.backingFile, *file);
    facts.backingProblem = filesystem.problem;
    if (filesystem.problem.isEmpty()) {
        facts.backingInode = file->inode;
        facts.backingFilesystem = filesystem.identity;
    }
}

std::optional<DeviceFacts> readFacts(const QString &root, const QString &kernelName)
{
    const QString link = root + QStringLiteral("/sys/class/block/") + kernelName;
    const QString dir = QFileInfo(link).canonicalFilePath();
    const auto number = parseDeviceNumber(attribute(dir + QStringLiteral("/dev")));
    if (dir.isEmpty() || !number) {
        return std::nullopt;
    }
    DeviceFacts facts;
    facts.number = *number;
    facts.kernelName = kernelName;
    facts.sectors = parseDecimal(attribute(dir + QStringLiteral("/size"))).value_or(0);
    facts.isDm = QFileInfo::exists(dir + QStringLiteral("/dm"));
    facts.dmUuid = attribute(dir + QStringLiteral("/dm/uuid"));
    facts.isLoop = kernelName.startsWith(u"loop") && !QFileInfo::exists(dir + QStringLiteral("/partition"));
    facts.backingFile = QString::fromUtf8(readBounded(dir + QStringLiteral("/loop/backing_file")));
    facts.backingFile.chop(facts.backingFile.endsWith(u'\n') ? 1 : 0);
    facts.loopOffset = parseDecimal(attribute(dir + QStringLiteral("/loop/offset"))).value_or(0);
    if (facts.isLoop && !facts.backingFile.isEmpty()) {
        readBackingFile(root, facts);
    }
    facts.isPartition = QFileInfo::exists(dir + QStringLiteral("/partition"));
    if (facts.isPartition) {
        facts.parent = parseDeviceNumber(attribute(QFileInfo(dir).path() + QStringLiteral("/dev")))
                           .value_or(DeviceNumber{});
    }
    readUdevDatabase(root, facts);
    if (facts.partUuid.isEmpty()) {
        for (const QString &line : attribute(dir + QStringLiteral("/uevent")).split(u'\n')) {
            if (line.startsWith(u"PARTUUID=")) {
                facts.partUuid = line.mid(9);
            }
        }
    }
    return facts;
}

const DeviceFacts *factsOf(DeviceNumber number, const QList<DeviceFacts> &all)
{
    for (const DeviceFacts &facts : all) {
        if (facts.number == number) {
            return &facts;
        }
    }
    return nullptr;
}

bool matches(const DeviceIdentity &identity, const DeviceFacts &device, const QList<DeviceFacts> &all)
{
    switch (identity.kind) {
    case Kind::DmUuid:
        return device.isDm && device.dmUuid == identity.value;
    case Kind::Disk:
        return !device.isPartition && device.byIdNames.contains(identity.value);
    case Kind::Loop:
        return device.isLoop && device.backingFile == identity.value && device.loopOffset == identity.offset;
    case Kind::Partition: {
        const DeviceFacts *disk = device.isPartition ? factsOf(device.parent, all) : nullptr;
        return disk && device.partUuid.compare(identity.value, Qt::CaseInsensitive) == 0
               && disk->byIdNames.contains(identity.parent);
    }
    }
    return false;
}

// Done if loop `device` holds the very file `identity` saved, else why not.
Result<Done, QString> checkSameFile(const DeviceIdentity &identity, const DeviceFacts &device)
{
    if (identity.kind != Kind::Loop || identity.filesystem.isEmpty()) {
        return Done{}; // saved before files were told apart: path, offset and size only
    }
    if (!device.backingProblem.isEmpty()) {
        return fail(
            QStringLiteral("/dev/%1 is on %2, but it cannot be checked that this is the saved file: %3")
                .arg(device.kernelName, identity.value, device.backingProblem));
    }
    if (device.backingInode == identity.inode && device.backingFilesystem == identity.filesystem) {
        return Done{};
    }
    return fail(QStringLiteral(
                    "/dev/%1 is on %2, but that is another file than the saved one (inode %3 on %4, saved: "
                    "inode %5 on %6); a replaced file is not used")
                    .arg(device.kernelName, identity.value)
                    .arg(device.backingInode)
                    .arg(device.backingFilesystem)
                    .arg(identity.inode)
                    .arg(identity.filesystem));
}

} // namespace

QList<DeviceFacts> scanDevices(const QString &root)
{
    QList<DeviceFacts> devices;
    const QStringList names = QDir(root + QStringLiteral("/sys/class/block"))
                                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
    for (const QString &name : names) {
        if (auto facts = readFacts(root, name)) {
            devices.append(std::move(*facts));
        }
    }
    return devices;
}

Result<DeviceIdentity, QString> identityOf(const DeviceFacts &device, const QList<DeviceFacts> &all)
{
    const QString name = QStringLiteral("/dev/") + device.kernelName;
    if (device.kernelName.startsWith(u"ram") || device.kernelName.startsWith(u"zram")) {
        return fail(QStringLiteral("%1 is a RAM disk: nothing on it survives a restart").arg(name));
    }
    DeviceIdentity identity;
    identity.sectors = device.sectors;
    if (device.isDm) {
        if (device.dmUuid.isEmpty()) {
            return fail(
                QStringLiteral("%1 is a device-mapper device without uuid, so it cannot be found again")
                    .arg(name));
        }
        identity.kind = Kind::DmUuid;
        identity.value = device.dmUuid;
    } else if (device.isLoop) {
        if (device.backingFile.isEmpty() || device.backingFile.endsWith(u" (deleted)")) {
            return fail(
                QStringLiteral("%1 is a loop device without a backing file, so it cannot be found again")
                    .arg(name));
        }
        if (!device.backingProblem.isEmpty()) {
            return fail(
                QStringLiteral(
                    "the file %1 holds (%2) cannot be told apart from another file put there later: %3")
                    .arg(name, device.backingFile, device.backingProblem));
        }
        identity.kind = Kind::Loop;
        identity.value = device.backingFile;
        identity.offset = device.loopOffset;
        identity.inode = device.backingInode;
        identity.filesystem = device.backingFilesystem;
    } else if (device.isPartition) {
        const DeviceFacts *disk = factsOf(device.parent, all);
        if (device.partUuid.isEmpty() || !disk || disk->preferredById.isEmpty()) {
            return fail(
                QStringLiteral("%1 has no PARTUUID on a disk with a WWN or serial number, so it cannot be "
                               "found again")
                    .arg(name));
        }
        identity.kind = Kind::Partition;
        identity.value = device.partUuid;
        identity.parent = disk->preferredById;
    } else {
        if (device.preferredById.isEmpty()) {
            return fail(
                QStringLiteral("%1 has neither a WWN nor a serial number, so it cannot be found again")
                    .arg(name));
        }
        identity.kind = Kind::Disk;
        identity.value = device.preferredById;
    }
    if (const auto checked = checkIdentity(identity); !checked) {
        return fail(QStringLiteral("%1 cannot be saved: %2").arg(name, checked.error()));
    }
    return identity;
}

MemberMatch findMember(const DeviceIdentity &identity, const QList<DeviceFacts> &all)
{
    QList<const DeviceFacts *> found;
    for (const DeviceFacts &device : all) {
        if (matches(identity, device, all)) {
            found.append(&device);
        }
    }
    if (found.isEmpty()) {
        return {MemberMatch::Result::Missing, {}, QStringLiteral("waiting for %1").arg(identity.describe())};
    }
    if (found.size() > 1) {
        return {MemberMatch::Result::Mismatch,
                {},
                QStringLiteral("%1 matches both /dev/%2 and /dev/%3; refusing to guess")
                    .arg(identity.describe(), found[0]->kernelName, found[1]->kernelName)};
    }
    const DeviceFacts &device = *found.constFirst();
    if (const auto checked = checkSameFile(identity, device); !checked) {
        return {MemberMatch::Result::Mismatch, {}, checked.error()};
    }
    if (device.sectors != identity.sectors) {
        return {MemberMatch::Result::Mismatch,
                {},
                QStringLiteral(
                    "/dev/%1 has %2 sectors, but the saved %3 had %4; a device of another size is not used")
                    .arg(device.kernelName)
                    .arg(device.sectors)
                    .arg(identity.describe())
                    .arg(identity.sectors)};
    }
    return {MemberMatch::Result::Found, device, {}};
}

} // namespace Volmap
