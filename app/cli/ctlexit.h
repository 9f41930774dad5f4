// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Plain C++: the program's own main() and the plain commands module (no
// Qt) say these too.

#include "clienterrorkind.h"

namespace Volmap {

/* Exit statuses of volmapctl, for scripts. */
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitInvalid = 3,       // malformed name, table or option
    ExitNotAuthorized = 4, // refused, dismissed, or nobody could ask
    ExitNotFound = 5,
    ExitExists = 6,
    ExitInUse = 7,       // busy, device in use, overlap
    ExitUnavailable = 8, // no helper, no device-mapper, no module, no bus
};

/* The exit status of a command whose helper call failed so. */
int exitCodeFor(ClientErrorKind kind);

} // namespace Volmap
