// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl's program: no Qt library. `devices` and `devices --json`, as
// exactly these words, list the block devices here in plain C++ (loading
// Qt Core took longer than lsblk's whole listing); the plain form of
// `remove` and `create` run in the plain commands module (libdbus, no Qt:
// plaincommand.h), unless it leaves the command to the Qt path;
// everything else runs in a Qt module (ctlmodule.h).
#include "ctlexit.h"
#include "ctlmodule.h"
#include "devicelisting.h"
#include "plaincommand.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>

namespace {

enum class Listing { None, Table, Json };

/* Only the plain forms; any option (--follow, --help, a misspelling) is the commands module's to judge. */
Listing plainListing(int argc, char **argv)
{
    if (argc == 2 && std::string_view(argv[1]) == "devices") {
        return Listing::Table;
    }
    if (argc == 3 && std::string_view(argv[1]) == "devices" && std::string_view(argv[2]) == "--json") {
        return Listing::Json;
    }
    return Listing::None;
}

int list(Listing listing)
{
    const auto devices = Volmap::scanBlockDevices(std::string());
    const std::string text = listing == Listing::Json ? Volmap::devicesJsonText(devices)
                                                      : Volmap::devicesTableText(devices);
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "volmapctl: cannot write the device list: %s\n", std::strerror(errno));
        return Volmap::ExitFailed;
    }
    return Volmap::ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    if (const Listing listing = plainListing(argc, argv); listing != Listing::None) {
        return list(listing);
    }
    if (const std::optional<Volmap::PlainCommand> plain = Volmap::plainCommand(argc, argv);
        plain && Volmap::mayRunPlain(*plain)) {
        // A module that will not load leaves the command to the Qt modules.
        // So does one the module declines (it has printed nothing).
        if (void *run = Volmap::tryCtlModule(VOLMAPCTL_MODULE_DIR, "volmapctl-plain-commands.so",
                                             "volmapctl_run_plain_command")) {
            if (const int status = reinterpret_cast<VolmapctlRunPlainCommand *>(run)(&*plain);
                status != Volmap::PlainCommandDeclined) {
                return status;
            }
        }
    }
    const char *command = argc > 1 ? argv[1] : nullptr;
    void *run = nullptr;
    // A helper command named first: its module holds main() too, so it is
    // loaded alone (one module instead of two). Any other spelling, or a
    // module that will not load, goes through the commands module, which
    // says what is wrong.
    if (command && Volmap::isHelperCommandWord(command)) {
        run = Volmap::tryCtlModule(VOLMAPCTL_MODULE_DIR, "volmapctl-helper-commands.so",
                                   "volmapctl_commands_main");
    }
    if (!run) {
        run = Volmap::loadCtlModule(VOLMAPCTL_MODULE_DIR, "volmapctl-commands.so", "volmapctl_commands_main",
                                    "commands", command);
    }
    if (!run) {
        return Volmap::ExitUnavailable;
    }
    return reinterpret_cast<VolmapctlCommandsMain *>(run)(&argc, argv, VOLMAPCTL_MODULE_DIR);
}
