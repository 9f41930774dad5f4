// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Plain C++: the app's ClientError (Qt) and volmapctl's plain commands
// (libdbus, no Qt) both classify a failed helper call with it.

namespace Volmap {

/* Why a helper call failed, as the app tells a person. */
enum class ClientErrorKind {
    NotAuthorized,
    Dismissed,
    NoAuthenticationAgent,
    HelperMissing, // org.volmap.Helper1 cannot be activated: not installed
    NoSystemBus,
    KernelUnsupported,
    ModuleUnavailable,
    Busy,
    LimitsExceeded, // too many calls of this user (or of everyone) wait for authorization
    DeviceInUse,
    Overlap,
    ReadOnlyDevice, // a read-write table over a read-only device
    InvalidArgument,
    NotFound,
    Exists,
    Timeout,
    NoStableIdentity, // a mapping to be saved uses a device that cannot be found again after a restart
    Failed,
};

} // namespace Volmap
