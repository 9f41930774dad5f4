// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctlmodule.h"
#include "ctloptions.h"

// The helper commands module's entry points, looked up by these names
// (dlsym): volmapctl_module_version (ctlmodule.h), which must be
// volmapctl's own, and the command. `options` is only read; the result is
// the command's ExitCode.
extern "C" {
using VolmapctlRunHelperCommand = int(const Volmap::CtlOptions *options, bool interactive);
// Defined in the helper commands module (helpercommandsentry.cpp).
VolmapctlRunHelperCommand volmapctl_run_helper_command;
}

namespace Volmap {

/*
 * Runs options.command in the helper commands module: in the commands
 * module, loads it from `moduleDirectory` (volmapctl's fixed folder of
 * modules, ctlmodule.h) first. The exit status; ExitUnavailable after
 * saying why if the module is missing or of another version.
 */
int runHelperCommand(const CtlOptions &options, bool interactive, const char *moduleDirectory);

} // namespace Volmap
