// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappinglistmodel.h"

#include "mappingowner.h"
#include "sizeunits.h"

namespace Volmap {

namespace {

bool sameKey(const MappingRow &a, const MappingRow &b)
{
    return a.isLive() == b.isLive() && a.mapping.name == b.mapping.name;
}

// The contract's waiting reasons read "waiting for <member>": the words
// around the member are this app's, to be translated.
QString waitingText(const QString &reason)
{
    static const QString prefix = QStringLiteral("waiting for ");
    if (reason.startsWith(prefix)) {
        return MappingListModel::tr("waiting for %1").arg(reason.mid(prefix.size()));
    }
    // The helper says "waiting" without a reason when every member is there and free.
    return reason.isEmpty() ? MappingListModel::tr("waiting to be assembled; its devices are all there")
                            : MappingListModel::tr("waiting: %1").arg(reason);
}

} // namespace

QString persistenceText(const MappingRow &row)
{
    switch (row.persistence) {
    case Persistence::NotSaved:
        break;
    case Persistence::Saved:
        return MappingListModel::tr("recreated at startup");
    case Persistence::SavedDiffers:
        return MappingListModel::tr("another definition is saved under this name: %1").arg(row.reason);
    case Persistence::Waiting:
        return waitingText(row.reason);
    case Persistence::Refused:
        return MappingListModel::tr("refused: %1").arg(row.reason);
    }
    return {};
}

MappingListModel::MappingListModel(HelperClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    if (m_client) {
        connect(m_client, &HelperClient::mappingsChanged, this, &MappingListModel::refresh);
    }
}

void MappingListModel::refresh()
{
    if (!m_client) {
        return;
    }
    m_client->listMappings([this](const ClientResult<QList<MappingSummary>> &result) {
        if (!result) {
            Q_EMIT refreshFailed(result.error());
            return;
        }
        setMappings(result.value());
        Q_EMIT refreshed();
    });
    // A helper without saved definitions (or an older one) says so with an
    // error: the live list is all there is, and the last saved rows stay
    // rather than flicker away on a passing failure.
    m_client->listSaved([this](const ClientResult<QList<SavedMappingState>> &result) {
        if (result) {
            setSavedStates(*result);
            Q_EMIT savedRefreshed();
        }
    });
}

int MappingListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_mappings.size(); ++row) {
        if (m_mappings[row].name == name) {
            return row;
        }
    }
    return -1;
}

int MappingListModel::savedRowOf(const QString &name) const
{
    for (int row = int(m_mappings.size()); row < m_rows.size(); ++row) {
        if (m_rows[row].mapping.name == name) {
            return row;
        }
    }
    return -1;
}

void MappingListModel::setMappings(const QList<MappingSummary> &mappings)
{
    m_listed = mappings;
    applyRows(mergeMappingRows(m_listed, m_saved));
}

void MappingListModel::setSavedStates(const QList<SavedMappingState> &saved)
{
    m_saved = saved;
    applyRows(mergeMappingRows(m_listed, m_saved));
}

void MappingListModel::applyRows(const QList<MappingRow> &rows)
{
    // m_mappings follows m_rows before each change is announced, so whoever
    // hears of it finds rows and mappings in step.
    const auto syncLive = [this]() {
        m_mappings.clear();
        for (const MappingRow &row : std::as_const(m_rows)) {
            if (row.isLive()) {
                m_mappings.append(row.mapping);
            }
        }
    };
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const bool kept = std::any_of(rows.cbegin(), rows.cend(),
                                      [&](const MappingRow &wanted) { return sameKey(wanted, m_rows[row]); });
        if (!kept) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            syncLive();
            endRemoveRows();
        }
    }
    for (const MappingRow &wanted : rows) {
        int row = 0;
        while (row < m_rows.size() && mappingRowBefore(m_rows[row], wanted)) {
            ++row;
        }
        if (row < m_rows.size() && sameKey(m_rows[row], wanted)) {
            if (!(m_rows[row] == wanted)) {
                m_rows[row] = wanted;
                syncLive();
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows(QModelIndex(), row, row);
        m_rows.insert(row, wanted);
        syncLive();
        endInsertRows();
    }
}

int MappingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MappingRow &row = m_rows[index.row()];
    const MappingSummary &m = row.mapping;
    switch (role) {
    case NameRole:
        return m.name;
    case CreatedByVolmapRole:
        return m.createdByVolmap;
    case KernelNameRole:
        return row.isLive() ? QStringLiteral("dm-%1").arg(m.minor) : QString();
    case PersistenceRole:
        return int(row.persistence);
    case LiveRole:
        return row.isLive();
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        const QString tip = toolTip(row);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DisplayRole:
        return display(row, index.column());
    default:
        return {};
    }
}

QVariant MappingListModel::display(const MappingRow &row, int column) const
{
    const MappingSummary &m = row.mapping;
    if (!row.isLive()) {
        // All a saved definition that is not live has: its name and its state.
        return column == NameColumn    ? QVariant(m.name)
               : column == StateColumn ? QVariant(persistenceText(row))
                                       : QVariant();
    }
    switch (column) {
    case NameColumn:
        return m.name;
    case SizeColumn:
        return formatSizeHuman(m.length * BytesPerSector);
    case TargetsColumn:
        return m.targets.join(QStringLiteral(", "));
    case OpenColumn:
        return m.openCount;
    case OriginColumn:
        // The stack view's and the inspector's words for the same uuid.
        return ownerName(ownerOf(m.uuid));
    case StateColumn: {
        QStringList state;
        state.append(m.suspended ? tr("suspended") : m.liveTable ? tr("active") : tr("no table"));
        if (m.readOnly) {
            state.append(tr("read-only"));
        }
        if (m.deferredRemove) {
            state.append(tr("removal pending"));
        }
        if (row.persistence == Persistence::Saved) {
            state.append(persistenceText(row));
        }
        return state.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QString MappingListModel::toolTip(const MappingRow &row) const
{
    switch (row.persistence) {
    case Persistence::NotSaved:
        break;
    case Persistence::Saved:
        return tr("Recreated at startup");
    case Persistence::SavedDiffers:
        return tr("Not recreated at startup as it runs now: %1").arg(persistenceText(row));
    case Persistence::Waiting:
    case Persistence::Refused:
        return tr("Saved to be recreated at startup, but not live: %1").arg(persistenceText(row));
    }
    return {};
}

QVariant MappingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case TargetsColumn:
        return tr("Targets");
    case OpenColumn:
        return tr("Open");
    case OriginColumn:
        return tr("Created by");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace Volmap
