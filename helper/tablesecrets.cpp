// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablesecrets.h"

#include "helperprotocol.h"

#include <algorithm>
#include <cstring>

namespace Volmap {

namespace {

// Targets whose tables hold device names, numbers and flags, never keys.
constexpr QStringView KeyFreeTargets[] = {
    HelperProtocol::BasicTargetName,
    u"linear",
    u"zero",
    u"error",
    u"striped",
    u"mirror",
    u"snapshot",
    u"snapshot-origin",
    u"thin",
    u"thin-pool",
    u"cache",
    u"raid",
    u"multipath",
    u"delay",
    u"flakey",
    u"verity",
    u"era",
    u"writecache",
};

bool isKeyFree(const char *target)
{
    const QString name = QString::fromLatin1(target);
    return std::find(std::cbegin(KeyFreeTargets), std::cend(KeyFreeTargets), name)
           != std::cend(KeyFreeTargets);
}

} // namespace

QString parametersWithoutSecrets(const char *target, const char *parameters)
{
    if (!target || !parameters) {
        return QString();
    }
    if (isKeyFree(target)) {
        return QString::fromUtf8(parameters);
    }
    if (std::strcmp(target, "crypt") != 0) {
        return QStringLiteral("-");
    }
    // crypt: "<cipher> <key> <iv_offset> <device> <offset> [<#opt_params> <opt_params>]"
    const char *keyStart = std::strchr(parameters, ' ');
    if (!keyStart) {
        return QStringLiteral("-");
    }
    ++keyStart;
    const char *keyEnd = std::strchr(keyStart, ' ');
    if (!keyEnd) {
        keyEnd = keyStart + std::strlen(keyStart);
    }
    if (*keyStart == ':') {
        return QString::fromUtf8(parameters); // a keyring reference, not a key
    }
    return QString::fromUtf8(parameters, keyStart - parameters) + u'-' + QString::fromUtf8(keyEnd);
}

} // namespace Volmap
