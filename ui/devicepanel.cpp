// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicepanel.h"

#include "devicemonitor.h"
#include "devicetreemodel.h"
#include "usagebadgedelegate.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Volmap {

DevicePanel::DevicePanel(DeviceTreeModel *model, DeviceMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_tabs(new QTabWidget(this))
{
    setUpFilter();
    setUpView();
    connect(monitor, &DeviceMonitor::rescanned, model, &DeviceTreeModel::setDevices);
    connect(monitor, &DeviceMonitor::deviceChanged, model, &DeviceTreeModel::updateDevice);
    connect(monitor, &DeviceMonitor::deviceRemoved, model, &DeviceTreeModel::removeDevice);
    layOut();
    m_view->expandAll();
}

void DevicePanel::setUpFilter()
{
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit->setPlaceholderText(tr("Filter devices"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter devices"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
}

void DevicePanel::setUpView()
{
    m_view->setObjectName(QStringLiteral("deviceTree"));
    m_view->setAccessibleName(tr("Block devices"));
    m_view->setAccessibleDescription(tr("Drag a device onto the table editor to add it as a segment"));
    m_view->setModel(m_filter);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setItemDelegateForColumn(DeviceTreeModel::UsageColumn, new UsageBadgeDelegate(m_view));
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    // New disks show their partitions: that is where the free space usually is.
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int row = first; row <= last; ++row) {
                        m_view->expand(m_filter->index(row, 0));
                    }
                }
            });
    connect(m_view, &QTreeView::activated, this, [this]() {
        const QStringList devices = selectedDevices();
        if (!devices.isEmpty()) {
            Q_EMIT addRequested(devices);
        }
    });
}

void DevicePanel::layOut()
{
    auto *tree = new QWidget(m_tabs);
    auto *treeLayout = new QVBoxLayout(tree);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_filterEdit);
    treeLayout->addWidget(m_view);
    m_tabs->setObjectName(QStringLiteral("devicePanelTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true);
    m_tabs->addTab(tree, tr("Devices"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void DevicePanel::addPage(const QString &title, std::function<QWidget *()> build)
{
    auto *holder = new QWidget;
    auto *holderLayout = new QVBoxLayout(holder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(holder, title);
    const auto buildIfCurrent = [this, holder, holderLayout, build = std::move(build)]() {
        if (m_tabs->currentWidget() == holder && holderLayout->isEmpty()) {
            QWidget *page = build();
            holderLayout->addWidget(page);
            // A widget added to a shown parent would only show on the next event loop pass.
            page->show();
        }
    };
    connect(m_tabs, &QTabWidget::currentChanged, holder, buildIfCurrent);
    // The first tab added is current at once, before anything could listen.
    buildIfCurrent();
}

void DevicePanel::addBelowTree(QWidget *widget)
{
    layout()->addWidget(widget);
}

QStringList DevicePanel::selectedDevices() const
{
    QStringList names;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(DeviceTreeModel::NameColumn);
    for (const QModelIndex &row : rows) {
        names.append(row.data(DeviceTreeModel::KernelNameRole).toString());
    }
    return names;
}

} // namespace Volmap
