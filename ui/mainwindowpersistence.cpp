// SPDX-License-Identifier: GPL-2.0-or-later
// MainWindow's part in mappings that survive a restart: recreating a
// mapping at startup or not, and assembling or forgetting saved
// definitions that are not live. Each call refreshes the Mappings panel
// when it is answered, whatever the answer.

#include "clienterror.h"
#include "confirmations.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"

#include <QMessageBox>

namespace Volmap {

namespace {

// What a person can do about a saved mapping that was not assembled.
QString adviceFor(Persistence persistence)
{
    return persistence == Persistence::Waiting
               ? MainWindow::tr(
                   "It is assembled by itself as soon as the device it waits for appears; attach or "
                   "power on that device.")
               : MainWindow::tr("Free or reconnect what the reason names and try again, or forget the saved "
                                "definition and build the mapping anew in the editor.");
}

} // namespace

void MainWindow::wirePersistence()
{
    connect(m_mappingsPanel, &MappingListPanel::persistRequested, this, &MainWindow::setPersistent);
    connect(m_mappingsPanel, &MappingListPanel::assembleRequested, this, &MainWindow::assembleSaved);
    connect(m_mappingsPanel, &MappingListPanel::forgetRequested, this, [this](const QString &name) {
        forgetConfirmation(this, name, [this, name](bool forget) {
            if (forget) {
                setPersistent(name, false);
            }
        })->open();
    });
}

void MainWindow::setPersistent(const QString &name, bool enabled)
{
    if (name.isEmpty() || m_callsInFlight > 0) {
        return;
    }
    beginCall(enabled ? tr("Saving %1 to be recreated at startup…").arg(name)
                      : tr("Forgetting the saved definition of %1…").arg(name));
    m_client->setPersistent(name, enabled, [this, name, enabled](const ClientResult<Done> &result) {
        endCall();
        m_mappingModel->refresh();
        if (!result) {
            showError(enabled ? tr("Could not save %1").arg(name) : tr("Could not forget %1").arg(name),
                      result.error());
            return;
        }
        showStatus(enabled ? tr("%1 is recreated at startup").arg(name)
                           : tr("%1 is no longer recreated at startup").arg(name));
    });
}

void MainWindow::assembleSaved(const QString &name)
{
    if (name.isEmpty() || m_callsInFlight > 0) {
        return;
    }
    beginCall(tr("Assembling saved mappings…"));
    m_client->assembleSaved([this, name](const ClientResult<QList<SavedMappingState>> &result) {
        endCall();
        m_mappingModel->refresh();
        if (!result) {
            showError(tr("Could not assemble %1").arg(name), result.error());
            return;
        }
        const auto &states = result.value();
        m_mappingModel->setSavedStates(states);
        showAssembled(name, states);
    });
}

void MainWindow::showAssembled(const QString &name, const QList<SavedMappingState> &states)
{
    const auto found = std::find_if(states.cbegin(), states.cend(),
                                    [&](const SavedMappingState &state) { return state.name == name; });
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("assembleResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setStandardButtons(QMessageBox::Ok);
    if (found == states.cend()) {
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Not Assembled"));
        box->setText(tr("<b>%1</b> is no longer saved.").arg(name.toHtmlEscaped()));
    } else if (found->state == u"assembled") {
        box->setIcon(QMessageBox::Information);
        box->setWindowTitle(tr("Mapping Assembled"));
        box->setText(tr("<b>/dev/mapper/%1</b> is ready.").arg(name.toHtmlEscaped()));
        showStatus(tr("Assembled %1").arg(name));
        m_mappingsPanel->selectMapping(name);
    } else {
        const MappingRow row = mergeMappingRows({}, {*found}).value(0);
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Not Assembled"));
        box->setText(tr("<b>%1</b> was not assembled: %2.")
                         .arg(name.toHtmlEscaped(), persistenceText(row).toHtmlEscaped()));
        box->setInformativeText(adviceFor(row.persistence));
        showStatus(tr("%1 was not assembled").arg(name));
    }
    box->open();
}

} // namespace Volmap
