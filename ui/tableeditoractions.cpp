// SPDX-License-Identifier: GPL-2.0-or-later
// The table editor's actions, shared by its tool bar, its context menu and
// the main window's menus; built once by the constructor, one group per function.
#include "tableeditor.h"

#include "segmenttablemodel.h"
#include "tabletext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QStyle>
#include <QTableView>
#include <QUndoStack>

#include <utility>

namespace Volmap {

namespace {

// Theme icons where the desktop has them, the style's own otherwise: never a blank button.
QIcon themeIcon(const QWidget *widget, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), widget->style()->standardIcon(fallback));
}

/* An action of `owner`'s window: its shortcut works wherever the focus is in it. */
QAction *windowAction(QWidget *owner, const QString &text, const char *iconName,
                      const QKeySequence &shortcut = {},
                      QStyle::StandardPixmap fallback = QStyle::SP_CustomBase)
{
    auto *action = new QAction(fallback == QStyle::SP_CustomBase
                                   ? QIcon::fromTheme(QString::fromLatin1(iconName))
                                   : themeIcon(owner, iconName, fallback),
                               text, owner);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

void TableEditor::buildActions()
{
    buildUndoActions();
    buildTableActions();
    buildMappingActions();
    for (QAction *action :
         {m_undo, m_redo, m_remove, m_addZero, m_import, m_paste, m_export, m_command, m_create, m_apply}) {
        addAction(action);
    }
    buildMoveActions();
}

void TableEditor::buildUndoActions()
{
    m_undo = m_model->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(themeIcon(this, "edit-undo", QStyle::SP_ArrowBack));
    m_undo->setIconText(tr("Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_model->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(themeIcon(this, "edit-redo", QStyle::SP_ArrowForward));
    m_redo->setIconText(tr("Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
}

void TableEditor::buildTableActions()
{
    m_remove = windowAction(this, tr("Re&move Segment"), "list-remove", QKeySequence::Delete,
                            QStyle::SP_TrashIcon);
    m_remove->setIconText(tr("Remove"));
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_remove, &QAction::triggered, this, &TableEditor::removeSelected);
    m_addZero = windowAction(this, tr("Add &Zero Segment"), "list-add",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QStyle::SP_FileIcon);
    m_addZero->setIconText(tr("Add Zero"));
    m_addZero->setToolTip(tr("Add a segment that reads zeros and discards writes"));
    connect(m_addZero, &QAction::triggered, this, &TableEditor::addZeroSegment);
    m_import = windowAction(this, tr("&Import Table…"), "document-open", QKeySequence::Open,
                            QStyle::SP_DialogOpenButton);
    m_import->setIconText(tr("Import…"));
    connect(m_import, &QAction::triggered, this, &TableEditor::importFile);
    m_paste = windowAction(this, tr("&Paste Table"), "edit-paste",
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QStyle::SP_FileDialogContentsView);
    m_paste->setIconText(tr("Paste"));
    m_paste->setToolTip(tr("Replace the table with dmsetup table text from the clipboard"));
    connect(m_paste, &QAction::triggered, this,
            [this]() { loadTableText(QApplication::clipboard()->text(), tr("Paste table")); });
    m_export = windowAction(this, tr("&Export Table…"), "document-save-as", QKeySequence::SaveAs,
                            QStyle::SP_DialogSaveButton);
    m_export->setIconText(tr("Export…"));
    connect(m_export, &QAction::triggered, this, &TableEditor::exportFile);
    m_command = windowAction(this, tr("Show dmsetup &Command"), "utilities-terminal",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStyle::SP_FileDialogInfoView);
    m_command->setIconText(tr("Command"));
    connect(m_command, &QAction::triggered, this, &TableEditor::showCommand);
}

void TableEditor::buildMappingActions()
{
    m_create = windowAction(this, tr("&Create Mapping…"), "document-new",
                            QKeySequence(Qt::CTRL | Qt::Key_Return), QStyle::SP_DialogApplyButton);
    connect(m_create, &QAction::triggered, this, [this]() {
        commitPendingEdit();
        if (m_create->isEnabled()) {
            Q_EMIT createRequested(mappingName(), formatTable(m_model->table()), readOnly());
        }
    });
    m_apply = windowAction(this, tr("&Apply to Mapping…"), "view-refresh",
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QStyle::SP_BrowserReload);
    connect(m_apply, &QAction::triggered, this, [this]() {
        commitPendingEdit();
        if (m_apply->isEnabled()) {
            Q_EMIT applyRequested(m_editedMapping, formatTable(m_model->table()));
        }
    });
}

void TableEditor::buildMoveActions()
{
    auto *moveUp = windowAction(this, tr("Move Segment Up"), "go-up", QKeySequence(Qt::CTRL | Qt::Key_Up));
    auto *moveDown = windowAction(this, tr("Move Segment Down"), "go-down",
                                  QKeySequence(Qt::CTRL | Qt::Key_Down));
    for (auto [action, step] : {std::pair{moveUp, -1}, std::pair{moveDown, 1}}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, step]() {
            const int row = m_view->currentIndex().row();
            if (row >= 0 && row + step >= 0 && row + step < m_model->rowCount()) {
                m_model->moveSegment(row, row + step);
                selectRow(row + step);
            }
        });
        addAction(action);
    }
}

} // namespace Volmap
