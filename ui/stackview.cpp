// SPDX-License-Identifier: GPL-2.0-or-later
#include "stackview.h"

#include "stackmodel.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Volmap {

StackView::StackView(StackModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_topDown(new QRadioButton(tr("&Mappings to disks"), this))
    , m_bottomUp(new QRadioButton(tr("D&isks to mappings"), this))
    , m_view(new QTreeView(this))
{
    m_topDown->setToolTip(tr("Each mapping with the devices it is built on, down to the disks (lsblk -s)"));
    m_bottomUp->setToolTip(tr("Each disk with its partitions and everything built on them"));
    m_topDown->setChecked(model->direction() == StackModel::Direction::TopDown);
    m_bottomUp->setChecked(model->direction() == StackModel::Direction::BottomUp);
    auto *group = new QButtonGroup(this);
    group->addButton(m_topDown);
    group->addButton(m_bottomUp);
    connect(m_topDown, &QRadioButton::toggled, this, [this](bool checked) {
        m_model->setDirection(checked ? StackModel::Direction::TopDown : StackModel::Direction::BottomUp);
    });

    m_view->setObjectName(QStringLiteral("stackTree"));
    m_view->setAccessibleName(tr("Device stacks"));
    m_view->setAccessibleDescription(tr("Press Enter on a mapping to open it"));
    m_view->setModel(model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    // Double-click opens a mapping; the stacks are expanded already and keep their arrows.
    m_view->setExpandsOnDoubleClick(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    // Every refresh resets the model: keep the stacks open and the selection where it was.
    connect(model, &QAbstractItemModel::modelReset, this, &StackView::restoreSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) {
                    m_selected = current.data(StackModel::KernelNameRole).toString();
                }
            });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString mapping = index.siblingAtColumn(0).data(StackModel::MappingNameRole).toString();
        if (!mapping.isEmpty()) {
            Q_EMIT openRequested(mapping);
        }
    });

    auto *toggle = new QHBoxLayout;
    toggle->addWidget(new QLabel(tr("Show:"), this));
    toggle->addWidget(m_topDown);
    toggle->addWidget(m_bottomUp);
    toggle->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toggle);
    layout->addWidget(m_view);
    restoreSelection();
}

QString StackView::selectedDevice() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(StackModel::KernelNameRole).toString();
}

void StackView::restoreSelection()
{
    m_view->expandAll();
    const QModelIndex index = m_model->indexOf(m_selected);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

} // namespace Volmap
