// SPDX-License-Identifier: GPL-2.0-or-later
#include "kmodloader.h"

#include "loadedmodules.h"

#include <libkmod.h>

#include <dlfcn.h>

#include <cstring>
#include <memory>

namespace Volmap {

namespace {

/*
 * libkmod, opened on first use rather than linked: it brings libcrypto,
 * liblzma, libzstd and more (about 2 MiB resident) into every helper,
 * while most helpers never load a module (listing, status, removal; dm-mod
 * and dm-basic-target are usually loaded already, see moduleInKernel()).
 */
struct Kmod
{
    decltype(&kmod_new) newContext = nullptr;
    decltype(&kmod_unref) unref = nullptr;
    decltype(&kmod_load_resources) loadResources = nullptr;
    decltype(&kmod_module_new_from_lookup) lookup = nullptr;
    decltype(&kmod_module_unref_list) unrefList = nullptr;
    decltype(&kmod_list_next) listNext = nullptr;
    decltype(&kmod_module_get_module) moduleOf = nullptr;
    decltype(&kmod_module_unref) unrefModule = nullptr;
    decltype(&kmod_module_probe_insert_module) probeInsert = nullptr;
    decltype(&kmod_module_get_name) nameOf = nullptr;
    QString why; // empty when every function was found
};

template<typename Function>
bool resolve(void *library, const char *name, Function &into)
{
    into = reinterpret_cast<Function>(::dlsym(library, name));
    return into != nullptr;
}

Kmod openKmod()
{
    Kmod kmod;
    // Never closed: libkmod keeps no state between contexts, and unloading buys nothing.
    void *library = ::dlopen("libkmod.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        kmod.why = QString::fromLocal8Bit(::dlerror());
        return kmod;
    }
    const bool complete = resolve(library, "kmod_new", kmod.newContext)
                          && resolve(library, "kmod_unref", kmod.unref)
                          && resolve(library, "kmod_load_resources", kmod.loadResources)
                          && resolve(library, "kmod_module_new_from_lookup", kmod.lookup)
                          && resolve(library, "kmod_module_unref_list", kmod.unrefList)
                          && resolve(library, "kmod_list_next", kmod.listNext)
                          && resolve(library, "kmod_module_get_module", kmod.moduleOf)
                          && resolve(library, "kmod_module_unref", kmod.unrefModule)
                          && resolve(library, "kmod_module_probe_insert_module", kmod.probeInsert)
                          && resolve(library, "kmod_module_get_name", kmod.nameOf);
    if (!complete) {
        kmod.why = QStringLiteral("libkmod.so.2 lacks a function the helper needs");
    }
    return kmod;
}

/* libkmod, opened once by whichever thread asks first. */
const Kmod &kmod()
{
    static const Kmod library = openKmod();
    return library;
}

struct ContextDeleter
{
    void operator()(kmod_ctx *context) const { kmod().unref(context); }
};
struct ListDeleter
{
    void operator()(kmod_list *list) const { kmod().unrefList(list); }
};
struct ModuleDeleter
{
    void operator()(kmod_module *module) const { kmod().unrefModule(module); }
};
using Context = std::unique_ptr<kmod_ctx, ContextDeleter>;
using ModuleList = std::unique_ptr<kmod_list, ListDeleter>;
using Module = std::unique_ptr<kmod_module, ModuleDeleter>;

/* A context with its indexes loaded; null when libkmod is missing or cannot start. */
Context newContext()
{
    if (!kmod().why.isEmpty()) {
        return Context();
    }
    Context context(kmod().newContext(nullptr, nullptr));
    if (context) {
        kmod().loadResources(context.get());
    }
    return context;
}

// Every module the name resolves to (a name or an alias), like modprobe.
ModuleList lookup(kmod_ctx *context, const QString &moduleName)
{
    kmod_list *list = nullptr;
    if (kmod().lookup(context, moduleName.toUtf8().constData(), &list) < 0) {
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
        return fail(failure(kmod().why.isEmpty()
                                ? QStringLiteral("cannot initialise libkmod")
                                : QStringLiteral("cannot load libkmod: %1").arg(kmod().why)));
    }
    const ModuleList modules = lookup(context.get(), moduleName);
    if (!modules) {
        return fail(
            HelperError{HelperProtocol::Error::moduleUnavailable(),
                        QStringLiteral("no kernel module %1 is installed for kernel %2; install the package "
                                       "that provides it (basic-target-dkms for dm-basic-target)")
                            .arg(moduleName, kernelRelease())});
    }
    for (kmod_list *entry = modules.get(); entry; entry = kmod().listNext(modules.get(), entry)) {
        const Module module(kmod().moduleOf(entry));
        const int result = kmod().probeInsert(module.get(), KMOD_PROBE_APPLY_BLACKLIST, nullptr, nullptr,
                                              nullptr, nullptr);
        if (result > 0) {
            return fail(HelperError{
                HelperProtocol::Error::moduleUnavailable(),
                QStringLiteral("kernel module %1 is blacklisted on this system").arg(moduleName)});
        }
        if (result < 0 && result != -EEXIST) {
            return fail(HelperError{HelperProtocol::Error::moduleUnavailable(),
                                    QStringLiteral("loading kernel module %1 failed: %2")
                                        .arg(QString::fromUtf8(kmod().nameOf(module.get())),
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
