// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "deviceidentity.h"
#include "deviceinspector.h"
#include "saveddefinition.h"

#include <QList>
#include <QString>

namespace Volmap {

/* A mapping that exists now: its name, live table and the devices the kernel says it uses. */
struct LiveMapping
{
    QString name;
    QList<Segment> table;
    QList<DeviceNumber> dependencies;
    QString uuid;
};

/* What becomes of one saved definition now. */
struct AssemblyPlan
{
    enum class State {
        Assembled, // a mapping of that name exists with the saved table on today's devices
        Ready,     // every member found and free: `table` may be created
        Waiting,   // a member is not there (yet); `reason` names it
        Refused,   // a member differs, is in use, or the name is taken; `reason` says which
    };
    State state = State::Refused;
    QString reason;
    QString table; // Ready, Assembled: the table with members as major:minor
};

/* "assembled", "waiting", "refused" (Ready counts as waiting: it is not there yet). */
QString stateName(AssemblyPlan::State state);

/*
 * Decides, without touching anything, what assembling `definition` would
 * do: every member is looked up by identity and exact size (findMember());
 * the table with today's device numbers must pass prepareTable() (the
 * create path's own checks), the name must be free or already carry that
 * very table, the saved uuid must not be another mapping's, and no range may collide with a mount, swap, a
 * holder or a live mapping (systemConflict(), claimsOfMapping()). Foreign signatures are not a reason to
 * refuse: the members were matched by identity, and what the mapping's user wrote to them is expected to be
 * there.
 */
AssemblyPlan planAssembly(const SavedDefinition &definition, const QList<DeviceFacts> &devices,
                          const QList<LiveMapping> &live, DeviceInspector &inspector);

/*
 * The definition that saves mapping `name` with `table` (devices as
 * major:minor, as the kernel and the helper's prepared tables have them):
 * one member per distinct device, m1, m2, ... in order of first use, each
 * by identityOf(). `uuid` is kept if it is a Volume Mapper uuid naming
 * its creator (VOLMAP-U<uid>-...), so the mapping comes back with it. Refused, and nothing saved, if one
 * device has no stable identity or a line's devices cannot be told apart from its other arguments (a target
 * deviceUsesOf() does not know).
 */
Result<SavedDefinition, QString> definitionOf(const QString &name, const QString &uuid,
                                              const MappingTable &table, const QList<DeviceFacts> &devices);

} // namespace Volmap
