#pragma once

#include "outcome.h"

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

} // namespace Volmap
