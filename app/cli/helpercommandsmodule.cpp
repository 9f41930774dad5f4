// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl's side of the helper commands module: where it is, and the
// checks before its entry point runs.
#include "helpercommands.h"

#include "ctloutput.h"

#include <QByteArray>

#include <climits>
#include <dlfcn.h>
#include <unistd.h>

namespace Volmap {

namespace {

int unavailable()
{
    err().flush();
    return ExitUnavailable;
}

/* The build tree's volmapctl loads the build tree's module; any other copy the installed one. */
QByteArray modulePath()
{
    // The kernel's word for where this program is, not argv[0] or $PATH.
    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self);
    if (length > 0 && QByteArray(self, length) == QByteArrayLiteral(VOLMAPCTL_BUILD_TREE_BINARY)) {
        return QByteArrayLiteral(VOLMAPCTL_BUILD_TREE_MODULE);
    }
    return QByteArrayLiteral(VOLMAPCTL_MODULE);
}

} // namespace

int runHelperCommand(const CtlOptions &options, bool interactive)
{
    const QByteArray path = modulePath();
    // RTLD_NOW: a missing library of the module (libQt6DBus) fails here,
    // with its name, not halfway through a command.
    void *module = ::dlopen(path.constData(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        err() << "volmapctl: cannot load the helper commands: " << ::dlerror()
              << "\nvolmapctl: " << options.command << " needs them; is volmapctl installed completely?\n";
        return unavailable();
    }
    auto *version = reinterpret_cast<VolmapctlModuleVersion *>(::dlsym(module, "volmapctl_module_version"));
    if (!version || qstrcmp(version(), VOLMAP_VERSION) != 0) {
        err() << "volmapctl: " << path << " is not the helper commands module of volmapctl " << VOLMAP_VERSION
              << '\n';
        return unavailable();
    }
    auto *run = reinterpret_cast<VolmapctlRunHelperCommand *>(
        ::dlsym(module, "volmapctl_run_helper_command"));
    if (!run) {
        err() << "volmapctl: " << path << " has no entry point: " << ::dlerror() << '\n';
        return unavailable();
    }
    // Never unloaded: the module's Qt types and the bus connection's
    // thread live until the process exits.
    return run(&options, interactive);
}

} // namespace Volmap
