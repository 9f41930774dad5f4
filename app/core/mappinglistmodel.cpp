#include "mappinglistmodel.h"

#include "mappingowner.h"
#include "sizeunits.h"

namespace Volmap {

namespace {

bool sameRow(const MappingSummary &a, const MappingSummary &b)
{
    return a.toMap() == b.toMap();
}

} // namespace

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
        if (const auto *error = std::get_if<ClientError>(&result)) {
            Q_EMIT refreshFailed(*error);
            return;
        }
        setMappings(std::get<QList<MappingSummary>>(result));
        Q_EMIT refreshed();
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

void MappingListModel::setMappings(const QList<MappingSummary> &mappings)
{
    auto contains = [](const QList<MappingSummary> &list, const QString &name) {
        return std::any_of(list.cbegin(), list.cend(), [&](const MappingSummary &m) { return m.name == name; });
    };
    for (int row = int(m_mappings.size()) - 1; row >= 0; --row) {
        if (!contains(mappings, m_mappings[row].name)) {
            beginRemoveRows(QModelIndex(), row, row);
            m_mappings.removeAt(row);
            endRemoveRows();
        }
    }
    for (const MappingSummary &mapping : mappings) {
        int row = 0;
        while (row < m_mappings.size() && m_mappings[row].name < mapping.name) {
            ++row;
        }
        if (row < m_mappings.size() && m_mappings[row].name == mapping.name) {
            if (!sameRow(m_mappings[row], mapping)) {
                m_mappings[row] = mapping;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows(QModelIndex(), row, row);
        m_mappings.insert(row, mapping);
        endInsertRows();
    }
}

int MappingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
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
    const MappingSummary &m = m_mappings[index.row()];
    switch (role) {
    case NameRole:
        return m.name;
    case CreatedByVolmapRole:
        return m.createdByVolmap;
    case KernelNameRole:
        return QStringLiteral("dm-%1").arg(m.minor);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
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
        return state.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
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
