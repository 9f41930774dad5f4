// SPDX-License-Identifier: GPL-2.0-or-later
// The helper commands module's side of main() (commandsmain.cpp, which
// this module holds too, so the program can load it alone): the helper
// commands are here already, nothing to load.
#include "helpercommands.h"

namespace Volmap {

int runHelperCommand(const CtlOptions &options, bool interactive, const char * /*moduleDirectory*/)
{
    return volmapctl_run_helper_command(&options, interactive);
}

} // namespace Volmap
