// SPDX-License-Identifier: GPL-2.0-or-later
#include "blockdevicescanner.h"

#include "devicelog.h"
#include "deviceusage.h"
#include "filedescriptor.h"
#include "tabletext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <blkid/blkid.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <limits>
#include <memory>

namespace Volmap {

namespace {

// Hundreds of small sysfs reads per listing: plain syscalls, not QFile,
// and relative to the device's directory, opened once: a path walk of one
// or two components per attribute instead of the whole path through the
// /sys/class/block symlink each time (as lsblk reads them).
QByteArray readSmallFile(int directory, const char *name)
{
    const int fd = ::openat(directory, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return QByteArray();
    }
    char buffer[4096];
    const ssize_t length = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    return length > 0 ? QByteArray(buffer, length) : QByteArray();
}

/* All of a file that may be larger than a page (udev's database); nullopt if it cannot be opened. */
std::optional<QByteArray> readWholeFile(int directory, const char *name)
{
    const FileDescriptor fd(::openat(directory, name, O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return std::nullopt;
    }
    QByteArray content;
    char buffer[4096];
    ssize_t length;
    while ((length = ::read(fd.get(), buffer, sizeof buffer)) > 0) {
        content.append(buffer, length);
    }
    return content;
}

QString readAttribute(int directory, const char *name)
{
    const QByteArray content = readSmallFile(directory, name);
    const qsizetype end = content.indexOf('\n');
    return QString::fromUtf8(end < 0 ? content : content.first(end)).trimmed();
}

bool exists(int directory, const char *name)
{
    return ::faccessat(directory, name, F_OK, 0) == 0;
}

QStringList directoryEntries(int parent, const char *name)
{
    QStringList names;
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return names;
    }
    DIR *directory = ::fdopendir(fd);
    if (!directory) {
        ::close(fd);
        return names;
    }
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] != '.') {
            names.append(QString::fromUtf8(entry->d_name));
        }
    }
    ::closedir(directory);
    names.sort();
    return names;
}

/* A directory to read relative to: O_PATH, only a handle for openat(). */
int openDirectory(int parent, const QString &name)
{
    return ::openat(parent, QFile::encodeName(name).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

// udev's *_ENC values write unsafe bytes as \xNN.
QString decodeUdevString(const QString &text)
{
    QByteArray bytes;
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\\' && i + 3 < utf8.size() && utf8[i + 1] == 'x') {
            bool ok = false;
            const int value = utf8.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                bytes.append(char(value));
                i += 3;
                continue;
            }
        }
        bytes.append(utf8[i]);
    }
    return QString::fromUtf8(bytes);
}

// What a device's uevent file says: its number and whether it is a
// partition, so the separate `dev` and `partition` lookups are only needed
// where uevent lacks them (two fewer path walks per device).
struct Uevent
{
    std::optional<DeviceNumber> number;
    QString devName;
    QByteArray devType; // "disk" or "partition"; empty if not given
};

Uevent readUevent(int dir)
{
    Uevent uevent;
    std::optional<quint64> major;
    std::optional<quint64> minor;
    for (const QByteArray &line : readSmallFile(dir, "uevent").split('\n')) {
        if (line.startsWith("DEVNAME=")) {
            uevent.devName = QString::fromUtf8(line.mid(8));
        } else if (line.startsWith("DEVTYPE=")) {
            uevent.devType = line.mid(8);
        } else if (line.startsWith("MAJOR=")) {
            major = parseDecimal(QString::fromLatin1(line.mid(6)));
        } else if (line.startsWith("MINOR=")) {
            minor = parseDecimal(QString::fromLatin1(line.mid(6)));
        }
    }
    if (major && minor && *major <= std::numeric_limits<quint32>::max()
        && *minor <= std::numeric_limits<quint32>::max()) {
        uevent.number = DeviceNumber{quint32(*major), quint32(*minor)};
    }
    return uevent;
}

quint32 blockSize(int dir, const char *name)
{
    const auto value = parseDecimal(readAttribute(dir, name));
    return value && *value >= 512 ? quint32(*value) : 512;
}

struct ProbeDeleter
{
    void operator()(blkid_probe probe) const { blkid_free_probe(probe); }
};
using Probe = std::unique_ptr<std::remove_pointer_t<blkid_probe>, ProbeDeleter>;

// Copies the value at once: the pointer dies with the probe.
QString probeValue(blkid_probe probe, const char *name)
{
    const char *value = nullptr;
    if (blkid_probe_lookup_value(probe, name, &value, nullptr) != 0 || !value) {
        return QString();
    }
    return QString::fromUtf8(value);
}

} // namespace

