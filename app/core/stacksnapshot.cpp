// SPDX-License-Identifier: GPL-2.0-or-later
#include "stacksnapshot.h"

#include <algorithm>

namespace Volmap {

namespace {

StackNode nodeOf(const BlockDeviceInfo &device)
{
    StackNode node;
    node.kernelName = device.kernelName;
    node.kind = device.kind;
    node.number = device.number.toString();
    node.sizeInSectors = device.sizeInSectors;
    node.readOnly = device.readOnly;
    node.disk = device.parent;
    node.holders = device.holders;
    node.slaves = device.slaves;
    node.fsType = device.fsType;
    node.mountPoints = device.mountPoints;
    node.dmName = device.dmName;
    node.dmUuid = device.dmUuid;
    node.owner = ownerOf(device.dmUuid);
    return node;
}

} // namespace

QString StackNode::displayName() const
{
    return isMapping() ? QStringLiteral("%1 (%2)").arg(dmName, kernelName) : kernelName;
}

StackSnapshot StackSnapshot::read(const QString &root)
{
    StackSnapshot snapshot;
    const QList<BlockDeviceInfo> devices = BlockDeviceScanner(root).scanAll();
    for (const BlockDeviceInfo &device : devices) {
        snapshot.addNode(nodeOf(device));
    }
    return snapshot;
}

void StackSnapshot::addNode(const StackNode &node)
{
    if (!m_nodes.contains(node.kernelName)) {
        m_order.append(node.kernelName);
    }
    m_nodes.insert(node.kernelName, node);
}

void StackSnapshot::applyMappings(const QList<MappingSummary> &mappings)
{
    QHash<QString, const MappingSummary *> byName;
    for (const MappingSummary &mapping : mappings) {
        byName.insert(mapping.name, &mapping);
    }
    for (StackNode &node : m_nodes) {
        const MappingSummary *mapping = node.isMapping() ? byName.value(node.dmName) : nullptr;
        node.listed = mapping != nullptr;
        node.openCount = mapping ? mapping->openCount : -1;
        node.targets = mapping ? mapping->targets : QStringList();
        if (mapping) {
            node.readOnly = node.readOnly || mapping->readOnly;
        }
    }
}

const StackNode *StackSnapshot::node(const QString &kernelName) const
{
    const auto found = m_nodes.constFind(kernelName);
    return found == m_nodes.cend() ? nullptr : &*found;
}

QString StackSnapshot::kernelNameOf(const QString &number) const
{
    for (const StackNode &node : m_nodes) {
        if (node.number == number) {
            return node.kernelName;
        }
    }
    return QString();
}

QStringList StackSnapshot::roots(Direction direction) const
{
    QStringList roots;
    for (const StackNode &node : m_nodes) {
        const bool root = direction == Direction::TopDown
                              ? (node.isMapping() || !node.slaves.isEmpty()) && node.holders.isEmpty()
                              : node.slaves.isEmpty() && node.disk.isEmpty();
        if (root) {
            roots.append(node.kernelName);
        }
    }
    roots.sort();
    return roots;
}

QStringList StackSnapshot::children(const QString &kernelName, Direction direction) const
{
    const StackNode *parent = node(kernelName);
    if (!parent) {
        return {};
    }
    QStringList names;
    if (direction == Direction::TopDown) {
        names = !parent->slaves.isEmpty() ? parent->slaves
                : parent->disk.isEmpty()  ? QStringList()
                                          : QStringList{parent->disk};
    } else {
        // Partitions first, in name order, then what is built on the device itself.
        for (const StackNode &other : m_nodes) {
            if (other.disk == kernelName) {
                names.append(other.kernelName);
            }
        }
        names.sort();
        names += parent->holders;
    }
    // Only devices that exist: a link may point at one that went away mid-read.
    names.erase(std::remove_if(names.begin(), names.end(),
                               [this](const QString &name) { return !m_nodes.contains(name); }),
                names.end());
    return names;
}

} // namespace Volmap
