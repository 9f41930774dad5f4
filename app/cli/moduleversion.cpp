// SPDX-License-Identifier: GPL-2.0-or-later
// Every module's version (ctlmodule.h), which must be volmapctl's own.
// Plain C++: the plain commands module has it too.
#include "ctlmodule.h"

extern "C" [[gnu::visibility("default")]] const char *volmapctl_module_version()
{
    return VOLMAP_VERSION;
}