QString kindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Disk:
        return QStringLiteral("disk");
    case DeviceKind::Partition:
        return QStringLiteral("part");
    case DeviceKind::Loop:
        return QStringLiteral("loop");
    case DeviceKind::DeviceMapper:
        return QStringLiteral("dm");
    case DeviceKind::Md:
        return QStringLiteral("md");
    case DeviceKind::Rom:
        return QStringLiteral("rom");
    case DeviceKind::Ram:
        return QStringLiteral("ram");
    case DeviceKind::Zram:
        return QStringLiteral("zram");
    }
    return QString();
}

QString BlockDeviceInfo::inUseReason() const
{
    if (!mountPoints.isEmpty()) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "mounted at %1")
            .arg(mountPoints.join(QStringLiteral(", ")));
    }
    if (swap) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "used as swap");
    }
    if (!holders.isEmpty()) {
        return QCoreApplication::translate("Volmap::BlockDeviceInfo", "held by %1")
            .arg(holders.join(QStringLiteral(", ")));
    }
    return QString();
}

struct BlockDeviceScanner::SystemState
{
    QHash<QString, QStringList> mountPoints; // "maj:min" -> mount points
    QList<DeviceNumber> swaps;
    // Opened for the scan by its caller, which closes them: each device's
    // files are looked up from here.
    int classBlock = -1; // /sys/class/block
    int udevData = -1;   // /run/udev/data
};

BlockDeviceScanner::BlockDeviceScanner(const QString &root)
    : m_root(root)
{}

BlockDeviceScanner::SystemState BlockDeviceScanner::readSystemState() const
{
    SystemState state;
    state.mountPoints = readMountPoints(m_root);
    state.swaps = readSwapDevices(m_root);
    return state;
}

QList<BlockDeviceInfo> BlockDeviceScanner::scanAll() const
{
    SystemState state = readSystemState();
    const FileDescriptor classBlock(openDirectory(AT_FDCWD, m_root + QStringLiteral("/sys/class/block")));
    const FileDescriptor udevData(openDirectory(AT_FDCWD, m_root + QStringLiteral("/run/udev/data")));
    state.classBlock = classBlock.get();
    state.udevData = udevData.get();
    const QStringList names = directoryEntries(classBlock.get(), ".");
    QList<BlockDeviceInfo> devices;
    QList<BlockDeviceInfo> partitions;
    for (const QString &name : std::as_const(names)) {
        if (auto device = scanOne(name, state)) {
            (device->kind == DeviceKind::Partition ? partitions : devices).append(std::move(*device));
        }
    }
    // Each partition right after its disk.
    for (const BlockDeviceInfo &partition : std::as_const(partitions)) {
        qsizetype at = devices.size();
        for (qsizetype i = 0; i < devices.size(); ++i) {
            if (devices[i].kernelName == partition.parent) {
                at = i + 1;
                while (at < devices.size() && devices[at].parent == partition.parent) {
                    ++at;
                }
                break;
            }
        }
        devices.insert(at, partition);
    }
    qCDebug(devicesLog, "scanned %lld block devices under %s/sys/class/block", qlonglong(devices.size()),
            qPrintable(m_root));
    return devices;
}

std::optional<BlockDeviceInfo> BlockDeviceScanner::scan(const QString &kernelName) const
{
    SystemState state = readSystemState();
    const FileDescriptor classBlock(openDirectory(AT_FDCWD, m_root + QStringLiteral("/sys/class/block")));
    const FileDescriptor udevData(openDirectory(AT_FDCWD, m_root + QStringLiteral("/run/udev/data")));
    state.classBlock = classBlock.get();
    state.udevData = udevData.get();
    return scanOne(kernelName, state);
}

