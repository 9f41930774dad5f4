// SPDX-License-Identifier: GPL-2.0-or-later
// MainWindow's session: the Help menu, the unfinished table kept across
// quits, and the settings remembered besides the window layout.

#include "columnfit.h"
#include "devicemonitor.h"
#include "devicepanel.h"
#include "devicetreemodel.h"
#include "emptystate.h"
#include "handbook.h"
#include "iomonitorview.h"
#include "mainwindow.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

namespace Volmap {

namespace {
constexpr int DraftSaveDelayMs = 1000;
}

void MainWindow::buildHelpMenu(QMenu *help)
{
    QAction *handbook = help->addAction(QIcon::fromTheme(QStringLiteral("help-contents")),
                                        tr("Volume Mapper &Handbook"));
    handbook->setObjectName(QStringLiteral("handbookAction"));
    handbook->setShortcut(QKeySequence::HelpContents);
    connect(handbook, &QAction::triggered, this, [this]() {
        if (auto *open = findChild<HandbookDialog *>()) {
            open->raise();
            open->activateWindow();
            return;
        }
        auto *dialog = new HandbookDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QMenu *manuals = help->addMenu(tr("&Manual Pages"));
    for (const ManPage &page : manPages()) {
        QAction *action = manuals->addAction(page.title());
        action->setData(page.url());
        connect(action, &QAction::triggered, this, [this, url = page.url()]() { openManPage(url, this); });
    }
    help->addSeparator();
}

void MainWindow::restoreDraft()
{
    m_draftSave.setSingleShot(true);
    m_draftSave.setInterval(DraftSaveDelayMs);
    connect(&m_draftSave, &QTimer::timeout, this, &MainWindow::saveDraft);
    if (const auto draft = m_drafts.load()) {
        m_editor->restoreDraft(*draft);
        showStatus(draft->editedMapping.isEmpty()
                       ? tr("Restored the table you had not created yet")
                       : tr("Restored your unapplied changes to %1").arg(draft->editedMapping));
    }
    // Connected after the restore: restoring is no change to save.
    connect(m_editor, &TableEditor::draftChanged, &m_draftSave, qOverload<>(&QTimer::start));
}

void MainWindow::saveDraft()
{
    m_draftSave.stop();
    if (m_editor->hasDraft()) {
        m_drafts.save(m_editor->draft());
    } else {
        m_drafts.discard();
    }
}

bool MainWindow::confirmQuit()
{
    if (m_quitAnswered || !m_editor->hasDraft()) {
        saveDraft();
        return true;
    }
    saveDraft(); // kept even if the question is never answered
    if (findChild<QMessageBox *>(QStringLiteral("quitQuestion"))) {
        return false;
    }
    const QString edited = m_editor->editedMapping();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Volume Mapper"),
                                edited.isEmpty() ? tr("The table in the editor is not created yet.")
                                                 : tr("Your changes to %1 are not applied yet.").arg(edited),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitQuestion"));
    box->setInformativeText(tr("Keep it to continue next time, or discard it?"));
    QPushButton *keep = box->addButton(tr("&Keep and Quit"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepDraftButton"));
    QPushButton *discard = box->addButton(tr("&Discard and Quit"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, keep, discard](QAbstractButton *button) {
        if (button != keep && button != discard) {
            return;
        }
        if (button == discard) {
            m_drafts.discard();
            // Nothing left to save when the window closes.
            disconnect(m_editor, &TableEditor::draftChanged, &m_draftSave, nullptr);
            m_editor->model()->undoStack()->setClean();
        }
        m_quitAnswered = true;
        // After the box is gone: closing from its own signal would close it twice.
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    box->open();
    return false;
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QVariant unit = settings.value(QStringLiteral("editor/unit"));
    if (unit.isValid()) {
        m_editor->setDisplayUnit(SizeUnit(unit.toInt()));
    }
    m_editor->setDropLength(settings.value(QStringLiteral("editor/dropLength")).toString());
    const QVariant interval = settings.value(QStringLiteral("io/interval"));
    if (interval.isValid()) {
        m_ioView->setSamplingInterval(interval.toInt());
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("editor/unit"), int(m_editor->displayUnit()));
    settings.setValue(QStringLiteral("editor/dropLength"), m_editor->dropLength());
    settings.setValue(QStringLiteral("io/interval"), m_ioView->samplingInterval());
}

// The device tree says why it is empty: still scanning, or a filter that
// matches nothing. And the editor's columns fit what they hold.
void MainWindow::watchDeviceFilter()
{
    keepColumnsFitting(m_editor->view());
    auto *filter = m_devicePanel->findChild<QLineEdit *>();
    auto *empty = new EmptyStateOverlay(m_devicePanel->view(), [this, filter]() {
        if (filter && !filter->text().trimmed().isEmpty()) {
            return tr("No device matches “%1”.").arg(filter->text().trimmed());
        }
        return m_monitor->isScanning() && m_deviceModel->rowCount() == 0 ? tr("Looking for block devices…")
                                                                         : tr("No block devices found.");
    });
    if (filter) {
        connect(filter, &QLineEdit::textChanged, empty, &EmptyStateOverlay::refresh);
    }
    connect(m_monitor, &DeviceMonitor::rescanned, empty, &EmptyStateOverlay::refresh);
}

} // namespace Volmap
