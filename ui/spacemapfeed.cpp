// SPDX-License-Identifier: GPL-2.0-or-later
#include "spacemapfeed.h"

#include "devicetreemodel.h"
#include "sizeunits.h"
#include "spacemapbar.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QTreeView>

namespace Volmap {

SpaceMapFeed::SpaceMapFeed(SpaceMapBar *bar, DeviceTreeModel *devices, RangeSignatureProbe *probe,
                           const QString &systemRoot, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_devices(devices)
    , m_probe(probe)
    , m_root(systemRoot)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &SpaceMapFeed::refresh);
    connect(devices, &QAbstractItemModel::dataChanged, this, &SpaceMapFeed::devicesChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(devices, signal, this, [this]() {
            m_resolved.clear();
            scheduleRefresh();
        });
    }
    connect(devices, &QAbstractItemModel::modelReset, this, [this]() {
        m_resolved.clear();
        scheduleRefresh();
    });
    connect(probe, &RangeSignatureProbe::probed, this, &SpaceMapFeed::scheduleRefresh);
}

void SpaceMapFeed::setDraftModel(SegmentTableModel *model)
{
    m_draft = model;
    // An edit shows at once (the person is looking at it); only the probe's
    // answers and device events, which come in bursts, are coalesced.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(model, signal, this, &SpaceMapFeed::refresh);
    }
    connect(model, &QAbstractItemModel::rowsMoved, this, &SpaceMapFeed::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &SpaceMapFeed::refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        // The Data There column changing is the probe's answer arriving, already handled.
        if (topLeft.column() != SegmentTableModel::DataColumn) {
            refresh();
        }
    });
    refresh();
}

void SpaceMapFeed::followTree(QTreeView *tree)
{
    m_tree = tree;
    tree->setMouseTracking(true); // for entered()
    tree->viewport()->installEventFilter(this);
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_current = current.data(DeviceTreeModel::KernelNameRole).toString();
                showDevice(m_current);
            });
    connect(tree, &QAbstractItemView::entered, this, [this](const QModelIndex &index) {
        showDevice(index.data(DeviceTreeModel::KernelNameRole).toString());
    });
    connect(tree, &QAbstractItemView::viewportEntered, this, [this]() { showDevice(m_current); });
}

bool SpaceMapFeed::eventFilter(QObject *watched, QEvent *event)
{
    if (m_tree && watched == m_tree->viewport() && event->type() == QEvent::Leave) {
        showDevice(m_current); // the hovered device was only on loan
    }
    return QObject::eventFilter(watched, event);
}

void SpaceMapFeed::showDevice(const QString &kernelName)
{
    if (kernelName == m_shown) {
        return;
    }
    m_shown = kernelName;
    refresh();
}

void SpaceMapFeed::setMappingRanges(const QList<DeviceRangeClaim> &claims)
{
    m_mappingRanges = claims;
    scheduleRefresh();
}

void SpaceMapFeed::devicesChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // What the device holds may have changed with it: read it again.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (const auto info = m_devices->device(topLeft.siblingAtRow(row))) {
            m_probe->invalidate(info->number);
        }
    }
    m_resolved.clear();
    if (m_draft) {
        m_draft->signaturesChanged();
    }
    scheduleRefresh();
}

QList<BlockDeviceInfo> SpaceMapFeed::allDevices() const
{
    QList<BlockDeviceInfo> devices;
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const QModelIndex top = m_devices->index(row, 0);
        if (const auto info = m_devices->device(top)) {
            devices.append(*info);
        }
        for (int child = 0; child < m_devices->rowCount(top); ++child) {
            if (const auto info = m_devices->device(m_devices->index(child, 0, top))) {
                devices.append(*info);
            }
        }
    }
    return devices;
}

std::optional<ProbeTarget> SpaceMapFeed::targetOf(const EditableSegment &segment)
{
    if (segment.device.isEmpty() || segment.length == 0) {
        return std::nullopt;
    }
    auto cached = m_resolved.constFind(segment.device);
    if (cached == m_resolved.cend()) {
        cached = m_resolved.insert(segment.device, probeTargetOf(m_root, segment.device, 0, 0));
    }
    if (!*cached) {
        return std::nullopt;
    }
    return ProbeTarget{(*cached)->node, RangeKey{(*cached)->key.device, segment.offset, segment.length}};
}

std::optional<RangeSignature> SpaceMapFeed::signatureOf(const EditableSegment &segment)
{
    const auto target = targetOf(segment);
    if (!target) {
        return std::nullopt;
    }
    return m_probe->signatureFor(target->node, target->key);
}

SegmentTableModel::SignatureLookup SpaceMapFeed::signatureLookup()
{
    return [this](const EditableSegment &segment) -> std::optional<std::pair<QString, bool>> {
        if (!targetOf(segment)) {
            return std::pair{QString(), false}; // the Problem column says what is wrong with the device
        }
        const auto signature = signatureOf(segment);
        if (!signature) {
            return std::nullopt;
        }
        return std::pair{signature->description(), signature->holdsData()};
    };
}

QList<DeviceRangeClaim> SpaceMapFeed::draftClaims()
{
    QList<DeviceRangeClaim> claims;
    if (!m_draft) {
        return claims;
    }
    const QList<EditableSegment> &segments = m_draft->segments();
    for (int row = 0; row < segments.size(); ++row) {
        const EditableSegment &segment = segments[row];
        const auto target = targetOf(segment);
        if (!target) {
            continue;
        }
        SpaceRange range{segment.offset, segment.length, SpaceKind::Draft,
                         QString(),      segment.target, QString(),
                         QString(),      false,          row};
        if (const auto signature = signatureOf(segment)) {
            range.signature = signature->description();
            range.holdsData = signature->holdsData();
        }
        claims.append({target->key.device, range});
    }
    return claims;
}

void SpaceMapFeed::refresh()
{
    m_refresh.stop();
    const QList<BlockDeviceInfo> devices = allDevices();
    const auto shown = std::find_if(devices.cbegin(), devices.cend(), [this](const BlockDeviceInfo &info) {
        return info.kernelName == m_shown;
    });
    if (m_shown.isEmpty() || shown == devices.cend()) {
        m_bar->setInput(QString(), {});
        return;
    }
    const QList<DeviceRangeClaim> claims = m_mappingRanges + draftClaims();
    m_bar->setInput(shown->kernelName, spaceMapInputFor(*shown, devices, claims));
}

} // namespace Volmap
