#include "tablesecrets.h"

#include <cstring>

namespace Volmap {

namespace {

// Targets whose tables hold device names, numbers and flags, never keys.
constexpr const char *KeyFreeTargets[] = {
    "basic_target", "linear",  "zero",  "error", "striped", "mirror", "snapshot", "snapshot-origin", "thin",
    "thin-pool",    "cache",   "raid",  "multipath", "delay", "flakey", "verity", "era", "writecache",
};

bool isKeyFree(const char *target)
{
    for (const char *name : KeyFreeTargets) {
        if (std::strcmp(name, target) == 0) {
            return true;
        }
    }
    return false;
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
