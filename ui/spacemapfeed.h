// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "rangesignatureprobe.h"
#include "segmenttablemodel.h"
#include "spacemap.h"

#include <QObject>
#include <QPersistentModelIndex>
#include <QTimer>

class QTreeView;

namespace Volmap {

class DeviceTreeModel;
class SpaceMapBar;

/*
 * Feeds the space map bar: the device selected (or hovered) in the
 * device tree, its partitions and users from the device list, the
 * ranges the draft table would use (from the editor's model) and what
 * they hold (from the probe), and exact ranges of existing mappings
 * through setMappingRanges(). Also answers the editor's "Data There"
 * column from the same probe.
 */
class SpaceMapFeed final : public QObject
{
    Q_OBJECT

public:
    SpaceMapFeed(SpaceMapBar *bar, DeviceTreeModel *devices, RangeSignatureProbe *probe,
                 const QString &systemRoot = QString(), QObject *parent = nullptr);

    SpaceMapBar *bar() const { return m_bar; }
    /* The table being edited; its ranges show as Draft. */
    void setDraftModel(SegmentTableModel *model);
    /* Shows the tree's current device, and the one under the mouse while it hovers. */
    void followTree(QTreeView *tree);
    /* Shows `kernelName` ("" for none) until the tree's current device changes. */
    void showDevice(const QString &kernelName);
    QString shownDevice() const { return m_shown; }

    /*
     * The single entry point for existing mappings' exact ranges (kind
     * SpaceKind::Mapping, one claim per target range, by device number).
     * A mapping named here is drawn at its ranges instead of as "used by
     * <mapping> (whole device)", which is all the device list can say.
     */
    void setMappingRanges(const QList<DeviceRangeClaim> &claims);

    /* For SegmentTableModel::setSignatureLookup(): the probe's answer for a segment's range. */
    SegmentTableModel::SignatureLookup signatureLookup();

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void scheduleRefresh() { m_refresh.start(); }
    void refresh();
    void devicesChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    QList<BlockDeviceInfo> allDevices() const;
    QList<DeviceRangeClaim> draftClaims();
    std::optional<ProbeTarget> targetOf(const EditableSegment &segment);
    std::optional<RangeSignature> signatureOf(const EditableSegment &segment);

    SpaceMapBar *m_bar;
    DeviceTreeModel *m_devices;
    RangeSignatureProbe *m_probe;
    QString m_root;
    SegmentTableModel *m_draft = nullptr;
    QTreeView *m_tree = nullptr;
    QString m_current; // the tree's current device
    QString m_shown;   // what the bar shows: the current or the hovered device
    QList<DeviceRangeClaim> m_mappingRanges;
    // Device paths of the draft resolved once per device list change, not on every paint.
    QHash<QString, std::optional<ProbeTarget>> m_resolved;
    QTimer m_refresh; // coalesces bursts of changes into one relayout
};

} // namespace Volmap
