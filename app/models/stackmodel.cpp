// SPDX-License-Identifier: GPL-2.0-or-later
#include "stackmodel.h"

#include "sizeunits.h"

#include <QPromise>
#include <QThreadPool>

namespace Volmap {

namespace {
// sysfs cannot loop, but a broken or fake tree could: stop well past any real stack.
constexpr int MaxDepth = 32;
QString kindOf(const StackNode &node)
{
    if (node.isMapping()) {
        return ownerName(node.owner);
    }
    switch (node.kind) {
    case DeviceKind::Partition:
        return StackModel::tr("partition");
    case DeviceKind::Md:
        return StackModel::tr("md RAID");
    case DeviceKind::Loop:
        return StackModel::tr("loop device");
    default:
        return StackModel::tr("disk");
    }
}

} // namespace

struct StackModel::Item
{
    QString name;
    Item *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    bool onPath(const QString &kernelName) const
    {
        for (const Item *item = this; item; item = item->parent) {
            if (item->name == kernelName) {
                return true;
            }
        }
        return false;
    }
};

StackModel::StackModel(const QString &root, QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(root)
    , m_top(std::make_unique<Item>())
{
    connect(&m_watcher, &QFutureWatcher<StackSnapshot>::finished, this, [this]() {
        if (m_watcher.future().resultCount() > 0) {
            setSnapshot(m_watcher.future().result());
        }
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
        }
    });
}

StackModel::~StackModel() = default;

void StackModel::setDirection(Direction direction)
{
    if (direction != m_direction) {
        m_direction = direction;
        rebuild();
    }
}

void StackModel::setMappings(const QList<MappingSummary> &mappings)
{
    m_mappings = mappings;
    m_snapshot.applyMappings(m_mappings);
    rebuild();
}

void StackModel::refresh()
{
    // One read at a time; a request during it reads once more afterwards.
    if (m_watcher.isRunning()) {
        m_refreshAgain = true;
        return;
    }
    auto promise = std::make_shared<QPromise<StackSnapshot>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, root = m_root]() {
        promise->addResult(StackSnapshot::read(root));
        promise->finish();
    });
}

void StackModel::setSnapshot(const StackSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_snapshot.applyMappings(m_mappings);
    rebuild();
    Q_EMIT refreshed();
}

void StackModel::rebuild()
{
    beginResetModel();
    m_top = std::make_unique<Item>();
    const QStringList roots = m_snapshot.roots(m_direction);
    for (const QString &name : roots) {
        auto item = std::make_unique<Item>();
        item->name = name;
        item->parent = m_top.get();
        item->row = int(m_top->children.size());
        addChildren(item.get(), 1);
        m_top->children.push_back(std::move(item));
    }
    endResetModel();
}

void StackModel::addChildren(Item *item, int depth)
{
    if (depth >= MaxDepth) {
        return;
    }
    const QStringList names = m_snapshot.children(item->name, m_direction);
    for (const QString &name : names) {
        if (item->onPath(name)) {
            continue;
        }
        auto child = std::make_unique<Item>();
        child->name = name;
        child->parent = item;
        child->row = int(item->children.size());
        addChildren(child.get(), depth + 1);
        item->children.push_back(std::move(child));
    }
}

StackModel::Item *StackModel::itemOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_top.get();
}

QModelIndex StackModel::indexOf(const QString &kernelName) const
{
    std::vector<const Item *> pending;
    for (auto it = m_top->children.rbegin(); it != m_top->children.rend(); ++it) {
        pending.push_back(it->get());
    }
    while (!pending.empty()) {
        const Item *item = pending.back();
        pending.pop_back();
        if (item->name == kernelName) {
            return createIndex(item->row, 0, const_cast<Item *>(item));
        }
        for (auto it = item->children.rbegin(); it != item->children.rend(); ++it) {
            pending.push_back(it->get());
        }
    }
    return QModelIndex();
}

QModelIndex StackModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *item = itemOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(item->children.size())
        || (parent.isValid() && parent.column() != 0)) {
        return QModelIndex();
    }
    return createIndex(row, column, item->children[size_t(row)].get());
}

QModelIndex StackModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return QModelIndex();
    }
    Item *parent = itemOf(child)->parent;
    return parent == m_top.get() ? QModelIndex() : createIndex(parent->row, 0, parent);
}

int StackModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return int(itemOf(parent)->children.size());
}

int StackModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StackModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return QVariant();
    }
    const StackNode *node = m_snapshot.node(itemOf(index)->name);
    if (!node) {
        return QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
        return display(*node, index.column());
    case Qt::ToolTipRole:
        return toolTip(*node);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn || index.column() == OpenColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case KernelNameRole:
        return node->kernelName;
    case MappingNameRole:
        return node->dmName;
    case UuidRole:
        return node->dmUuid;
    default:
        return QVariant();
    }
}

QVariant StackModel::display(const StackNode &node, int column) const
{
    switch (column) {
    case NameColumn:
        return node.displayName();
    case OwnerColumn:
        return kindOf(node);
    case SizeColumn:
        return formatSizeHuman(node.sizeInSectors * BytesPerSector);
    case OpenColumn:
        return node.openCount >= 0 ? QVariant(node.openCount) : QVariant();
    case HoldersColumn:
        return node.holders.join(QStringLiteral(", "));
    case ReadOnlyColumn:
        return node.readOnly ? tr("read-only") : QString();
    case NumberColumn:
        return node.number;
    default:
        return QVariant();
    }
}

QString StackModel::toolTip(const StackNode &node) const
{
    QStringList lines{node.displayName()};
    if (!node.dmUuid.isEmpty()) {
        lines.append(tr("uuid %1").arg(node.dmUuid));
    }
    if (!node.fsType.isEmpty()) {
        lines.append(tr("holds %1").arg(node.fsType));
    }
    if (!node.mountPoints.isEmpty()) {
        lines.append(tr("mounted at %1").arg(node.mountPoints.join(QStringLiteral(", "))));
    }
    if (!node.targets.isEmpty()) {
        lines.append(tr("targets: %1").arg(node.targets.join(QStringLiteral(", "))));
    }
    lines.append(node.holders.isEmpty() ? tr("nothing is built on it")
                                        : tr("held by %1").arg(node.holders.join(QStringLiteral(", "))));
    return lines.join(u'\n');
}

QVariant StackModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QVariant();
    }
    switch (section) {
    case NameColumn:
        return tr("Device");
    case OwnerColumn:
        return tr("Made by");
    case SizeColumn:
        return tr("Size");
    case OpenColumn:
        return tr("Open");
    case HoldersColumn:
        return tr("Held by");
    case ReadOnlyColumn:
        return tr("Access");
    case NumberColumn:
        return tr("Number");
    default:
        return QVariant();
    }
}

} // namespace Volmap
