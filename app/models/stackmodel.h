// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stacksnapshot.h"

#include <QAbstractItemModel>
#include <QFutureWatcher>

#include <memory>
#include <vector>

namespace Volmap {

/*
 * How block devices stack (lsblk -s, dmsetup ls --tree), top-down or
 * bottom-up, foreign stacks included. A device under two holders shows
 * under both. refresh() reads sysfs on a worker thread and publishes the
 * snapshot on the owning thread; every change resets the model, which is
 * cheap for the few dozen devices a machine has.
 */
class StackModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    using Direction = StackSnapshot::Direction;
    enum Column {
        NameColumn,
        OwnerColumn,
        SizeColumn,
        OpenColumn,
        HoldersColumn,
        ReadOnlyColumn,
        NumberColumn,
        ColumnCount
    };
    enum Role {
        KernelNameRole = Qt::UserRole + 1,
        MappingNameRole, // dm name, empty for other devices
        UuidRole,
    };

    /* `root` prefixes /sys (tests); "" on a real system. */
    explicit StackModel(const QString &root = QString(), QObject *parent = nullptr);
    ~StackModel() override;

    Direction direction() const { return m_direction; }
    void setDirection(Direction direction);
    /* The helper's listing: open counts and targets, kept for later snapshots too. */
    void setMappings(const QList<MappingSummary> &mappings);
    /* Reads sysfs again in the background; refreshed() follows. */
    void refresh();
    /* Publishes a snapshot read elsewhere (and what refresh() does when its read ends). */
    void setSnapshot(const StackSnapshot &snapshot);
    const StackSnapshot &snapshot() const { return m_snapshot; }
    /* The first index showing `kernelName`, depth first; invalid if none. */
    QModelIndex indexOf(const QString &kernelName) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();

private:
    struct Item;
    void rebuild();
    void addChildren(Item *item, int depth);
    Item *itemOf(const QModelIndex &index) const;
    QVariant display(const StackNode &node, int column) const;
    QString toolTip(const StackNode &node) const;

    QString m_root;
    Direction m_direction = Direction::TopDown;
    StackSnapshot m_snapshot;
    QList<MappingSummary> m_mappings;
    std::unique_ptr<Item> m_top;
    QFutureWatcher<StackSnapshot> m_watcher;
    bool m_refreshAgain = false;
};

} // namespace Volmap
