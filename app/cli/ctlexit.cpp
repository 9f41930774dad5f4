// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlexit.h"

namespace Volmap {

int exitCodeFor(ClientErrorKind kind)
{
    switch (kind) {
    case ClientErrorKind::InvalidArgument:
    case ClientErrorKind::NoStableIdentity: // the table, or the choice to save it, has to change
        return ExitInvalid;
    case ClientErrorKind::NotAuthorized:
    case ClientErrorKind::Dismissed:
    case ClientErrorKind::NoAuthenticationAgent:
        return ExitNotAuthorized;
    case ClientErrorKind::NotFound:
        return ExitNotFound;
    case ClientErrorKind::Exists:
        return ExitExists;
    case ClientErrorKind::Busy:
    case ClientErrorKind::LimitsExceeded:
    case ClientErrorKind::DeviceInUse:
    case ClientErrorKind::Overlap:
    case ClientErrorKind::ReadOnlyDevice:
        return ExitInUse;
    case ClientErrorKind::HelperMissing:
    case ClientErrorKind::NoSystemBus:
    case ClientErrorKind::KernelUnsupported:
    case ClientErrorKind::ModuleUnavailable:
        return ExitUnavailable;
    case ClientErrorKind::Timeout:
    case ClientErrorKind::Failed:
        break;
    }
    return ExitFailed;
}

} // namespace Volmap
