// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "moduleloader.h"

namespace Volmap {

/* ModuleLoader through libkmod (opened when first needed): modprobe semantics without a shell. */
class KmodLoader final : public ModuleLoader
{
public:
    Outcome<Done> load(const QString &moduleName) override;
    bool isAvailable(const QString &moduleName) override;
};

} // namespace Volmap
