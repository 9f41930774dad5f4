// SPDX-License-Identifier: GPL-2.0-or-later
// The plain commands module's entry point: the helper commands volmapctl
// runs without Qt (plaincommand.h), through libdbus (`create` in
// plaincreate.cpp). It says on stderr
// and in its exit status exactly what the helper commands module says
// for the same answer of the helper (tst_volmapctlplain compares them).
#include "ctlexit.h"
#include "helperbusnames.h"
#include "plaincommand.h"
#include "plaincreate.h"
#include "plainhelpercall.h"

#include <utility>
#include <vector>

namespace Volmap {

namespace {

/* `remove NAME`: Volmapctl::remove through HelperClient, without Qt. */
int removeMapping(const PlainCommand &command)
{
    std::vector<BoolOption> options;
    if (command.deferred) {
        options.push_back({HelperOptionName::Deferred, true});
    }
    if (command.keepDefinition) {
        options.push_back({HelperOptionName::KeepDefinition, true});
    }
    const auto reply = callHelperAsking("RemoveMapping", {command.name}, std::move(options),
                                        command.interactive);
    return reply ? int(ExitOk) : reportFailure(reply.error());
}

} // namespace

} // namespace Volmap

extern "C" [[gnu::visibility("default")]] int volmapctl_run_plain_command(const Volmap::PlainCommand *command)
{
    switch (command->verb) {
    case Volmap::PlainVerb::Remove:
        return Volmap::removeMapping(*command);
    case Volmap::PlainVerb::Create:
        return Volmap::createMapping(*command);
    }
    return Volmap::ExitUsage; // a verb of another version: the version check keeps it out
}
