// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingowner.h"

#include "devicereference.h"
#include "helperprotocol.h"
#include "mappingname.h"

#include <QCoreApplication>

#include <algorithm>

namespace Volmap {

namespace {

// crypt: "<start> <length> crypt <cipher> <key> <iv_offset> <device> <offset> [...]"
constexpr qsizetype CryptKeyField = 4;

bool isKeyringReference(QStringView key)
{
    return key.startsWith(u':');
}

// dm-integrity's keyed options: "internal_hash:<alg>[:<key>]", "journal_crypt:…", "journal_mac:…".
QString withoutIntegrityKey(const QString &argument)
{
    static const QStringList keyed{QStringLiteral("internal_hash:"), QStringLiteral("journal_crypt:"),
                                   QStringLiteral("journal_mac:")};
    for (const QString &option : keyed) {
        if (argument.startsWith(option)) {
            const qsizetype keyColon = argument.indexOf(u':', option.size());
            return keyColon < 0 ? argument : argument.left(keyColon) + QStringLiteral(":-");
        }
    }
    return argument;
}

QString redactLine(const QString &line)
{
    QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
    if (fields.size() < 3 || fields.first().startsWith(u'#')) {
        return line;
    }
    if (fields[2] == u"crypt" && fields.size() > CryptKeyField
        && !isKeyringReference(fields[CryptKeyField])) {
        fields[CryptKeyField] = QStringLiteral("-");
    } else if (fields[2] == u"integrity") {
        for (QString &field : fields) {
            field = withoutIntegrityKey(field);
        }
    }
    return fields.join(u' ');
}

} // namespace

OwnerTool ownerOf(const QString &uuid)
{
    if (uuid.isEmpty()) {
        return OwnerTool::None;
    }
    if (uuid.startsWith(VolmapUuidPrefix)) {
        return OwnerTool::VolumeMapper;
    }
    if (uuid.startsWith(u"LVM-")) {
        return OwnerTool::Lvm;
    }
    if (uuid.startsWith(u"CRYPT-")) {
        return OwnerTool::Crypt;
    }
    if (uuid.startsWith(u"mpath-")) {
        return OwnerTool::Multipath;
    }
    if (uuid.startsWith(u"part")) {
        return OwnerTool::Partitions;
    }
    return OwnerTool::Other;
}

QString ownerName(OwnerTool owner)
{
    switch (owner) {
    case OwnerTool::None:
        return QCoreApplication::translate("Volmap::MappingOwner", "none (no uuid)");
    case OwnerTool::VolumeMapper:
        return QCoreApplication::translate("Volmap::MappingOwner", "Volume Mapper");
    case OwnerTool::Lvm:
        return QCoreApplication::translate("Volmap::MappingOwner", "LVM");
    case OwnerTool::Crypt:
        return QCoreApplication::translate("Volmap::MappingOwner", "dm-crypt (cryptsetup)");
    case OwnerTool::Multipath:
        return QCoreApplication::translate("Volmap::MappingOwner", "multipath");
    case OwnerTool::Partitions:
        return QCoreApplication::translate("Volmap::MappingOwner", "partition mapping (kpartx)");
    case OwnerTool::Other:
        return QCoreApplication::translate("Volmap::MappingOwner", "another tool");
    }
    return QString();
}

bool editorCanOpen(const QString &uuid, const QStringList &targets)
{
    const OwnerTool owner = ownerOf(uuid);
    if (owner != OwnerTool::VolumeMapper && owner != OwnerTool::None) {
        return false;
    }
    static const QStringList editable{HelperProtocol::BasicTargetName.toString(), QStringLiteral("linear"),
                                      QStringLiteral("zero"), QStringLiteral("error")};
    return std::all_of(targets.cbegin(), targets.cend(),
                       [](const QString &target) { return editable.contains(target); });
}

bool editorCanOpen(const QString &uuid, const MappingTable &table)
{
    QStringList targets;
    for (const Segment &segment : table.segments) {
        targets.append(segment.target);
    }
    return editorCanOpen(uuid, targets);
}

QString redactTableSecrets(const QString &tableText)
{
    QStringList lines = tableText.split(u'\n');
    for (QString &line : lines) {
        // Tabs separate fields as well as spaces.
        line = redactLine(QString(line).replace(u'\t', u' '));
    }
    return lines.join(u'\n');
}

QStringList devicesOfSegment(const Segment &segment)
{
    QStringList devices;
    for (const QString &argument : segment.args) {
        if (argument.startsWith(QStringLiteral("/dev/")) || parseDeviceNumber(argument)) {
            devices.append(argument);
        }
    }
    return devices;
}

} // namespace Volmap
