// SPDX-License-Identifier: GPL-2.0-or-later
// The main window's menu bar: each menu's actions, most of them the
// editor's and the panels' own.

#include "devicemonitor.h"
#include "devicepanel.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "tableeditor.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

namespace Volmap {

void MainWindow::buildMenus()
{
    buildFileMenu(menuBar()->addMenu(tr("&File")));
    buildEditMenu(menuBar()->addMenu(tr("&Edit")));
    buildMappingMenu(menuBar()->addMenu(tr("&Mapping")));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        view->addAction(dock->toggleViewAction());
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    buildHelpMenu(help);
    addAboutAction(help);
}

void MainWindow::buildFileMenu(QMenu *file)
{
    file->addAction(m_editor->importAction());
    file->addAction(m_editor->exportAction());
    file->addAction(m_editor->commandAction());
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildEditMenu(QMenu *edit)
{
    edit->addAction(m_editor->undoAction());
    edit->addAction(m_editor->redoAction());
    edit->addSeparator();
    edit->addAction(m_editor->removeAction());
    edit->addAction(m_editor->addZeroAction());
    edit->addAction(m_editor->pasteAction());
    QAction *addDevices = edit->addAction(QIcon::fromTheme(QStringLiteral("list-add")),
                                          tr("&Add Selected Devices"));
    addDevices->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(addDevices, &QAction::triggered, this,
            [this]() { addDevicesFromPanel(m_devicePanel->selectedDevices()); });
    QAction *findDevices = edit->addAction(tr("&Find Device"));
    findDevices->setShortcut(QKeySequence::Find);
    connect(findDevices, &QAction::triggered, this, [this]() {
        m_devicePanel->tabs()->setCurrentIndex(0);
        if (auto *filter = m_devicePanel->findChild<QLineEdit *>()) {
            filter->setFocus(Qt::ShortcutFocusReason);
        }
    });
}

void MainWindow::buildMappingMenu(QMenu *mapping)
{
    mapping->addAction(m_editor->createAction());
    mapping->addAction(m_editor->applyAction());
    mapping->addSeparator();
    QAction *open = mapping->addAction(QIcon::fromTheme(QStringLiteral("document-edit")),
                                       tr("&Open Selected in Editor"));
    m_openSelected = open;
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(open, &QAction::triggered, this, [this]() { openMapping(m_mappingsPanel->selectedMapping()); });
    QAction *remove = mapping->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")),
                                         tr("&Remove Selected…"));
    m_removeSelected = remove;
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    connect(remove, &QAction::triggered, this,
            [this]() { removeMapping(m_mappingsPanel->selectedMapping()); });
    QAction *reset = mapping->addAction(tr("Reset &Counters of Selected"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(reset, &QAction::triggered, this,
            [this]() { resetCounters(m_mappingsPanel->selectedMapping()); });
    QAction *refresh = mapping->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this]() {
        m_mappingModel->refresh();
        m_monitor->rescan();
    });
}

void MainWindow::addAboutAction(QMenu *help)
{
    QAction *about = help->addAction(QIcon::fromTheme(QStringLiteral("help-about")),
                                     tr("&About Volume Mapper"));
    connect(about, &QAction::triggered, this, [this]() {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Volume Mapper"),
                                    tr("<b>Volume Mapper %1</b><p>Build device-mapper tables from your block "
                                       "devices by dragging them, create and change mappings live, and watch "
                                       "the I/O that flows through them.</p>")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace Volmap
