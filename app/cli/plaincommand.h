// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string_view>

// The helper commands volmapctl runs without Qt, plain C++: the program
// (main.cpp) recognises them and the plain commands module runs them
// through libdbus. Loading Qt Core costs a process more than dmsetup's
// whole run (tests/bench/README.md), which a script that creates and
// removes mappings in a loop pays each time. Every other spelling goes to
// the Qt modules, which judge it.

namespace Volmap {

enum class PlainVerb { Remove };

/* One plain command, as its words said it. */
struct PlainCommand
{
    PlainVerb verb = PlainVerb::Remove;
    std::string_view name; // of the mapping: one of argv's words
    bool deferred = false;
    bool keepDefinition = false;
    bool interactive = true; // no --no-ask-password
};

/*
 * `argv` as a plain command: exactly `remove NAME`, then --deferred,
 * --keep-definition and --no-ask-password in any order, each at most
 * once. NAME is one word that does not start with '-' and is valid UTF-8
 * (what Qt would decode unchanged). nullopt for anything else.
 */
std::optional<PlainCommand> plainCommand(int argc, const char *const *argv);

} // namespace Volmap

extern "C" {
// The plain commands module's entry point (plaincommandsentry.cpp); the
// result is the command's ExitCode.
using VolmapctlRunPlainCommand = int(const Volmap::PlainCommand *command);
}
