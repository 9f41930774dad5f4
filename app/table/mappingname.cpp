// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingname.h"

#include "tabletext.h"

#include <QUuid>

namespace Volmap {

namespace {

constexpr qsizetype MaxNameLength = 127;
constexpr qsizetype MaxUuidLength = 128;

bool isAlphanumeric(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

Result<Done, QString> checkCharset(QStringView text, QStringView extra, const QString &what)
{
    for (const QChar c : text) {
        if (!isAlphanumeric(c) && !extra.contains(c)) {
            return fail(TableMessages::tr("%1 may only contain letters, digits and '%2'").arg(what, extra));
        }
    }
    return Done{};
}

} // namespace

Result<Done, QString> checkMappingName(QStringView name)
{
    const QString what = TableMessages::tr("a mapping name");
    if (name.isEmpty()) {
        return fail(TableMessages::tr("a mapping name must not be empty"));
    }
    if (name.size() > MaxNameLength) {
        return fail(TableMessages::tr("a mapping name may be at most %1 characters long").arg(MaxNameLength));
    }
    if (auto checked = checkCharset(name, u"._+-", what); !checked) {
        return checked;
    }
    if (!isAlphanumeric(name.front())) {
        return fail(TableMessages::tr("a mapping name must start with a letter or a digit"));
    }
    // /dev/mapper/control is device-mapper's own node; a mapping by that
    // name would have no node of its own.
    if (name == u"control") {
        return fail(TableMessages::tr("'control' is reserved for device-mapper's control node"));
    }
    return Done{};
}

Result<Done, QString> checkMappingUuid(QStringView uuid)
{
    if (uuid.isEmpty()) {
        return fail(TableMessages::tr("a mapping uuid must not be empty"));
    }
    if (uuid.size() > MaxUuidLength) {
        return fail(TableMessages::tr("a mapping uuid may be at most %1 characters long").arg(MaxUuidLength));
    }
    return checkCharset(uuid, u"._+:-", TableMessages::tr("a mapping uuid"));
}

QString newVolmapUuid(uint creatorUid)
{
    return QStringLiteral("%1U%2-%3")
        .arg(VolmapUuidPrefix)
        .arg(creatorUid)
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

std::optional<uint> creatorOfUuid(QStringView uuid)
{
    if (!uuid.startsWith(VolmapUuidPrefix)) {
        return std::nullopt;
    }
    const QStringView rest = uuid.sliced(VolmapUuidPrefix.size());
    const qsizetype dash = rest.indexOf(u'-');
    if (!rest.startsWith(u'U') || dash < 2) {
        return std::nullopt;
    }
    const auto uid = parseDecimal(rest.sliced(1, dash - 1));
    if (!uid || *uid > std::numeric_limits<uint>::max()) {
        return std::nullopt;
    }
    return uint(*uid);
}

} // namespace Volmap
