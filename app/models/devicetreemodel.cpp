// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicetreemodel.h"

#include "draggeddevice.h"
#include "sizeunits.h"

namespace Volmap {

DeviceTreeModel::DeviceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

int DeviceTreeModel::topRowOf(const QString &kernelName) const
{
    for (int row = 0; row < m_top.size(); ++row) {
        if (m_top[row].info.kernelName == kernelName) {
            return row;
        }
    }
    return -1;
}

int DeviceTreeModel::topRowOfId(quintptr id) const
{
    for (int row = 0; row < m_top.size(); ++row) {
        if (m_top[row].id == id) {
            return row;
        }
    }
    return -1;
}

void DeviceTreeModel::setDevices(const QList<BlockDeviceInfo> &devices)
{
    QSet<QString> present;
    for (const BlockDeviceInfo &device : devices) {
        present.insert(device.kernelName);
    }
    // Partitions first, so a vanished disk takes no partition row with it unseen.
    for (int row = int(m_top.size()) - 1; row >= 0; --row) {
        const QList<BlockDeviceInfo> partitions = m_top[row].partitions;
        for (const BlockDeviceInfo &partition : partitions) {
            if (!present.contains(partition.kernelName)) {
                removeDevice(partition.kernelName);
            }
        }
        if (!present.contains(m_top[row].info.kernelName)) {
            removeDevice(m_top[row].info.kernelName);
        }
    }
    for (const BlockDeviceInfo &device : devices) {
        updateDevice(device);
    }
}

void DeviceTreeModel::updateDevice(const BlockDeviceInfo &device)
{
    if (device.kind != DeviceKind::Partition) {
        const int row = topRowOf(device.kernelName);
        if (row >= 0) {
            if (!(m_top[row].info == device)) {
                m_top[row].info = device;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            return;
        }
        // Keep the scanner's order: by kernel name.
        int at = 0;
        while (at < m_top.size() && m_top[at].info.kernelName < device.kernelName) {
            ++at;
        }
        beginInsertRows(QModelIndex(), at, at);
        m_top.insert(at, Top{m_nextId++, device, {}});
        endInsertRows();
        return;
    }
    const int parentRow = topRowOf(device.parent);
    if (parentRow < 0) {
        return; // its disk arrives first (scanAll order); a lone partition waits for the next scan
    }
    QList<BlockDeviceInfo> &partitions = m_top[parentRow].partitions;
    const QModelIndex parentIndex = index(parentRow, 0);
    for (int row = 0; row < partitions.size(); ++row) {
        if (partitions[row].kernelName == device.kernelName) {
            if (!(partitions[row] == device)) {
                partitions[row] = device;
                Q_EMIT dataChanged(index(row, 0, parentIndex), index(row, ColumnCount - 1, parentIndex));
            }
            return;
        }
    }
    int at = 0;
    while (at < partitions.size() && partitions[at].partitionStart < device.partitionStart) {
        ++at;
    }
    beginInsertRows(parentIndex, at, at);
    partitions.insert(at, device);
    endInsertRows();
}

void DeviceTreeModel::removeDevice(const QString &kernelName)
{
    const int row = topRowOf(kernelName);
    if (row >= 0) {
        beginRemoveRows(QModelIndex(), row, row);
        m_top.removeAt(row);
        endRemoveRows();
        return;
    }
    for (int parentRow = 0; parentRow < m_top.size(); ++parentRow) {
        QList<BlockDeviceInfo> &partitions = m_top[parentRow].partitions;
        for (int child = 0; child < partitions.size(); ++child) {
            if (partitions[child].kernelName == kernelName) {
                beginRemoveRows(index(parentRow, 0), child, child);
                partitions.removeAt(child);
                endRemoveRows();
                return;
            }
        }
    }
}

const BlockDeviceInfo *DeviceTreeModel::infoAt(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return nullptr;
    }
    if (index.internalId() == 0) {
        return index.row() < m_top.size() ? &m_top[index.row()].info : nullptr;
    }
    const int parentRow = topRowOfId(index.internalId());
    if (parentRow < 0 || index.row() >= m_top[parentRow].partitions.size()) {
        return nullptr;
    }
    return &m_top[parentRow].partitions[index.row()];
}

std::optional<BlockDeviceInfo> DeviceTreeModel::device(const QModelIndex &index) const
{
    const BlockDeviceInfo *info = infoAt(index);
    return info ? std::optional<BlockDeviceInfo>(*info) : std::nullopt;
}

QModelIndex DeviceTreeModel::indexOf(const QString &kernelName) const
{
    for (int row = 0; row < m_top.size(); ++row) {
        if (m_top[row].info.kernelName == kernelName) {
            return index(row, 0);
        }
        for (int child = 0; child < m_top[row].partitions.size(); ++child) {
            if (m_top[row].partitions[child].kernelName == kernelName) {
                return index(child, 0, index(row, 0));
            }
        }
    }
    return {};
}

QModelIndex DeviceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_top.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    }
    if (parent.internalId() != 0 || parent.row() >= m_top.size()) {
        return {}; // partitions have no children
    }
    const Top &top = m_top[parent.row()];
    return row < top.partitions.size() ? createIndex(row, column, top.id) : QModelIndex();
}

