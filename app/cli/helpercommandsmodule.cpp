// SPDX-License-Identifier: GPL-2.0-or-later
// The commands module's side of the helper commands module: loading it
// and calling its entry point.
#include "helpercommands.h"

#include "ctloutput.h"

namespace Volmap {

int runHelperCommand(const CtlOptions &options, bool interactive, const char *moduleDirectory)
{
    err().flush(); // what the module's loader says comes after what was said before
    const QByteArray command = options.command.toUtf8();
    void *run = loadCtlModule(moduleDirectory, "volmapctl-helper-commands.so", "volmapctl_run_helper_command",
                              "helper commands", command.constData());
    if (!run) {
        return ExitUnavailable;
    }
    return reinterpret_cast<VolmapctlRunHelperCommand *>(run)(&options, interactive);
}

} // namespace Volmap
