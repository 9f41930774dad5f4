// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outcome.h"

#include <sys/utsname.h>

namespace Volmap {

/* Loads kernel modules by name, as modprobe does (dependencies, aliases). */
class ModuleLoader
{
public:
    virtual ~ModuleLoader() = default;
    /* ModuleUnavailable when no module by that name exists for this kernel. */
    virtual Outcome<Done> load(const QString &moduleName) = 0;
    virtual bool isAvailable(const QString &moduleName) = 0;
};

/* The running kernel's release (uname -r): whose modules are loaded, and what GetCapabilities reports. */
inline QString kernelRelease()
{
    utsname name = {};
    ::uname(&name);
    return QString::fromUtf8(name.release);
}

} // namespace Volmap
