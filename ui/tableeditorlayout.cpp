// SPDX-License-Identifier: GPL-2.0-or-later
// The table editor's widgets, built and arranged once by the constructor,
// one area per function; what the editor does lives in tableeditor.cpp.
#include "tableeditor.h"

#include "layoutbar.h"
#include "problemcolor.h"
#include "segmentdelegate.h"
#include "segmenttablemodel.h"
#include "sizeunits.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Volmap {

namespace {

const SizeUnit Units[] = {SizeUnit::Sectors, SizeUnit::KiB, SizeUnit::MiB, SizeUnit::GiB, SizeUnit::TiB};

} // namespace

void TableEditor::buildDropControls()
{
    for (SizeUnit unit : Units) {
        m_unit->addItem(unit == SizeUnit::Sectors ? tr("sectors") : unitSuffix(unit), int(unit));
    }
    m_unit->setCurrentIndex(m_unit->findData(int(SizeUnit::MiB)));
    m_unit->setAccessibleName(tr("Unit for lengths and offsets"));
    m_unit->setToolTip(tr("Unit for lengths and offsets"));
    connect(m_unit, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setDisplayUnit(SizeUnit(m_unit->currentData().toInt())); });

    m_newLength->setPlaceholderText(tr("all free space"));
    m_newLength->setAccessibleName(tr("Length of dropped devices"));
    m_newLength->setToolTip(tr("How much of a dropped device a new segment takes, e.g. 512 MiB. "
                               "Empty: the largest free range."));
    m_newLength->setClearButtonEnabled(true);
    m_newLength->setMaximumWidth(140);
    connect(m_newLength, &QLineEdit::textChanged, this, [this](const QString &text) {
        const auto sectors = parseSizeInSectors(text, m_model->displayUnit());
        const bool ok = text.trimmed().isEmpty() || sectors.has_value();
        m_model->setNewSegmentLength(ok && !text.trimmed().isEmpty() ? sectors.value() : 0);
        m_newLength->setStyleSheet(ok ? QString() : QStringLiteral("color: %1").arg(problemColor().name()));
    });
}

void TableEditor::buildToolBar()
{
    m_toolBar->setObjectName(QStringLiteral("tableToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_remove);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_import);
    m_toolBar->addAction(m_paste);
    m_toolBar->addAction(m_export);
    m_toolBar->addAction(m_command);

    m_editingBanner->setObjectName(QStringLiteral("editingBanner"));
    m_editingBanner->setWordWrap(true);
    m_editingBanner->setAutoFillBackground(true);
    m_editingBanner->setContentsMargins(8, 6, 8, 6);
    m_editingBanner->setBackgroundRole(QPalette::AlternateBase);
    connect(m_newMappingButton, &QPushButton::clicked, this, &TableEditor::startNewMapping);
}

void TableEditor::buildSegmentView()
{
    auto *delegate = new SegmentDelegate(
        m_model, [this](const QString &device) { return m_layoutBar->colorOf(device); }, this);
    connect(delegate, &SegmentDelegate::editRefused, this,
            [this](const QString &reason) { Q_EMIT statusMessage(tr("Not changed: %1").arg(reason)); });
    m_view->setObjectName(QStringLiteral("segmentTable"));
    m_view->setAccessibleName(tr("Segments of the new device"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDragDropOverwriteMode(false);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SegmentTableModel::TargetColumn, 120);
    m_view->setColumnWidth(SegmentTableModel::DeviceColumn, 160);
    m_view->setColumnWidth(SegmentTableModel::OffsetColumn, 110);
    m_view->setColumnWidth(SegmentTableModel::LengthColumn, 110);
    m_view->setColumnWidth(SegmentTableModel::StartColumn, 110);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : {m_remove, m_addZero, m_command}) {
        m_view->addAction(action);
    }
    connect(m_layoutBar, &LayoutBar::segmentClicked, this, &TableEditor::selectRow);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_layoutBar->setCurrentRow(current.isValid() ? current.row() : -1);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TableEditor::updateState);
}

void TableEditor::buildCreateControls()
{
    m_summary->setObjectName(QStringLiteral("tableSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_name->setObjectName(QStringLiteral("mappingName"));
    m_name->setPlaceholderText(tr("e.g. fastdata"));
    m_name->setAccessibleName(tr("Name of the new mapping"));
    m_name->setMaxLength(127);
    connect(m_name, &QLineEdit::textChanged, this, &TableEditor::updateState);
    m_readOnly->setToolTip(tr("The new device refuses writes"));
    m_createButton->setDefault(true);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    connect(m_createButton, &QPushButton::clicked, m_create, &QAction::trigger);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    connect(m_applyButton, &QPushButton::clicked, m_apply, &QAction::trigger);
}

void TableEditor::connectModel()
{
    connect(m_model, &SegmentTableModel::validityChanged, this, &TableEditor::updateState);
    // Undoing the opening of a mapping also undoes editing it live.
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        if (!m_editedMapping.isEmpty() && index < m_openedAtIndex) {
            startNewMapping();
        }
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TableEditor::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TableEditor::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TableEditor::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TableEditor::updateState);
    connect(m_model, &SegmentTableModel::dropRefused, this,
            [this](const QString &reason) { Q_EMIT statusMessage(reason); });
}

void TableEditor::arrangeLayout()
{
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(nameLabel);
    bottom->addWidget(m_name, 1);
    bottom->addWidget(m_readOnly);
    bottom->addWidget(m_createButton);
    bottom->addWidget(m_applyButton);

    auto *unitLabel = new QLabel(tr("&Unit:"), this);
    unitLabel->setBuddy(m_unit);
    auto *lengthLabel = new QLabel(tr("&Drop length:"), this);
    lengthLabel->setBuddy(m_newLength);
    auto *units = new QHBoxLayout;
    units->addStretch();
    units->addWidget(lengthLabel);
    units->addWidget(m_newLength);
    units->addSpacing(12);
    units->addWidget(unitLabel);
    units->addWidget(m_unit);

    auto *banner = new QHBoxLayout;
    banner->addWidget(m_editingBanner, 1);
    banner->addWidget(m_newMappingButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(6, 0, 6, 6);
    body->addLayout(banner);
    body->addWidget(m_layoutBar);
    body->addLayout(units);
    body->addWidget(m_view, 1);
    body->addWidget(m_summary);
    body->addLayout(bottom);
    layout->addLayout(body, 1);
}

} // namespace Volmap
