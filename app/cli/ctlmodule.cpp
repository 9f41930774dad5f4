// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlmodule.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <iterator>
#include <string>
#include <string_view>

namespace Volmap {

namespace {

enum class Failure { None, Load, Version, Entry };

/* `path`'s `entry`, or nullptr and why in `failure` (dlerror() tells more for Load and Entry). */
void *openModule(const std::string &path, const char *entry, Failure &failure)
{
    void *module = ::dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!module) {
        failure = Failure::Load;
        return nullptr;
    }
    auto *version = reinterpret_cast<VolmapctlModuleVersion *>(::dlsym(module, "volmapctl_module_version"));
    if (!version || std::strcmp(version(), VOLMAP_VERSION) != 0) {
        failure = Failure::Version;
        return nullptr;
    }
    void *function = ::dlsym(module, entry);
    failure = function ? Failure::None : Failure::Entry;
    // Never unloaded: the module's Qt types and threads live until the process exits.
    return function;
}

} // namespace

void *loadCtlModule(const char *directory, const char *file, const char *entry, const char *what,
                    const char *command)
{
    const std::string path = std::string(directory) + '/' + file;
    Failure failure = Failure::None;
    void *function = openModule(path, entry, failure);
    switch (failure) {
    case Failure::None:
        break;
    case Failure::Load:
        std::fprintf(stderr, "volmapctl: cannot load the %s: %s\n", what, ::dlerror());
        if (command) {
            std::fprintf(stderr, "volmapctl: %s needs them; is volmapctl installed completely?\n", command);
        } else {
            std::fprintf(stderr, "volmapctl: only 'devices' and 'devices --json' work without them; is "
                                 "volmapctl installed completely?\n");
        }
        break;
    case Failure::Version:
        std::fprintf(stderr, "volmapctl: %s is not the %s module of volmapctl %s\n", path.c_str(), what,
                     VOLMAP_VERSION);
        break;
    case Failure::Entry:
        std::fprintf(stderr, "volmapctl: %s has no entry point: %s\n", path.c_str(), ::dlerror());
        break;
    }
    return function;
}

void *tryCtlModule(const char *directory, const char *file, const char *entry)
{
    Failure failure = Failure::None;
    return openModule(std::string(directory) + '/' + file, entry, failure);
}

bool isHelperCommandWord(const char *word)
{
    // Volmapctl::start dispatches exactly these.
    static constexpr std::string_view commands[] = {
        "capabilities", "list",           "table",   "status",   "create",      "reload",
        "remove",       "reset-counters", "persist", "assemble", "load-module", "watch"};
    return std::find(std::begin(commands), std::end(commands), std::string_view(word)) != std::end(commands);
}

} // namespace Volmap
