// SPDX-License-Identifier: GPL-2.0-or-later
#include "saveddefinition.h"

#include "mappingname.h"
#include "tabletext.h"

#include <QHash>
#include <QSet>

namespace Volmap {

namespace {

using Kind = DeviceIdentity::Kind;

constexpr qsizetype MaxIdLength = 32;
constexpr qsizetype MaxValueLength = 4096;

QString kindKeyword(Kind kind)
{
    switch (kind) {
    case Kind::DmUuid:
        return QStringLiteral("dm-uuid");
    case Kind::Disk:
        return QStringLiteral("disk");
    case Kind::Partition:
        return QStringLiteral("partition");
    case Kind::Loop:
        return QStringLiteral("loop");
    }
    return {};
}

std::optional<Kind> kindOf(QStringView keyword)
{
    for (const Kind kind : {Kind::DmUuid, Kind::Disk, Kind::Partition, Kind::Loop}) {
        if (keyword == kindKeyword(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A word: printable, no blank, no '/', as udev by-id names, dm uuids and PARTUUIDs are.
bool isWord(QStringView text)
{
    if (text.isEmpty() || text.size() > MaxValueLength) {
        return false;
    }
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == u'/' || c == u'$' || c == u'#') {
            return false;
        }
    }
    return true;
}

bool isMemberId(QStringView id)
{
    if (id.isEmpty() || id.size() > MaxIdLength) {
        return false;
    }
    for (const QChar c : id) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
              || c == u'_')) {
            return false;
        }
    }
    return true;
}

// `count` blank-separated fields, then whatever follows the next run of blanks (may be empty).
QList<QStringView> splitFields(QStringView line, int count)
{
    QList<QStringView> fields;
    qsizetype at = 0;
    while (at < line.size() && fields.size() < count) {
        while (at < line.size() && isBlank(line[at])) {
            ++at;
        }
        qsizetype end = at;
        while (end < line.size() && !isBlank(line[end])) {
            ++end;
        }
        if (end > at) {
            fields.append(line.sliced(at, end - at));
        }
        at = end;
    }
    while (at < line.size() && isBlank(line[at])) {
        ++at;
    }
    fields.append(line.sliced(at));
    return fields;
}

Result<DeviceIdentity, QString> parseIdentity(Kind kind, QStringView sectors, QStringView rest)
{
    DeviceIdentity identity;
    identity.kind = kind;
    const auto size = parseDecimal(sectors);
    if (!size || *size == 0) {
        return fail(
            QStringLiteral("the size must be a number of sectors above 0, not %1").arg(quotedInput(sectors)));
    }
    identity.sectors = *size;
    // A loop member's path is the rest of the line, blanks and all.
    const QList<QStringView> fields = splitFields(rest, kind == Kind::Partition ? 2 : 1);
    if (kind == Kind::Loop) {
        const auto offset = parseDecimal(fields.value(0));
        if (!offset) {
            return fail(QStringLiteral("a loop member needs an offset in bytes, then the backing file"));
        }
        identity.offset = *offset;
        identity.value = fields.value(1).toString();
    } else {
        identity.value = fields.value(0).toString();
        if (kind == Kind::Partition) {
            identity.parent = fields.value(1).toString();
        }
        if (!fields.constLast().isEmpty() && fields.size() > (kind == Kind::Partition ? 2 : 1)) {
            return fail(QStringLiteral("unexpected text after the identity: %1")
                            .arg(quotedInput(fields.constLast())));
        }
    }
    if (const auto checked = checkIdentity(identity); !checked) {
        return fail(checked.error());
    }
    return identity;
}

struct Reader
{
    SavedDefinition definition;
    QSet<QString> ids;
    bool headerSeen = false;
    bool nameSeen = false;

    Result<Done, QString> member(QStringView line)
    {
        const QList<QStringView> fields = splitFields(line, 4);
        if (fields.size() < 5 || fields[4].isEmpty()) {
            return fail(QStringLiteral("expected 'member <id> <kind> <sectors> <identity>'"));
        }
        if (!isMemberId(fields[1])) {
            return fail(QStringLiteral("a member id is 1-%1 letters, digits or '_', not %2")
                            .arg(MaxIdLength)
                            .arg(quotedInput(fields[1])));
        }
        if (ids.contains(fields[1].toString())) {
            return fail(QStringLiteral("member %1 is declared twice").arg(fields[1]));
        }
        const auto kind = kindOf(fields[2]);
        if (!kind) {
            return fail(QStringLiteral("unknown member kind %1 (dm-uuid, disk, partition or loop)")
                            .arg(quotedInput(fields[2])));
        }
        if (definition.members.size() >= DefinitionFormat::MaxMembers) {
            return fail(QStringLiteral("more than %1 members").arg(DefinitionFormat::MaxMembers));
        }
        auto identity = parseIdentity(*kind, fields[3], fields[4]);
        if (!identity) {
            return fail(std::move(identity).error());
        }
        ids.insert(fields[1].toString());
        definition.members.append({fields[1].toString(), *identity});
        return Done{};
    }

