// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "helperclient.h"

#include <QList>
#include <QString>

namespace Volmap {

/* Where a row of the Mappings panel stands with saved definitions (see the contract's "Saved mappings"). */
enum class Persistence {
    NotSaved,     // live, nothing saved under its name
    Saved,        // live, and it is what its saved definition describes: recreated at startup
    SavedDiffers, // live, but the definition saved under its name is another one (reason says why)
    Waiting,      // saved, not live: a member is not there yet
    Refused,      // saved, not live: assembly refuses it (reason says why)
};

/*
 * One row of the Mappings panel: a live mapping, or a saved definition
 * that is not live. A saved row knows only its name, state and reason,
 * which is all ListSavedMappings says.
 */
struct MappingRow
{
    MappingSummary mapping; // of a saved row, only the name
    Persistence persistence = Persistence::NotSaved;
    QString reason; // the helper's words, for SavedDiffers, Waiting and Refused

    bool isLive() const { return persistence != Persistence::Waiting && persistence != Persistence::Refused; }
    bool operator==(const MappingRow &other) const
    {
        return mapping.toMap() == other.mapping.toMap() && persistence == other.persistence
               && reason == other.reason;
    }
};

/*
 * The panel's rows from the two listings: every live mapping, sorted by
 * name and marked with its saved state, then every saved definition that
 * is not live, sorted by name. The live rows come first so that row i
 * below their count is live mapping i in the same order. A definition
 * the helper calls assembled whose mapping the live listing lacks (the
 * two listings were read at different moments) is left out until the
 * next listing agrees.
 */
QList<MappingRow> mergeMappingRows(const QList<MappingSummary> &live, const QList<SavedMappingState> &saved);

/* Whether `a` comes before `b` in mergeMappingRows's order. */
bool mappingRowBefore(const MappingRow &a, const MappingRow &b);

} // namespace Volmap
