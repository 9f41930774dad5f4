// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctloptions.h"

// The helper commands module's two entry points, looked up by these names
// (dlsym): its version, which must be volmapctl's own, and the command.
// `options` is only read; the result is the command's ExitCode.
extern "C" {
using VolmapctlModuleVersion = const char *();
using VolmapctlRunHelperCommand = int(const Volmap::CtlOptions *options, bool interactive);
}

namespace Volmap {

/*
 * Loads the helper commands module from its one fixed path (the install's
 * private library folder; the build tree's, for the build tree's own
 * volmapctl) and runs options.command in it. Never a path from the
 * environment or the working directory. The exit status; ExitUnavailable
 * after saying why if the module is missing or of another version.
 */
int runHelperCommand(const CtlOptions &options, bool interactive);

} // namespace Volmap
