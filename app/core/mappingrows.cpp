// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingrows.h"

#include <QHash>

#include <algorithm>

namespace Volmap {

namespace {

// The contract's state words; anything else is a state this client does not
// know yet and is shown as refused with the helper's words, never hidden.
Persistence savedOnly(const SavedMappingState &state)
{
    return state.state == u"waiting" ? Persistence::Waiting : Persistence::Refused;
}

QString reasonOf(const SavedMappingState &state)
{
    const bool known = state.state == u"waiting" || state.state == u"refused" || state.state == u"assembled";
    if (known || state.state.isEmpty()) {
        return state.reason;
    }
    return state.reason.isEmpty() ? state.state : state.state + QStringLiteral(": ") + state.reason;
}

} // namespace

bool mappingRowBefore(const MappingRow &a, const MappingRow &b)
{
    if (a.isLive() != b.isLive()) {
        return a.isLive();
    }
    return a.mapping.name < b.mapping.name;
}

QList<MappingRow> mergeMappingRows(const QList<MappingSummary> &live, const QList<SavedMappingState> &saved)
{
    QHash<QString, SavedMappingState> savedByName;
    for (const SavedMappingState &state : saved) {
        savedByName.insert(state.name, state);
    }
    QList<MappingRow> rows;
    for (const MappingSummary &mapping : live) {
        MappingRow row{mapping, Persistence::NotSaved, {}};
        if (const auto found = savedByName.constFind(mapping.name); found != savedByName.cend()) {
            // Only "assembled" means this very table comes back; any other state
            // means the definition under this name is not the live one.
            row.persistence = found->state == u"assembled" ? Persistence::Saved : Persistence::SavedDiffers;
            row.reason = reasonOf(*found);
            savedByName.erase(found);
        }
        rows.append(row);
    }
    for (const SavedMappingState &state : saved) {
        if (!savedByName.contains(state.name) || state.state == u"assembled") {
            continue;
        }
        MappingRow row;
        row.mapping.name = state.name;
        row.persistence = savedOnly(state);
        row.reason = reasonOf(state);
        rows.append(row);
        savedByName.remove(state.name);
    }
    std::stable_sort(rows.begin(), rows.end(), mappingRowBefore);
    return rows;
}

} // namespace Volmap
