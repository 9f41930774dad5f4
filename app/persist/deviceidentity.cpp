#include "deviceidentity.h"

#include "tabletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    facts.isPartition = QFileInfo::exists(dir + QStringLiteral("/partition"));
    if (facts.isPartition) {
        facts.parent = parseDeviceNumber(attribute(QFileInfo(dir).path() + QStringLiteral("/dev"))).value_or(DeviceNumber{});
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

std::variant<DeviceIdentity, QString> identityOf(const DeviceFacts &device, const QList<DeviceFacts> &all)
{
    const QString name = QStringLiteral("/dev/") + device.kernelName;
    if (device.kernelName.startsWith(u"ram") || device.kernelName.startsWith(u"zram")) {
        return QStringLiteral("%1 is a RAM disk: nothing on it survives a restart").arg(name);
    }
    DeviceIdentity identity;
    identity.sectors = device.sectors;
    if (device.isDm) {
        if (device.dmUuid.isEmpty()) {
            return QStringLiteral("%1 is a device-mapper device without uuid, so it cannot be found again").arg(name);
        }
        identity.kind = Kind::DmUuid;
        identity.value = device.dmUuid;
    } else if (device.isLoop) {
        if (device.backingFile.isEmpty() || device.backingFile.endsWith(u" (deleted)")) {
            return QStringLiteral("%1 is a loop device without a backing file, so it cannot be found again").arg(name);
        }
        identity.kind = Kind::Loop;
        identity.value = device.backingFile;
        identity.offset = device.loopOffset;
    } else if (device.isPartition) {
        const DeviceFacts *disk = factsOf(device.parent, all);
        if (device.partUuid.isEmpty() || !disk || disk->preferredById.isEmpty()) {
            return QStringLiteral("%1 has no PARTUUID on a disk with a WWN or serial number, so it cannot be found again")
                .arg(name);
        }
        identity.kind = Kind::Partition;
        identity.value = device.partUuid;
        identity.parent = disk->preferredById;
    } else {
        if (device.preferredById.isEmpty()) {
            return QStringLiteral("%1 has neither a WWN nor a serial number, so it cannot be found again").arg(name);
        }
        identity.kind = Kind::Disk;
        identity.value = device.preferredById;
    }
    if (auto problem = identityProblem(identity)) {
        return QStringLiteral("%1 cannot be saved: %2").arg(name, *problem);
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
        return {MemberMatch::Result::Mismatch, {},
                QStringLiteral("%1 matches both /dev/%2 and /dev/%3; refusing to guess")
                    .arg(identity.describe(), found[0]->kernelName, found[1]->kernelName)};
    }
    const DeviceFacts &device = *found.constFirst();
    if (device.sectors != identity.sectors) {
        return {MemberMatch::Result::Mismatch, {},
                QStringLiteral("/dev/%1 has %2 sectors, but the saved %3 had %4; a device of another size is not used")
                    .arg(device.kernelName)
                    .arg(device.sectors)
                    .arg(identity.describe())
                    .arg(identity.sectors)};
    }
    return {MemberMatch::Result::Found, device, {}};
}

} // namespace Volmap