    Result<Done, QString> uuid(QStringView uuid)
    {
        if (!definition.uuid.isEmpty()) {
            return fail(QStringLiteral("the uuid is given twice"));
        }
        if (!checkMappingUuid(uuid) || !creatorOfUuid(uuid)) {
            return fail(QStringLiteral("the uuid must be a Volume Mapper uuid, VOLMAP-U<uid>-..., not %1")
                            .arg(quotedInput(uuid)));
        }
        definition.uuid = uuid.toString();
        return Done{};
    }

    // "file <id> <inode> <filesystem>": which file a loop member's path named.
    Result<Done, QString> file(QStringView line)
    {
        const QList<QStringView> fields = splitFields(line, 4);
        if (fields.size() < 5 || !fields[4].isEmpty()) {
            return fail(QStringLiteral("expected 'file <id> <inode> <filesystem>'"));
        }
        SavedMember *member = nullptr;
        for (SavedMember &candidate : definition.members) {
            member = candidate.id == fields[1] ? &candidate : member;
        }
        if (!member || member->identity.kind != Kind::Loop) {
            return fail(QStringLiteral("%1 is not a loop member declared above").arg(quotedInput(fields[1])));
        }
        if (!member->identity.filesystem.isEmpty()) {
            return fail(QStringLiteral("the file of member %1 is given twice").arg(member->id));
        }
        const auto inode = parseDecimal(fields[2]);
        if (!inode || *inode == 0) {
            return fail(QStringLiteral("an inode number above 0, not %1").arg(quotedInput(fields[2])));
        }
        if (const auto checked = checkFilesystem(fields[3]); !checked) {
            return fail(checked.error());
        }
        member->identity.inode = *inode;
        member->identity.filesystem = fields[3].toString();
        return Done{};
    }

    Result<Done, QString> line(QStringView line)
    {
        if (!headerSeen) {
            headerSeen = true;
            if (line != DefinitionFormat::Header) {
                return fail(QStringLiteral("the first line must be '%1'").arg(DefinitionFormat::Header));
            }
            return Done{};
        }
        const QList<QStringView> fields = splitFields(line, 1);
        if (fields[0] == u"name") {
            if (nameSeen) {
                return fail(QStringLiteral("the name is given twice"));
            }
            nameSeen = true;
            definition.name = fields[1].toString();
            return checkMappingName(definition.name);
        }
        if (fields[0] == u"uuid") {
            return uuid(fields[1]);
        }
        if (fields[0] == u"member") {
            return member(line);
        }
        if (fields[0] == u"file") {
            return file(line);
        }
        return fail(
            QStringLiteral("unknown line %1 (name, uuid, member, file or table)").arg(quotedInput(line)));
    }

    Result<Done, QString> table(QStringView text, int firstLine)
    {
        ParsedTable parsed = parseTable(text, TableLimits{.maxIssues = 1});
        if (!parsed.ok()) {
            const TableIssue &issue = parsed.issues.constFirst();
            return fail(QStringLiteral("line %1: %2").arg(issue.line + firstLine).arg(issue.message));
        }
        if (parsed.table.segments.isEmpty()) {
            return fail(QStringLiteral("the table is empty"));
        }
        QSet<QString> used;
        for (const Segment &segment : std::as_const(parsed.table.segments)) {
            for (const QString &arg : segment.args) {
                if (!arg.startsWith(u'$')) {
                    continue;
                }
                if (!ids.contains(arg.mid(1))) {
                    return fail(QStringLiteral("line %1: %2 is not a declared member")
                                    .arg(segment.line + firstLine)
                                    .arg(quotedInput(arg)));
                }
                used.insert(arg.mid(1));
            }
        }
        for (const SavedMember &member : std::as_const(definition.members)) {
            if (!used.contains(member.id)) {
                return fail(QStringLiteral("member %1 is not used by the table").arg(member.id));
            }
        }
        definition.table = std::move(parsed.table);
        return Done{};
    }
};

Result<Done, QString> checkControlCharacters(QStringView text)
{
    int line = 1;
    for (const QChar c : text) {
        if (c == u'\n') {
            ++line;
        } else if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f
                   || c == QChar::ReplacementCharacter) {
            return fail(QStringLiteral("line %1: control character or invalid UTF-8").arg(line));
        }
    }
    return Done{};
}

} // namespace

QString DeviceIdentity::describe() const
{
    switch (kind) {
    case Kind::DmUuid:
        return QStringLiteral("device-mapper device with uuid %1 (%2 sectors)").arg(value).arg(sectors);
    case Kind::Disk:
        return QStringLiteral("disk /dev/disk/by-id/%1 (%2 sectors)").arg(value).arg(sectors);
    case Kind::Partition:
        return QStringLiteral("partition PARTUUID=%1 on disk %2 (%3 sectors)")
            .arg(value, parent)
            .arg(sectors);
    case Kind::Loop:
        return QStringLiteral("loop device on %1 (offset %2, %3 sectors)")
            .arg(value)
            .arg(offset)
            .arg(sectors);
    }
    return {};
}

