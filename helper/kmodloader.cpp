// SPDX-License-Identifier: GPL-2.0-or-later
#include "kmodloader.h"

#include "loadedmodules.h"

#include <libkmod.h>

#include <cstring>
#include <memory>

namespace Volmap {

namespace {

struct ContextDeleter
{
    void operator()(kmod_ctx *context) const { kmod_unref(context); }
};
struct ListDeleter
{
    void operator()(kmod_list *list) const { kmod_module_unref_list(list); }
};
struct ModuleDeleter
{
    void operator()(kmod_module *module) const { kmod_module_unref(module); }
};
using Context = std::unique_ptr<kmod_ctx, ContextDeleter>;
using ModuleList = std::unique_ptr<kmod_list, ListDeleter>;
using Module = std::unique_ptr<kmod_module, ModuleDeleter>;

Context newContext()
{
    Context context(kmod_new(nullptr, nullptr));
    if (context) {
        kmod_load_resources(context.get());
    }
    return context;
}

// Every module the name resolves to (a name or an alias), like modprobe.
ModuleList lookup(kmod_ctx *context, const QString &moduleName)
{
    kmod_list *list = nullptr;
    if (kmod_module_new_from_lookup(context, moduleName.toUtf8().constData(), &list) < 0) {
        return ModuleList();
    }
    return ModuleList(list);
}

} // namespace

Outcome<Done> KmodLoader::load(const QString &moduleName)
{
    // Every create and reload asks for dm-mod (and most for
    // dm-basic-target), which are nearly always there: libkmod would read
    // its configuration and indexes each time to find that out.
    if (moduleInKernel(moduleName)) {
        return Done{};
    }
    const Context context = newContext();
    if (!context) {
        return fail(failure(QStringLiteral("cannot initialise libkmod")));
    }
    const ModuleList modules = lookup(context.get(), moduleName);
    if (!modules) {
        return fail(
            HelperError{HelperProtocol::Error::moduleUnavailable(),
                        QStringLiteral("no kernel module %1 is installed for kernel %2; install the package "
                                       "that provides it (basic-target-dkms for dm-basic-target)")
                            .arg(moduleName, kernelRelease())});
    }
    kmod_list *entry = nullptr;
    kmod_list_foreach(entry, modules.get())
    {
        const Module module(kmod_module_get_module(entry));
        const int result = kmod_module_probe_insert_module(module.get(), KMOD_PROBE_APPLY_BLACKLIST, nullptr,
                                                           nullptr, nullptr, nullptr);
        if (result > 0) {
            return fail(HelperError{
                HelperProtocol::Error::moduleUnavailable(),
                QStringLiteral("kernel module %1 is blacklisted on this system").arg(moduleName)});
        }
        if (result < 0 && result != -EEXIST) {
            return fail(HelperError{HelperProtocol::Error::moduleUnavailable(),
                                    QStringLiteral("loading kernel module %1 failed: %2")
                                        .arg(QString::fromUtf8(kmod_module_get_name(module.get())),
                                             QString::fromUtf8(std::strerror(-result)))});
        }
    }
    return Done{};
}

bool KmodLoader::isAvailable(const QString &moduleName)
{
    const Context context = newContext();
    return context && lookup(context.get(), moduleName);
}

} // namespace Volmap
