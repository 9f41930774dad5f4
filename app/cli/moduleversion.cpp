// SPDX-License-Identifier: GPL-2.0-or-later
// Every module's version (ctlmodule.h), which must be volmapctl's own.
#include "ctlmodule.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT const char *volmapctl_module_version()
{
    return VOLMAP_VERSION;
}
