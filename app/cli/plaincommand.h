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

enum class PlainVerb { Remove, Create };

/* One plain command, as its words said it. */
struct PlainCommand
{
    PlainVerb verb = PlainVerb::Remove;
    std::string_view name;       // of the mapping: one of argv's words
    bool deferred = false;       // remove
    bool keepDefinition = false; // remove
    std::string_view tableFile;  // create: --table's file
    bool force = false;          // create
    bool readOnly = false;       // create
    bool persistent = false;     // create
    bool interactive = true;     // no --no-ask-password
};

/*
 * `argv` as a plain command, nullopt for anything else:
 * - `remove NAME`, then --deferred, --keep-definition and
 *   --no-ask-password in any order;
 * - `create NAME`, then `--table FILE`, --force, --read-only, --persistent
 *   and --no-ask-password in any order (--table required);
 * each option at most once. NAME and FILE are words that do not start
 * with '-' (so `--table -`, standard input, is the Qt path's) and are valid
 * UTF-8 (what Qt would decode unchanged).
 */
std::optional<PlainCommand> plainCommand(int argc, const char *const *argv);

/*
 * Whether `command` may be worth loading the plain commands module for:
 * always for remove; for create, only when its table file is a regular
 * file no longer than the helper reads as a string (one stat()). A larger
 * table (sent in a memfd) is the Qt path's anyway, and loading libdbus
 * first only to decline would cost that path a second D-Bus library.
 */
bool mayRunPlain(const PlainCommand &command);

// What the plain commands module answers for a command it leaves to the
// Qt path after all (plaincreate.h says when), having printed nothing and
// changed nothing.
inline constexpr int PlainCommandDeclined = -1;

} // namespace Volmap

extern "C" {
// The plain commands module's entry point (plaincommandsentry.cpp); the
// result is the command's ExitCode, or PlainCommandDeclined.
using VolmapctlRunPlainCommand = int(const Volmap::PlainCommand *command);
}
