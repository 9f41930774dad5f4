// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappinglistpanel.h"

#include "clienterror.h"
#include "emptystate.h"
#include "mappinglistmodel.h"
#include "mappingowner.h"
#include "mappingrowdelegate.h"
#include "wrappedmessagelabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace Volmap {

MappingListPanel::MappingListPanel(MappingListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_message(new WrappedMessageLabel(this))
    , m_open(new QPushButton(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Open in Editor"), this))
    , m_remove(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("Remove…"), this))
    , m_refresh(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this))
{
    setUpView();
    wireButtons();
    addEmptyState();
    layOut();
    updateButtons();
}

void MappingListPanel::setUpView()
{
    m_view->setObjectName(QStringLiteral("mappingTable"));
    m_view->setAccessibleName(tr("Device-mapper mappings"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MappingRowDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MappingListPanel::showMenu);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Fit the columns to what the helper reported, but let the person resize them.
    auto fit = [this]() {
        spanSavedRows();
        m_view->resizeColumnsToContents();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fit);
    connect(m_model, &QAbstractItemModel::dataChanged, this, fit);
    connect(m_model, &QAbstractItemModel::modelReset, this, fit);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, fit);
    // Listings answered out of order may come before the one with a new
    // mapping: wait for the one that has it.
    connect(m_model, &MappingListModel::refreshed, this, [this]() {
        if (!m_selectWhenListed.isEmpty() && m_model->rowOf(m_selectWhenListed) >= 0) {
            selectMapping(std::exchange(m_selectWhenListed, QString()));
        }
    });
    m_view->setWordWrap(false);
}

void MappingListPanel::wireButtons()
{
    m_message->setObjectName(QStringLiteral("mappingsMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_remove->setToolTip(tr("Remove this mapping; the data on its devices stays"));
    connect(m_open, &QPushButton::clicked, this, [this]() { Q_EMIT openRequested(selectedMapping()); });
    connect(m_remove, &QPushButton::clicked, this, [this]() { Q_EMIT removeRequested(selectedMapping()); });
    connect(m_refresh, &QPushButton::clicked, this, [this]() {
        m_message->hide();
        m_model->refresh();
    });
    connect(m_view, &QTableView::activated, this, [this]() {
        if (!m_busy && !selectedMapping().isEmpty()) {
            Q_EMIT openRequested(selectedMapping());
        }
    });
    // A saved definition that is not live has no I/O to follow: the view hears of no mapping.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this]() {
        updateButtons();
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        const bool live = !rows.isEmpty() && rows.first().data(MappingListModel::LiveRole).toBool();
        Q_EMIT selectionChanged(live ? rows.first().data(MappingListModel::NameRole).toString() : QString(),
                                live ? rows.first().data(MappingListModel::KernelNameRole).toString()
                                     : QString());
    });
    // A refresh that removes the selected row leaves no selection: the I/O view must hear of it.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MappingListPanel::updateButtons);
    connect(m_model, &MappingListModel::refreshed, m_message, &QWidget::hide);
}

void MappingListPanel::addEmptyState()
{
    auto *empty = new EmptyStateOverlay(m_view, [this]() {
        return m_listed && m_message->isHidden()
                   ? tr("No device-mapper mappings. Build a table in the editor and create one.")
                   : QString();
    });
    connect(m_model, &MappingListModel::refreshed, empty, [this, empty]() {
        m_listed = true;
        empty->refresh();
    });
}

void MappingListPanel::layOut()
{
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

QString MappingListPanel::selectedName(bool live) const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().data(MappingListModel::LiveRole).toBool() != live) {
        return {};
    }
    return rows.first().data(MappingListModel::NameRole).toString();
}

QString MappingListPanel::selectedMapping() const
{
    return selectedName(true);
}

QString MappingListPanel::selectedSaved() const
{
    return selectedName(false);
}