QModelIndex DeviceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    const int row = topRowOfId(child.internalId());
    return row >= 0 ? createIndex(row, 0, quintptr(0)) : QModelIndex();
}

int DeviceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_top.size());
    }
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_top.size()) {
        return 0;
    }
    return int(m_top[parent.row()].partitions.size());
}

int DeviceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DeviceTreeModel::data(const QModelIndex &index, int role) const
{
    const BlockDeviceInfo *info = infoAt(index);
    if (!info) {
        return {};
    }
    switch (role) {
    case KernelNameRole:
        return info->kernelName;
    case NodeRole:
        return info->node;
    case NumberRole:
        return info->number.toString();
    case SectorsRole:
        return info->sizeInSectors;
    case InUseRole:
        return !info->inUseReason().isEmpty();
    case LogicalBlockSizeRole:
        return info->logicalBlockSize;
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)").arg(info->node, info->number.toString());
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return info->dmName.isEmpty() ? info->kernelName
                                      : QStringLiteral("%1 (%2)").arg(info->dmName, info->kernelName);
    case SizeColumn:
        return formatSizeHuman(info->sizeInBytes());
    case TypeColumn:
        return info->model.isEmpty() ? kindName(info->kind)
                                     : QStringLiteral("%1, %2").arg(kindName(info->kind), info->model);
    case FilesystemColumn:
        return info->fsType;
    case LabelColumn:
        return info->fsLabel;
    case UsageColumn:
        return info->inUseReason();
    default:
        return {};
    }
}

QVariant DeviceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Device");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Type");
    case FilesystemColumn:
        return tr("Filesystem");
    case LabelColumn:
        return tr("Label");
    case UsageColumn:
        return tr("In use");
    default:
        return {};
    }
}

Qt::ItemFlags DeviceTreeModel::flags(const QModelIndex &index) const
{
    // Devices are dragged into the table editor.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
                           : Qt::NoItemFlags;
}

QStringList DeviceTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(DeviceMimeType)};
}

QMimeData *DeviceTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QList<DraggedDevice> devices;
    QSet<QString> seen; // a selected row arrives once per column
    for (const QModelIndex &index : indexes) {
        const BlockDeviceInfo *info = infoAt(index);
        if (!info || seen.contains(info->kernelName)) {
            continue;
        }
        seen.insert(info->kernelName);
        devices.append(draggedDeviceOf(*info));
    }
    return devices.isEmpty() ? nullptr : encodeDraggedDevices(devices);
}

} // namespace Volmap
