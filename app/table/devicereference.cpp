// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicereference.h"

#include "tablegrammar.h"
#include "tabletext.h"

namespace Volmap {

namespace {

constexpr qsizetype MaxPathLength = 4095;

Result<Done, QString> checkPath(QStringView path)
{
    if (!path.startsWith(u"/dev/")) {
        return fail(TableMessages::tr("must be major:minor or an absolute path under /dev"));
    }
    if (path.size() > MaxPathLength) {
        return fail(TableMessages::tr("path is too long"));
    }
    for (const QChar c : path) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f) {
            return fail(TableMessages::tr("path may only contain printable ASCII without blanks"));
        }
    }
    const QStringView rest = path.sliced(5);
    for (const QStringView component : rest.split(u'/')) {
        if (component.isEmpty() || component == u"." || component == u"..") {
            return fail(TableMessages::tr("path must not contain empty, '.' or '..' components"));
        }
    }
    return Done{};
}

} // namespace

QString DeviceReference::toString() const
{
    if (const auto *number = std::get_if<DeviceNumber>(&value)) {
        return number->toString();
    }
    return std::get<QString>(value);
}

std::optional<DeviceNumber> parseDeviceNumber(QStringView text)
{
    auto parsed = parseDeviceReference(text);
    if (parsed && parsed->isNumber()) {
        return std::get<DeviceNumber>(parsed->value);
    }
    return std::nullopt;
}

Result<DeviceReference, QString> parseDeviceReference(QStringView text)
{
    if (text.isEmpty()) {
        return fail(TableMessages::tr("device is empty"));
    }
    if (text.startsWith(u'/')) {
        if (const auto checked = checkPath(text); !checked) {
            return fail(TableMessages::tr("device %1: %2").arg(quotedInput(text), checked.error()));
        }
        return DeviceReference{text.toString()};
    }
    const qsizetype colon = text.indexOf(u':');
    const auto major = colon > 0 ? parseDecimal(text.first(colon)) : std::nullopt;
    const auto minor = colon > 0 ? parseDecimal(text.sliced(colon + 1)) : std::nullopt;
    if (!major || !minor) {
        return fail(TableMessages::tr("device %1 must be major:minor or an absolute path under /dev")
                        .arg(quotedInput(text)));
    }
    if (*major > Grammar::MaxDeviceMajor || *minor > Grammar::MaxDeviceMinor) {
        return fail(TableMessages::tr("device %1: device number out of range").arg(quotedInput(text)));
    }
    return DeviceReference{DeviceNumber{quint32(*major), quint32(*minor)}};
}

} // namespace Volmap
