// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// volmapctl's modules, plain C++: the program itself links no Qt library
// (its `devices` listing starts in a fraction of Qt Core's start-up), so
// it loads the commands module (Qt Core: options, check, devices
// --follow) for everything else, which loads the helper commands module
// (Qt D-Bus) for the commands that call the helper. The helper commands
// module holds the same main() as the commands module, so the program
// loads it alone when the first argument names a helper command (one
// module loaded instead of two). The plain form of `remove` runs in the
// plain commands module instead (libdbus, no Qt: plaincommand.h), which
// the program loads alone. Each is loaded from one fixed folder,
// given to the program when it is built: never a path from the
// environment or the working directory.

extern "C" {
// Every module's version, which must be volmapctl's own.
using VolmapctlModuleVersion = const char *();
// The entry point of both modules' main(): with the folder of the
// modules, where the commands module finds the helper commands module.
using VolmapctlCommandsMain = int(int *argc, char **argv, const char *moduleDirectory);
}

namespace Volmap {

/*
 * Loads `directory`/`file` and its libraries (a missing library fails
 * here, with its name: loading is never lazy; binding functions is, as
 * for a linked library, so Qt's thousands of imports are not all bound
 * up front), checks its version and looks up `entry`. nullptr after
 * saying on stderr why, naming what (`what`) `command` needed (nullptr:
 * no command given; then it names what works without the module).
 */
void *loadCtlModule(const char *directory, const char *file, const char *entry, const char *what,
                    const char *command);
/* The same, saying nothing if it fails (the caller has another way). */
void *tryCtlModule(const char *directory, const char *file, const char *entry);

/* Whether `word` is a command that calls the helper (isHelperCommand is the same list). */
bool isHelperCommandWord(const char *word);

} // namespace Volmap
