// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlmodule.h"

#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <string>

namespace Volmap {

void *loadCtlModule(const char *directory, const char *file, const char *entry, const char *what,
                    const char *command)
{
    const std::string path = std::string(directory) + '/' + file;
    void *module = ::dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!module) {
        std::fprintf(stderr, "volmapctl: cannot load the %s: %s\n", what, ::dlerror());
        if (command) {
            std::fprintf(stderr, "volmapctl: %s needs them; is volmapctl installed completely?\n", command);
        } else {
            std::fprintf(stderr, "volmapctl: only 'devices' and 'devices --json' work without them; is "
                                 "volmapctl installed completely?\n");
        }
        return nullptr;
    }
    auto *version = reinterpret_cast<VolmapctlModuleVersion *>(::dlsym(module, "volmapctl_module_version"));
    if (!version || std::strcmp(version(), VOLMAP_VERSION) != 0) {
        std::fprintf(stderr, "volmapctl: %s is not the %s module of volmapctl %s\n", path.c_str(), what,
                     VOLMAP_VERSION);
        return nullptr;
    }
    void *function = ::dlsym(module, entry);
    if (!function) {
        std::fprintf(stderr, "volmapctl: %s has no entry point: %s\n", path.c_str(), ::dlerror());
        return nullptr;
    }
    // Never unloaded: the module's Qt types and threads live until the process exits.
    return function;
}

} // namespace Volmap
