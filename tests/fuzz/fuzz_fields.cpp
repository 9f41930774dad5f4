// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the small parsers of the table grammar in app/table,
// which also check what the helper is asked over D-Bus: parseDecimal(),
// parseDeviceReference() and parseDeviceNumber(), checkMappingName() and
// checkMappingUuid(). Each must agree with the plain reference below on
// the whole input, on each line and on each field of it, print back what
// it accepted, and refuse with a short, printable message.

#include "devicereference.h"
#include "fuzzcheck.h"
#include "mappingname.h"
#include "tabletext.h"

#include <algorithm>

using namespace Volmap;
using namespace VolmapFuzz;

namespace {

constexpr quint64 MaxMajor = (1u << 12) - 1;
constexpr quint64 MaxMinor = (1u << 20) - 1;

bool isAsciiAlphanumeric(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

bool referenceNameOk(QStringView name)
{
    if (name.isEmpty() || name.size() > 127 || !isAsciiAlphanumeric(name[0])) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return isAsciiAlphanumeric(c) || c == u'.' || c == u'_' || c == u'+' || c == u'-';
    });
}

bool referenceUuidOk(QStringView uuid)
{
    if (uuid.isEmpty() || uuid.size() > 128) {
        return false;
    }
    return std::all_of(uuid.begin(), uuid.end(), [](QChar c) {
        return isAsciiAlphanumeric(c) || c == u'.' || c == u'_' || c == u'+' || c == u':' || c == u'-';
    });
}

bool referencePathOk(QStringView path)
{
    if (!path.startsWith(u"/dev/") || path.size() > 4095) {
        return false;
    }
    for (const QChar c : path) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return false;
        }
    }
    // After "/dev/": components separated by single slashes, none "." or "..".
    qsizetype begin = 5;
    while (true) {
        qsizetype end = path.indexOf(u'/', begin);
        if (end < 0) {
            end = path.size();
        }
        const QStringView component = path.sliced(begin, end - begin);
        if (component.isEmpty() || component == u"." || component == u"..") {
            return false;
        }
        if (end == path.size()) {
            return true;
        }
        begin = end + 1;
    }
}

std::optional<DeviceNumber> referenceNumber(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0) {
        return std::nullopt;
    }
    const auto major = referenceDecimal(text.first(colon));
    const auto minor = referenceDecimal(text.sliced(colon + 1));
    if (!major || !minor || *major > MaxMajor || *minor > MaxMinor) {
        return std::nullopt;
    }
    return DeviceNumber{quint32(*major), quint32(*minor)};
}

void checkDecimal(QStringView text)
{
    const auto parsed = parseDecimal(text);
    const auto expected = referenceDecimal(text);
    check(parsed == expected, "parseDecimal agrees with the reference", text);
    if (parsed) {
        qsizetype zeros = 0;
        while (zeros + 1 < text.size() && text[zeros] == u'0') {
            ++zeros;
        }
        check(QString::number(*parsed) == text.sliced(zeros),
              "a decimal prints back without its leading zeros", text);
    }
}

void checkDeviceReference(QStringView text)
{
    const auto parsed = parseDeviceReference(text);
    if (!parsed) {
        checkMessage(parsed.error());
        check(text.startsWith(u'/') ? !referencePathOk(text) : !referenceNumber(text),
              "parseDeviceReference refuses only what the reference refuses", text);
        check(!parseDeviceNumber(text), "parseDeviceNumber refuses what parseDeviceReference refuses", text);
        return;
    }
    const auto &reference = *parsed;
    if (reference.isNumber()) {
        const auto expected = referenceNumber(text);
        check(!text.startsWith(u'/') && expected && *expected == std::get<DeviceNumber>(reference.value),
              "a device number agrees with the reference", text);
        check(parseDeviceNumber(text) == expected, "parseDeviceNumber agrees with parseDeviceReference",
              text);
    } else {
        check(referencePathOk(text) && reference.toString() == text, "a device path is accepted verbatim",
              text);
        check(!parseDeviceNumber(text), "a path is not a device number", text);
    }
    const auto again = parseDeviceReference(reference.toString());
    check(again && again->value == reference.value, "a device reference prints back to itself", text);
}

void checkNames(QStringView text)
{
    const auto name = checkMappingName(text);
    check(name.has_value() == referenceNameOk(text), "checkMappingName agrees with the reference", text);
    if (!name) {
        checkMessage(name.error());
    }
    const auto uuid = checkMappingUuid(text);
    check(uuid.has_value() == referenceUuidOk(text), "checkMappingUuid agrees with the reference", text);
    if (!uuid) {
        checkMessage(uuid.error());
    }
}

void checkAll(QStringView text)
{
    checkDecimal(text);
    checkDeviceReference(text);
    checkNames(text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    checkAll(text);
    for (const QStringView line : QStringView(text).split(u'\n')) {
        checkAll(line);
        for (const QStringView field : fieldsOf(line)) {
            checkAll(field);
        }
    }
    return 0;
}