Result<Done, QString> checkFilesystem(QStringView filesystem)
{
    if (filesystem.startsWith(u"uuid:") && isWord(filesystem.sliced(5))) {
        return Done{};
    }
    const auto isHexDigit = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); };
    if (filesystem.startsWith(u"fsid:") && filesystem.size() == 21
        && std::all_of(filesystem.begin() + 5, filesystem.end(), isHexDigit)) {
        return Done{};
    }
    return fail(QStringLiteral("a file system is 'uuid:<uuid>' or 'fsid:' and 16 hex digits, not %1")
                    .arg(quotedInput(filesystem)));
}

Result<Done, QString> checkIdentity(const DeviceIdentity &identity)
{
    if (identity.sectors == 0) {
        return fail(QStringLiteral("the size must be above 0 sectors"));
    }
    if (identity.kind == Kind::Loop) {
        if (!identity.value.startsWith(u'/') || identity.value.size() > MaxValueLength) {
            return fail(QStringLiteral("a loop member's backing file must be an absolute path"));
        }
        if (isBlank(identity.value.back()) || !checkControlCharacters(identity.value)) {
            return fail(QStringLiteral(
                "a loop member's backing file must not end in a blank or hold control characters"));
        }
        if (!identity.filesystem.isEmpty()) {
            if (identity.inode == 0) {
                return fail(QStringLiteral("the inode number must be above 0"));
            }
            return checkFilesystem(identity.filesystem);
        }
        return Done{};
    }
    if (!isWord(identity.value) || (identity.kind == Kind::Partition && !isWord(identity.parent))) {
        return fail(
            QStringLiteral("an identity is one word of printable characters without '/', '$' or '#'"));
    }
    return Done{};
}

Result<SavedDefinition, QString> parseDefinition(QStringView text)
{
    if (text.size() > DefinitionFormat::MaxBytes) {
        return fail(QStringLiteral("larger than %1 bytes").arg(DefinitionFormat::MaxBytes));
    }
    if (const auto checked = checkControlCharacters(text); !checked) {
        return fail(checked.error());
    }
    Reader reader;
    int number = 0;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = text.indexOf(u'\n', at);
        end = end < 0 ? text.size() : end;
        const QStringView line = text.sliced(at, end - at);
        at = end + 1;
        ++number;
        if (line.trimmed().isEmpty() || line.startsWith(u'#')) {
            continue;
        }
        if (line == u"table" && reader.nameSeen) {
            if (const auto checked = reader.table(text.sliced(qMin(at, text.size())), number); !checked) {
                return fail(checked.error());
            }
            return reader.definition;
        }
        if (const auto checked = reader.line(line); !checked) {
            return fail(QStringLiteral("line %1: %2").arg(number).arg(checked.error()));
        }
    }
    return fail(reader.nameSeen ? QStringLiteral("no 'table' line") : QStringLiteral("no 'name' line"));
}

QString formatDefinition(const SavedDefinition &definition)
{
    QString text = QStringLiteral(
        "# A mapping Volume Mapper recreates at startup; format: volmap-helper(8).\n");
    text += DefinitionFormat::Header;
    text += u'\n';
    text += QStringLiteral("name %1\n").arg(definition.name);
    if (!definition.uuid.isEmpty()) {
        text += QStringLiteral("uuid %1\n").arg(definition.uuid);
    }
    for (const SavedMember &member : definition.members) {
        const DeviceIdentity &identity = member.identity;
        text += QStringLiteral("member %1 %2 %3 ")
                    .arg(member.id, kindKeyword(identity.kind))
                    .arg(identity.sectors);
        if (identity.kind == Kind::Loop) {
            text += QStringLiteral("%1 ").arg(identity.offset);
        }
        text += identity.value;
        if (identity.kind == Kind::Partition) {
            text += u' ' + identity.parent;
        }
        text += u'\n';
        if (identity.kind == Kind::Loop && !identity.filesystem.isEmpty()) {
            text +=
                QStringLiteral("file %1 %2 %3\n").arg(member.id).arg(identity.inode).arg(identity.filesystem);
        }
    }
    text += QStringLiteral("table\n");
    text += formatTable(definition.table);
    if (!text.endsWith(u'\n')) {
        text += u'\n';
    }
    return text;
}

MappingTable substituteMembers(const MappingTable &table, const QHash<QString, QString> &devices)
{
    MappingTable result = table;
    for (Segment &segment : result.segments) {
        for (QString &arg : segment.args) {
            if (arg.startsWith(u'$')) {
                arg = devices.value(arg.mid(1), arg);
            }
        }
    }
    return result;
}

} // namespace Volmap
