// SPDX-License-Identifier: GPL-2.0-or-later
#include "clienterrortable.h"

#include "helpererrornames.h"

#include <algorithm>
#include <iterator>

// lupdate finds the texts by this macro's name; without Qt it is the text
// itself (ClientError translates at run time).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace Volmap {

namespace {

namespace N = HelperErrorName;
constexpr HelperErrorMeaning helperErrorTable[] = {
    {N::NotAuthorized, ClientErrorKind::NotAuthorized},
    {N::Dismissed, ClientErrorKind::Dismissed},
    {N::NoAuthenticationAgent, ClientErrorKind::NoAuthenticationAgent},
    {N::InvalidArgument, ClientErrorKind::InvalidArgument},
    {N::NotFound, ClientErrorKind::NotFound},
    {N::Exists, ClientErrorKind::Exists},
    {N::Busy, ClientErrorKind::Busy},
    {N::DeviceInUse, ClientErrorKind::DeviceInUse},
    {N::ReadOnlyDevice, ClientErrorKind::ReadOnlyDevice},
    {N::Overlap, ClientErrorKind::Overlap},
    {N::KernelUnsupported, ClientErrorKind::KernelUnsupported},
    {N::ModuleUnavailable, ClientErrorKind::ModuleUnavailable},
    {N::Failed, ClientErrorKind::Failed},
    {N::LimitsExceeded, ClientErrorKind::LimitsExceeded},
    {N::NoStableIdentity, ClientErrorKind::NoStableIdentity},
};

const char *const noAnswerText = QT_TRANSLATE_NOOP("Volmap::ClientError",
                                                   "the helper did not answer in time (%1)");
const char *const disconnectedText = QT_TRANSLATE_NOOP("Volmap::ClientError",
                                                       "no connection to the D-Bus system bus: %1");

struct BusErrorMeaning
{
    std::string_view name;
    DBusErrorMeaning meaning;
};
// The bus's own errors a call to the helper can end in (the names QDBusError
// gives its ServiceUnknown, AccessDenied, NoReply, Timeout, TimedOut and
// Disconnected types).
const BusErrorMeaning busErrorTable[] = {
    {"org.freedesktop.DBus.Error.ServiceUnknown",
     {ClientErrorKind::HelperMissing,
      QT_TRANSLATE_NOOP(
          "Volmap::ClientError",
          "the Volume Mapper helper (org.volmap.Helper1) is not installed or cannot be started; "
          "install the volmap-helper package")}},
    {"org.freedesktop.DBus.Error.AccessDenied",
     {ClientErrorKind::NotAuthorized,
      QT_TRANSLATE_NOOP("Volmap::ClientError", "the system bus refused the call: %1")}},
    {"org.freedesktop.DBus.Error.NoReply", {ClientErrorKind::Timeout, noAnswerText}},
    {"org.freedesktop.DBus.Error.Timeout", {ClientErrorKind::Timeout, noAnswerText}},
    {"org.freedesktop.DBus.Error.TimedOut", {ClientErrorKind::Timeout, noAnswerText}},
    {"org.freedesktop.DBus.Error.Disconnected", {ClientErrorKind::NoSystemBus, disconnectedText}},
};

} // namespace

std::span<const HelperErrorMeaning> helperErrors()
{
    return helperErrorTable;
}

DBusErrorMeaning meaningOfDBusError(std::string_view name)
{
    for (const HelperErrorMeaning &entry : helperErrorTable) {
        if (name == entry.name) {
            return {entry.kind, nullptr};
        }
    }
    const auto bus = std::find_if(std::begin(busErrorTable), std::end(busErrorTable),
                                  [name](const BusErrorMeaning &entry) { return entry.name == name; });
    return bus != std::end(busErrorTable) ? bus->meaning : DBusErrorMeaning{};
}

const char *noSystemBusText()
{
    return disconnectedText;
}

const char *titleText(ClientErrorKind kind)
{
    switch (kind) {
    case ClientErrorKind::NotAuthorized:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Not authorized");
    case ClientErrorKind::Dismissed:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Authentication dismissed");
    case ClientErrorKind::NoAuthenticationAgent:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "No authentication agent");
    case ClientErrorKind::HelperMissing:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Helper not installed");
    case ClientErrorKind::NoSystemBus:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "No system bus");
    case ClientErrorKind::KernelUnsupported:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Kernel without device-mapper");
    case ClientErrorKind::ModuleUnavailable:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Kernel module not available");
    case ClientErrorKind::Busy:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Busy");
    case ClientErrorKind::LimitsExceeded:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Too many requests waiting");
    case ClientErrorKind::DeviceInUse:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Device in use");
    case ClientErrorKind::Overlap:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Overlaps another mapping");
    case ClientErrorKind::ReadOnlyDevice:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Device is read-only");
    case ClientErrorKind::InvalidArgument:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Invalid input");
    case ClientErrorKind::NotFound:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "No such mapping");
    case ClientErrorKind::Exists:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Mapping exists");
    case ClientErrorKind::Timeout:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "No answer");
    case ClientErrorKind::NoStableIdentity:
        return QT_TRANSLATE_NOOP("Volmap::ClientError", "Cannot be recreated at startup");
    case ClientErrorKind::Failed:
        break;
    }
    return QT_TRANSLATE_NOOP("Volmap::ClientError", "Failed");
}

std::string withDetail(std::string_view text, std::string_view detail)
{
    std::string result(text);
    if (const auto at = result.find("%1"); at != std::string::npos) {
        result.replace(at, 2, detail);
    }
    return result;
}

} // namespace Volmap
