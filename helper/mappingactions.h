// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "authorizedcalls.h"
#include "deviceinspector.h"
#include "mappingbackend.h"
#include "moduleloader.h"
#include "savedmappings.h"
#include "tablepreparation.h"

#include <QVariant>

#include <functional>

namespace Volmap {

/*
 * What each verb of org.volmap.Helper1 does once its call is authorized.
 * Every action looks at the system afresh (polkit may have taken minutes),
 * asks for manage-foreign itself where the system shows it is needed, and
 * describes what it did with the device numbers it really handed to the
 * kernel.
 */
class MappingActions final
{
public:
    MappingActions(MappingBackend &backend, ModuleLoader &modules, DeviceInspector &devices,
                   std::function<void()> mappingsChanged);

    Outcome<QVariant> capabilities();
    Outcome<QVariant> loadModule(CallContext &context);
    /*
     * Where saved definitions live; without it (tests of other verbs) the
     * persistence verbs fail and reload and remove leave definitions alone.
     */
    void setSavedMappings(SavedMappings *saved) { m_saved = saved; }

    /*
     * `authorized`: the devices polkit was asked about; the table must still name exactly those.
     * `persistent`: also save the definition (asks for the persist action); if it cannot be
     * saved nothing is created, and if writing it fails the mapping is removed again.
     */
    Outcome<QVariant> create(CallContext &context, const QString &name, const AdmittedTable &table,
                             bool readOnly, const QList<DeviceNumber> &authorized, bool persistent = false);
    Outcome<QVariant> reload(CallContext &context, const QString &name, const AdmittedTable &table,
                             const QList<DeviceNumber> &authorized);
    /* The same from table text, admitted first. */
    Outcome<QVariant> create(CallContext &context, const QString &name, const QString &text, bool readOnly,
                             const QList<DeviceNumber> &authorized, bool persistent = false);
    /* Forgets a saved definition too (asking for persist) unless `keepDefinition`. */
    Outcome<QVariant> remove(CallContext &context, const QString &name, bool deferred,
                             bool keepDefinition = false);
    /* Saves the definition of live mapping `name`, or forgets it. */
    Outcome<QVariant> setPersistent(CallContext &context, const QString &name, bool enabled);
    /* aa{sv}: name, state (assembled, waiting, refused), reason. */
    Outcome<QVariant> listSaved();
    /* Creates every saved mapping whose members are all present and free; listSaved()'s answer after. */
    Outcome<QVariant> assembleSaved(CallContext &context);

    struct AssemblyResult
    {
        QList<QVariantMap> saved; // as listSaved(), after assembling
        QStringList created;
        bool broke = false; // a create that should have worked failed
    };
    /* What `volmap-helper --assemble` and AssembleSaved do. */
    AssemblyResult assembleAll();
    Outcome<QVariant> list();
    Outcome<QVariant> table(const QString &name);
    Outcome<QVariant> status(const QString &name);
    Outcome<QVariant> resetCounters(CallContext &context, const QString &name);

    /*
     * Removes mappings of ours that have no live table: what a helper
     * killed between "create device" and "load table" leaves behind.
     */
    void cleanUpAbandoned();

private:
    /* manage-foreign, asked for through `context`, unless `state` is ours or it was granted. */
    Result<Done, HelperError> checkForeignRights(CallContext &context, const MappingState &state,
                                                 const QString &verb);
    /*
     * manage-foreign, asked for through `context`, when the table uses a
     * device a foreign owner holds (an LVM PV, LUKS, RAID or bcache member,
     * or a device under a mapping Volume Mapper did not create).
     */
    Result<Done, HelperError> checkForeignDeviceRights(CallContext &context, const PreparedTable &table);
    /*
     * Overlap or DeviceInUse with what other mappings, mounts, swap and md
     * use, or ReadOnlyDevice for a read-write table: never allowed.
     */
    Result<Done, HelperError> checkConflicts(const PreparedTable &table, const QString &exceptMapping,
                                             bool readOnly);
    Outcome<Done> loadModulesFor(bool usesBasicTarget);
    /* The table as prepared now, if its devices are still the ones authorized. */
    Outcome<PreparedTable> prepareAuthorized(const AdmittedTable &admitted,
                                             const QList<DeviceNumber> &authorized);
    /* The persist action, asked for through `context` unless granted. */
    Result<Done, HelperError> checkPersistRights(CallContext &context, const QString &purpose);
    /* The new definition of `name` (dm uuid `uuid`) written beside the old one, if `wanted`; see
     * DefinitionStore::stage(). */
    Outcome<std::optional<DefinitionStore::Staged>> stageDefinition(CallContext &context, const QString &name,
                                                                    const QString &uuid,
                                                                    const MappingTable &table, bool wanted);
    /* After a change of the live table: commit() if it worked, discard() if not. */
    Outcome<Done> settleDefinition(const std::optional<DefinitionStore::Staged> &staged, bool changed);

    MappingBackend &m_backend;
    ModuleLoader &m_modules;
    DeviceInspector &m_devices;
    std::function<void()> m_mappingsChanged;
    SavedMappings *m_saved = nullptr;
};

} // namespace Volmap
