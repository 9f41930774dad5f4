// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "assemblyplan.h"
#include "definitionstore.h"
#include "deviceinspector.h"
#include "mappingbackend.h"
#include "outcome.h"

#include <QVariantMap>

#include <functional>

namespace Volmap {

/*
 * The helper's side of mappings that survive a restart: it turns live
 * tables into definitions (by the devices' stable identities), keeps them
 * in the DefinitionStore and tells, for each saved definition, whether it
 * is assembled, waiting for a member or refused, and why. Creating the
 * mappings is MappingActions' job; this only plans.
 */
class SavedMappings final
{
public:
    /* Today's block devices; the real helper scans sysfs and udev, tests give a fixed list. */
    using Scan = std::function<QList<DeviceFacts>()>;

    SavedMappings(MappingBackend &backend, DeviceInspector &devices, DefinitionStore store, Scan scan);

    /* Whether a definition file for `name` exists (usable or not). */
    bool isSaved(const QString &name) const;
    /*
     * The definition for `table` (devices as major:minor) of `name`, whose
     * dm uuid is `uuid`; NoStableIdentity if a device has none.
     */
    Outcome<SavedDefinition> definitionFor(const QString &name, const QString &uuid,
                                           const MappingTable &table);
    /* The definition of live mapping `name`, from its kernel table. */
    Outcome<SavedDefinition> definitionOfLive(const QString &name);
    Outcome<DefinitionStore::Staged> stage(const SavedDefinition &definition);
    Outcome<Done> commit(const DefinitionStore::Staged &staged);
    void discard(const DefinitionStore::Staged &staged) { m_store.discard(staged); }
    Outcome<Done> forget(const QString &name);

    struct Saved
    {
        QString name;
        QString uuid; // the saved dm uuid; empty: assembled with a new one of root's
        AssemblyPlan plan;
    };
    /* Every saved definition and what assembling it now would do; refused files included. */
    QList<Saved> plans();
    /* plans() as ListSavedMappings answers it: name, state, reason. */
    static QList<QVariantMap> describe(const QList<Saved> &saved);

private:
    QList<LiveMapping> liveMappings();

    MappingBackend &m_backend;
    DeviceInspector &m_devices;
    DefinitionStore m_store;
    Scan m_scan;
};

} // namespace Volmap
