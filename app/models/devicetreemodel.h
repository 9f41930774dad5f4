// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"

#include <QAbstractItemModel>
#include <QHash>

namespace Volmap {

/*
 * The machine's block devices as a tree: disks (and loop, dm, md ...
 * devices) at the top, partitions under their disk. Updates are
 * incremental: rows are inserted, removed or changed in place, never
 * reset, so selections and expanded branches survive hotplug.
 */
class DeviceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SizeColumn,
        TypeColumn,
        FilesystemColumn,
        LabelColumn,
        UsageColumn,
        ColumnCount
    };
    enum Role {
        KernelNameRole = Qt::UserRole + 1,
        NodeRole,    // /dev path
        NumberRole,  // "major:minor"
        SectorsRole, // size in 512-byte sectors
        InUseRole,   // bool: mounted, swap or held
        LogicalBlockSizeRole,
    };

    explicit DeviceTreeModel(QObject *parent = nullptr);

    /* Brings the model to exactly `devices` with the fewest row changes. */
    void setDevices(const QList<BlockDeviceInfo> &devices);
    /* One device appeared or changed (a hotplug event). */
    void updateDevice(const BlockDeviceInfo &device);
    void removeDevice(const QString &kernelName);

    std::optional<BlockDeviceInfo> device(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &kernelName) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    struct Top
    {
        quintptr id; // children's internalId: stable while rows move
        BlockDeviceInfo info;
        QList<BlockDeviceInfo> partitions;
    };
    int topRowOf(const QString &kernelName) const;
    int topRowOfId(quintptr id) const;
    const BlockDeviceInfo *infoAt(const QModelIndex &index) const;

    QList<Top> m_top;
    quintptr m_nextId = 1;
};

} // namespace Volmap