std::optional<BlockDeviceInfo> BlockDeviceScanner::scanOne(const QString &kernelName,
                                                           const SystemState &state) const
{
    const FileDescriptor dir(openDirectory(state.classBlock, kernelName));
    const Uevent uevent = readUevent(dir.get());
    const auto number = uevent.number ? uevent.number : parseDeviceNumber(readAttribute(dir.get(), "dev"));
    const auto size = parseDecimal(readAttribute(dir.get(), "size"));
    if (!number || !size || *size == 0) {
        return std::nullopt; // gone, or empty (an unattached loop device)
    }
    BlockDeviceInfo device;
    device.kernelName = kernelName;
    device.number = *number;
    device.sizeInSectors = *size;
    device.node = QStringLiteral("/dev/") + (uevent.devName.isEmpty() ? kernelName : uevent.devName);

    // A partition's queue and device are its disk's.
    std::optional<FileDescriptor> parentDir;
    const bool isPartition = uevent.devType.isEmpty() ? exists(dir.get(), "partition")
                                                      : uevent.devType == "partition";
    if (isPartition) {
        device.kind = DeviceKind::Partition;
        const QString path = m_root + QStringLiteral("/sys/class/block/") + kernelName;
        const QString parentPath = QFileInfo(QFileInfo(path).canonicalFilePath()).path();
        device.parent = QFileInfo(parentPath).fileName();
        device.partitionStart = parseDecimal(readAttribute(dir.get(), "start")).value_or(0);
        parentDir.emplace(openDirectory(AT_FDCWD, parentPath));
    } else if (kernelName.startsWith(u"loop")) {
        device.kind = DeviceKind::Loop;
        device.loopBackingFile = readAttribute(dir.get(), "loop/backing_file");
    } else if (kernelName.startsWith(u"dm-")) {
        device.kind = DeviceKind::DeviceMapper;
        device.dmName = readAttribute(dir.get(), "dm/name");
        device.dmUuid = readAttribute(dir.get(), "dm/uuid");
    } else if (kernelName.startsWith(u"md")) {
        device.kind = DeviceKind::Md;
    } else if (kernelName.startsWith(u"ram")) {
        device.kind = DeviceKind::Ram;
    } else if (kernelName.startsWith(u"zram")) {
        device.kind = DeviceKind::Zram;
    } else if (kernelName.startsWith(u"sr") || readAttribute(dir.get(), "device/type") == u"5") {
        device.kind = DeviceKind::Rom;
    }
    const int owner = parentDir ? parentDir->get() : dir.get();
    device.logicalBlockSize = blockSize(owner, "queue/logical_block_size");
    device.physicalBlockSize = blockSize(owner, "queue/physical_block_size");
    device.readOnly = readAttribute(dir.get(), "ro") == u"1";
    device.removable = readAttribute(dir.get(), "removable") == u"1";
    if (device.kind != DeviceKind::Partition) {
        // Virtual devices (ram, loop, dm, zram) have no device link: one
        // lookup instead of two that fail, as ramdisks no longer read
        // device/type (name first), for each of 200 ramdisks.
        if (exists(dir.get(), "device")) {
            device.model = readAttribute(dir.get(), "device/model");
            device.serial = readAttribute(dir.get(), "device/serial");
        }
        if (device.serial.isEmpty()) {
            device.serial = readAttribute(dir.get(), "serial");
        }
    }
    device.mountPoints = state.mountPoints.value(device.number.toString());
    device.swap = state.swaps.contains(device.number);
    device.holders = directoryEntries(dir.get(), "holders");
    device.slaves = directoryEntries(dir.get(), "slaves");
    probeFilesystem(device, state.udevData);
    return device;
}

void BlockDeviceScanner::probeFilesystem(BlockDeviceInfo &device, int udevData) const
{
    // udev has probed every device already when it runs: reading its
    // database is far cheaper than opening each device, and works for
    // everyone. libblkid is for systems without udev (and root).
    const QByteArray name = "b" + device.number.toString().toLatin1();
    const std::optional<QByteArray> database = udevData < 0 ? std::nullopt
                                                            : readWholeFile(udevData, name.constData());
    const QList<QByteArray> lines = database ? database->split('\n') : QList<QByteArray>();
    if (lines.isEmpty()) {
        Probe probe(blkid_new_probe_from_filename(QFile::encodeName(m_root + device.node).constData()));
        if (!probe) {
            return; // unreadable and unknown to udev: sysfs facts only
        }
        blkid_probe_enable_superblocks(probe.get(), 1);
        blkid_probe_set_superblocks_flags(probe.get(),
                                          BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID | BLKID_SUBLKS_TYPE);
        blkid_probe_enable_partitions(probe.get(), 1);
        blkid_probe_set_partitions_flags(probe.get(), BLKID_PARTS_ENTRY_DETAILS);
        if (blkid_do_safeprobe(probe.get()) >= 0) {
            device.filesystemProbed = true;
            device.fsType = probeValue(probe.get(), "TYPE");
            device.fsLabel = probeValue(probe.get(), "LABEL");
            device.fsUuid = probeValue(probe.get(), "UUID");
            device.partTableType = probeValue(
                probe.get(), device.kind == DeviceKind::Partition ? "PART_ENTRY_SCHEME" : "PTTYPE");
            device.partUuid = probeValue(probe.get(), "PART_ENTRY_UUID");
        }
        return;
    }
    for (const QByteArray &line : lines) {
        const auto take = [&](const char *key, QString &into) {
            const QByteArray prefix = QByteArray("E:") + key + '=';
            if (line.startsWith(prefix)) {
                into = QString::fromUtf8(line.mid(prefix.size()));
            }
        };
        take("ID_FS_TYPE", device.fsType);
        take("ID_FS_LABEL_ENC", device.fsLabel);
        take("ID_FS_UUID", device.fsUuid);
        take("ID_PART_ENTRY_UUID", device.partUuid);
        take(device.kind == DeviceKind::Partition ? "ID_PART_ENTRY_SCHEME" : "ID_PART_TABLE_TYPE",
             device.partTableType);
        if (device.model.isEmpty()) {
            take("ID_MODEL", device.model);
        }
        if (device.serial.isEmpty()) {
            take("ID_SERIAL_SHORT", device.serial);
        }
    }
    device.fsLabel = decodeUdevString(device.fsLabel);
}

} // namespace Volmap
