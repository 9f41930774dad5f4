// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace Volmap {

class DeviceMonitor;
class DeviceTreeModel;

/*
 * The machine's block devices as a filterable tree that devices are
 * dragged from. Follows hotplug through the monitor; selection and
 * expanded branches survive because the model changes row by row.
 */
class DevicePanel final : public QWidget
{
    Q_OBJECT

public:
    DevicePanel(DeviceTreeModel *model, DeviceMonitor *monitor, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    /* Kernel names of the selected devices, e.g. {"sdb1"}. */
    QStringList selectedDevices() const;
    /* Another view of the devices as a tab beside the tree (the stack view); the tabs show from the second
     * on. `build` makes the page when its tab is first shown: a page nobody opens costs nothing at start. */
    void addPage(const QString &title, std::function<QWidget *()> build);
    QTabWidget *tabs() const { return m_tabs; }
    /* Puts `widget` (the space map) under the tree. */
    void addBelowTree(QWidget *widget);

Q_SIGNALS:
    /* Enter or double-click: add the selected devices to the table. */
    void addRequested(const QStringList &kernelNames);

private:
    // The constructor's parts.
    void setUpFilter();
    void setUpView();
    void layOut();

    DeviceTreeModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_filterEdit;
    QTreeView *m_view;
    QTabWidget *m_tabs;
};

} // namespace Volmap