QMenu *MappingListPanel::menuForRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        return nullptr;
    }
    const MappingRow &entry = m_model->row(row);
    const QString name = entry.mapping.name;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("mappingMenu"));
    if (!entry.isLive()) {
        QAction *assemble = menu->addAction(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                                            tr("&Assemble Now"), this,
                                            [this, name]() { Q_EMIT assembleRequested(name); });
        assemble->setToolTip(
            tr("Create every saved mapping whose devices are all there and free, and say what "
               "became of this one"));
        menu->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Forget…"), this,
                        [this, name]() { Q_EMIT forgetRequested(name); });
    } else {
        menu->addAction(m_open->icon(), m_open->text(), this, [this, name]() { Q_EMIT openRequested(name); });
        menu->addAction(m_remove->icon(), m_remove->text(), this,
                        [this, name]() { Q_EMIT removeRequested(name); });
        // Only a mapping Volume Mapper made can be saved: the helper saves only its own targets' tables.
        if (entry.mapping.createdByVolmap) {
            menu->addSeparator();
            QAction *recreate = menu->addAction(tr("Recreate at &Startup"));
            recreate->setCheckable(true);
            recreate->setChecked(entry.persistence == Persistence::Saved);
            recreate->setToolTip(
                tr("Save this mapping's definition, so it is created again after every restart"));
            connect(recreate, &QAction::triggered, this,
                    [this, name](bool checked) { Q_EMIT persistRequested(name, checked); });
        }
    }
    for (QAction *action : menu->actions()) {
        action->setEnabled(!m_busy);
    }
    return menu;
}

void MappingListPanel::spanSavedRows()
{
    // A saved definition that is not live has a name and a state, nothing
    // else: its state spans the empty columns, so the reason shows beside
    // the name instead of at the far right.
    m_view->clearSpans();
    for (int row = int(m_model->mappings().size()); row < m_model->rowCount(); ++row) {
        m_view->setSpan(row, MappingListModel::SizeColumn, 1,
                        MappingListModel::StateColumn - MappingListModel::SizeColumn + 1);
    }
}

void MappingListPanel::showMenu(const QPoint &position)
{
    // The menu key asks at a place that may hold no row: the current row's menu then.
    QModelIndex index = m_view->indexAt(position);
    QPoint at = position;
    if (!index.isValid()) {
        index = m_view->currentIndex();
        at = m_view->visualRect(index).center();
    }
    if (!index.isValid()) {
        return;
    }
    m_view->selectRow(index.row());
    if (QMenu *menu = menuForRow(index.row())) {
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(at));
    }
}

void MappingListPanel::selectMapping(const QString &name)
{
    if (const int row = m_model->rowOf(name); row >= 0) {
        m_selectWhenListed.clear();
        m_view->selectRow(row);
    } else {
        m_selectWhenListed = name;
    }
}

void MappingListPanel::showListError(const ClientError &error)
{
    m_message->setText(tr("<b>%1.</b> %2<br>%3")
                           .arg(error.title().toHtmlEscaped(), error.message.toHtmlEscaped(),
                                error.advice().toHtmlEscaped()));
    m_message->show();
    if (auto *empty = m_view->findChild<EmptyStateOverlay *>()) {
        empty->refresh();
    }
}

void MappingListPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void MappingListPanel::updateButtons()
{
    const bool selected = !selectedMapping().isEmpty();
    m_open->setEnabled(selected && !m_busy);
    m_remove->setEnabled(selected && !m_busy);
    // Another tool's mapping, or targets the editor cannot show, open read-only in the inspector.
    const int row = selected ? m_model->rowOf(selectedMapping()) : -1;
    const bool inspect = row >= 0
                         && !editorCanOpen(m_model->mappings()[row].uuid, m_model->mappings()[row].targets);
    m_open->setText(inspect ? tr("&Inspect…") : tr("&Open in Editor"));
    m_open->setToolTip(inspect ? tr("Show this mapping read-only: another tool owns it, or the editor cannot "
                                    "represent its targets")
                               : tr("Load this mapping's table into the editor to change it live"));
}

} // namespace Volmap
