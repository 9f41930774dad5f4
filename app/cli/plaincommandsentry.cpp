// SPDX-License-Identifier: GPL-2.0-or-later
// The plain commands module's entry point: the helper commands volmapctl
// runs without Qt (plaincommand.h), through libdbus. It says on stderr
// and in its exit status exactly what the helper commands module says
// for the same answer of the helper (tst_volmapctlplain compares them).
#include "ctlexit.h"
#include "helperbusnames.h"
#include "plaincommand.h"
#include "plainhelpercall.h"
#include "ttyauthenticationagent.h"

#include <cstdio>
#include <string>
#include <vector>

namespace Volmap {

namespace {

/* `remove NAME`: Volmapctl::remove through HelperClient, without Qt. */
int removeMapping(const PlainCommand &command)
{
    // As helpercommandsentry.cpp: a terminal's agent unless --no-ask-password,
    // which instead tells the helper that nobody can be asked.
    TtyAuthenticationAgent agent;
    std::vector<BoolOption> options;
    if (command.deferred) {
        options.push_back({HelperOptionName::Deferred, true});
    }
    if (command.keepDefinition) {
        options.push_back({HelperOptionName::KeepDefinition, true});
    }
    if (command.interactive) {
        agent.start();
    } else {
        options.push_back({HelperOptionName::Interactive, false});
    }
    const DBusMessagePtr call = newHelperCall("RemoveMapping");
    const std::string name(command.name);
    appendString(call.get(), name.c_str());
    appendOptions(call.get(), options);
    const auto reply = callHelper(call.get());
    if (!reply) {
        const std::string line = reply.error().line();
        std::fwrite(line.data(), 1, line.size(), stderr);
        return exitCodeFor(reply.error().kind);
    }
    return ExitOk;
}

} // namespace

} // namespace Volmap

extern "C" [[gnu::visibility("default")]] int volmapctl_run_plain_command(const Volmap::PlainCommand *command)
{
    switch (command->verb) {
    case Volmap::PlainVerb::Remove:
        return Volmap::removeMapping(*command);
    }
    return Volmap::ExitUsage; // a verb of another version: the version check keeps it out
}
