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
}

namespace Volmap {

/*
 * Loads the helper commands module from `moduleDirectory` (volmapctl's
 * fixed folder of modules, ctlmodule.h) and runs options.command in it.
 * The exit status; ExitUnavailable after saying why if the module is
 * missing or of another version.
 */
int runHelperCommand(const CtlOptions &options, bool interactive, const char *moduleDirectory);

} // namespace Volmap
