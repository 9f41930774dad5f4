// SPDX-License-Identifier: GPL-2.0-or-later
#include "mainwindow.h"

#include "blockdeviceresolver.h"
#include "claimssource.h"
#include "clienterror.h"
#include "confirmations.h"
#include "devicemonitor.h"
#include "devicepanel.h"
#include "devicetreemodel.h"
#include "draggeddevice.h"
#include "foreignremoval.h"
#include "helperclient.h"
#include "iomonitorview.h"
#include "iosampler.h"
#include "mappinginspector.h"
#include "mappinglistmodel.h"
#include "mappinglistpanel.h"
#include "mappingowner.h"
#include "rangesignatureprobe.h"
#include "segmentsampler.h"
#include "segmenttablemodel.h"
#include "spacemap.h"
#include "spacemapbar.h"
#include "spacemapfeed.h"
#include "stackmodel.h"
#include "stackview.h"
#include "tableeditor.h"
#include "tabletext.h"

#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

namespace Volmap {

namespace {
constexpr int StatusTimeoutMs = 8000;
}

MainWindow::MainWindow(HelperClient *client, HelperClient *samplingClient, const QString &systemRoot,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_samplingClient(samplingClient)
    , m_systemRoot(systemRoot)
    , m_deviceModel(new DeviceTreeModel(this))
    , m_monitor(new DeviceMonitor(systemRoot, this))
    , m_mappingModel(new MappingListModel(samplingClient, this))
    , m_ioSampler(new IoSampler(systemRoot, this))
    , m_segmentSampler(new SegmentSampler(*samplingClient, this))
    , m_devicePanel(new DevicePanel(m_deviceModel, m_monitor, this))
    , m_editor(new TableEditor(BlockDeviceResolver(systemRoot).tableResolver(), this))
    , m_mappingsPanel(new MappingListPanel(m_mappingModel, this))
    , m_ioView(new IoMonitorView(m_ioSampler, m_segmentSampler, this))
    , m_stackModel(new StackModel(systemRoot, this))
    , m_signatureProbe(new RangeSignatureProbe(systemRoot, this))
    , m_spaceMap(
          new SpaceMapFeed(new SpaceMapBar(m_devicePanel), m_deviceModel, m_signatureProbe, systemRoot, this))
    , m_busy(new QProgressBar(this))
    , m_counts(new QLabel(this))
{
    setWindowTitle(tr("Volume Mapper"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("org.volmap.VolumeMapper")));
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_editor);
    buildDocks();
    buildStatusBar();
    wirePanels();
    wireStacks();
    wireCounts();
    wireSpaceMap();
    wirePersistence();
    // The tree only says which devices are busy as of the last event; mappings change that too.
    connect(client, &HelperClient::mappingsChanged, m_monitor, &DeviceMonitor::rescan);
    wireClaims();

    buildMenus();
    restoreLayout();
    restoreSettings();
    restoreDraft();
    watchDeviceFilter();
    m_monitor->start();
    m_mappingModel->refresh();
    updateCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    setDockNestingEnabled(true);
    const auto addDock = [this](const QString &title, const QString &name, QWidget *widget,
                                QDockWidget::DockWidgetFeatures features, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        dock->setFeatures(features);
        addDockWidget(area, dock);
    };
    const QDockWidget::DockWidgetFeatures fixed = QDockWidget::DockWidgetMovable
                                                  | QDockWidget::DockWidgetFloatable;
    addDock(tr("Devices"), QStringLiteral("devicesDock"), m_devicePanel, fixed, Qt::LeftDockWidgetArea);
    addDock(tr("Mappings"), QStringLiteral("mappingsDock"), m_mappingsPanel, fixed, Qt::RightDockWidgetArea);
    addDock(tr("Live I/O"), QStringLiteral("ioDock"), m_ioView, fixed | QDockWidget::DockWidgetClosable,
            Qt::BottomDockWidgetArea);
}

void MainWindow::buildStatusBar()
{
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_counts);
}

void MainWindow::wirePanels()
{
    connect(m_editor, &TableEditor::createRequested, this, &MainWindow::create);
    connect(m_editor, &TableEditor::applyRequested, this, &MainWindow::apply);
    connect(m_editor, &TableEditor::statusMessage, this, &MainWindow::showStatus);
    connect(m_editor, &TableEditor::failed, this, &MainWindow::showFailure);
    connect(m_devicePanel, &DevicePanel::addRequested, this, &MainWindow::addDevicesFromPanel);
    connect(m_mappingsPanel, &MappingListPanel::openRequested, this, &MainWindow::openMapping);
    connect(m_mappingsPanel, &MappingListPanel::removeRequested, this, &MainWindow::removeMapping);
    connect(m_mappingModel, &MappingListModel::refreshFailed, m_mappingsPanel,
            &MappingListPanel::showListError);
    connect(m_mappingsPanel, &MappingListPanel::selectionChanged, this, &MainWindow::watchMapping);
    connect(m_ioView, &IoMonitorView::resetCountersRequested, this, &MainWindow::resetCounters);
    connect(m_ioView, &IoMonitorView::statusMessage, this, &MainWindow::showStatus);
}

void MainWindow::wireStacks()
{
    m_devicePanel->addPage(tr("Stacks"), [this]() {
        m_stackView = new StackView(m_stackModel);
        connect(m_stackView, &StackView::openRequested, this, &MainWindow::openMapping);
        return m_stackView;
    });
    // Stacks change with hotplug and with mappings made or removed; both mean a new sysfs read.
    connect(m_monitor, &DeviceMonitor::rescanned, m_stackModel, &StackModel::refresh);
    connect(m_mappingModel, &MappingListModel::refreshed, m_stackModel, [this]() {
        m_stackModel->setMappings(m_mappingModel->mappings());
        m_stackModel->refresh();
    });
}

void MainWindow::wireCounts()
{
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_deviceModel),
                                      static_cast<QAbstractItemModel *>(m_mappingModel)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    }
}

void MainWindow::wireClaims()
{
    // The editor's early warning: what other mappings, mounts and swap use,
    // collected again whenever devices or mappings change (a rescan follows
    // both); through the non-interactive client, so it never prompts.
    auto *claims = new ClaimsSource(m_samplingClient, m_systemRoot, this);
    m_editor->setClaimsSource(claims);
    connect(m_monitor, &DeviceMonitor::rescanned, claims, &ClaimsSource::refresh);
    connect(m_monitor, &DeviceMonitor::deviceChanged, claims, &ClaimsSource::refresh);
    connect(m_monitor, &DeviceMonitor::deviceRemoved, claims, &ClaimsSource::refresh);
    // The space map draws the same claims: other mappings at their exact ranges.
    connect(claims, &ClaimsSource::claimsChanged, this, [this, claims] {
        QList<DeviceClaim> mappingClaims;
        for (const QList<DeviceClaim> &ofMapping : claims->snapshot().byMapping) {
            mappingClaims.append(ofMapping);
        }
        m_spaceMap->setMappingRanges(mappingRangesOf(mappingClaims));
    });
}

void MainWindow::wireSpaceMap()
{
    m_devicePanel->addBelowTree(m_spaceMap->bar());
    m_spaceMap->followTree(m_devicePanel->view());
    m_spaceMap->setDraftModel(m_editor->model());
    m_editor->model()->setSignatureLookup(m_spaceMap->signatureLookup());
    connect(m_signatureProbe, &RangeSignatureProbe::probed, m_editor->model(),
            &SegmentTableModel::signaturesChanged);
    connect(m_spaceMap->bar(), &SpaceMapBar::mappingClicked, m_mappingsPanel,
            &MappingListPanel::selectMapping);
    connect(m_spaceMap->bar(), &SpaceMapBar::draftRowClicked, m_editor->view(), &QTableView::selectRow);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1400, 1000);
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("devicesDock")),
                     findChild<QDockWidget *>(QStringLiteral("mappingsDock"))},
                    {320, 360}, Qt::Horizontal);
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("ioDock"))}, {440}, Qt::Vertical);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_editor->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("editor/header")).toByteArray());
    m_devicePanel->view()->header()->restoreState(
        settings.value(QStringLiteral("devices/header")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("editor/header"), m_editor->view()->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("devices/header"), m_devicePanel->view()->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmQuit()) {
        event->ignore();
        return;
    }
    saveLayout();
    saveSettings();
    event->accept();
}

void MainWindow::addDevicesFromPanel(const QStringList &kernelNames)
{
    QList<DraggedDevice> devices;
    for (const QString &name : kernelNames) {
        const auto info = m_deviceModel->device(m_deviceModel->indexOf(name));
        if (info) {
            devices.append(draggedDeviceOf(*info));
        }
    }
    if (!devices.isEmpty()) {
        m_editor->addDevices(devices);
    }
}

void MainWindow::create(const QString &name, const QString &tableText, bool readOnly)
{
    // What the ranges hold goes into the question, so it waits for the probe.
    beginCall(tr("Looking at what the device ranges hold…"));
    probeTableRangesAsync(m_signatureProbe, m_systemRoot, parseTable(tableText).table, this,
                          [this, name, tableText, readOnly](const QList<RangeData> &data) {
                              endCall();
                              confirmCreate(name, tableText, readOnly, data);
                          });
}

void MainWindow::confirmCreate(const QString &name, const QString &tableText, bool readOnly,
                               const QList<RangeData> &data)
{
    QDialog *confirm = createConfirmation(this, name, tableText, readOnly, data);
    connect(confirm, &QDialog::accepted, this, [this, confirm, name, tableText, readOnly]() {
        beginCall(tr("Creating %1…").arg(name));
        const HelperClient::CreateFlags flags{readOnly, recreateAtStartupChosen(confirm)};
        m_client->create(name, tableText, flags, [this, name, flags](const ClientResult<QString> &result) {
            endCall();
            if (!result) {
                showError(tr("Could not create %1").arg(name), result.error());
                return;
            }
            const QString node = result.value();
            showStatus(tr("Created %1").arg(node));
            m_editor->model()->undoStack()->setClean();
            m_editor->showCreated(name);
            m_mappingModel->refresh();
            auto *box = new QMessageBox(QMessageBox::Information, tr("Mapping Created"),
                                        tr("<b>%1</b> is ready.").arg(node.toHtmlEscaped()), QMessageBox::Ok,
                                        this);
            box->setObjectName(QStringLiteral("createdMessage"));
            box->setInformativeText(
                tr("Format it, mount it or hand it to a program like any disk. Select it "
                   "under Mappings to watch its I/O.")
                + (flags.persistent ? u' ' + tr("It is recreated at every startup.") : QString()));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            // Selected once the list has it, so its I/O shows at once.
            m_mappingsPanel->selectMapping(name);
        });
    });
    confirm->open();
}

void MainWindow::apply(const QString &name, const QString &tableText)
{
    // The confirmation shows the table as the kernel has it now, not as it was when opened.
    beginCall(tr("Reading the table of %1…").arg(name));
    m_client->table(name, [this, name, tableText](const ClientResult<QString> &current) {
        endCall();
        if (!current) {
            showError(tr("Could not read the table of %1").arg(name), current.error());
            return;
        }
        const QString oldTable = current.value();
        beginCall(tr("Looking at what the device ranges hold…"));
        probeTableRangesAsync(m_signatureProbe, m_systemRoot, parseTable(tableText).table, this,
                              [this, name, oldTable, tableText](const QList<RangeData> &data) {
                                  endCall();
                                  confirmApply(name, oldTable, tableText,
                                               rangesNewTo(data, parseTable(oldTable).table));
                              });
    });
}

void MainWindow::confirmApply(const QString &name, const QString &oldTable, const QString &tableText,
                              const QList<RangeData> &data)
{
    QDialog *confirm = reloadConfirmation(this, name, oldTable, tableText, data);
    connect(confirm, &QDialog::accepted, this, [this, name, tableText]() {
        beginCall(tr("Applying the new table to %1…").arg(name));
        m_client->reload(name, tableText, [this, name](const ClientResult<Done> &result) {
            endCall();
            if (!result) {
                showError(tr("Could not apply the table to %1").arg(name), result.error());
                return;
            }
            m_editor->model()->undoStack()->setClean();
            showStatus(tr("%1 now runs the new table").arg(name));
            if (m_ioView->mappingName() == name) {
                watchMapping(name, m_ioView->kernelName());
            }
        });
    });
    confirm->open();
}

void MainWindow::openMapping(const QString &name)
{
    if (name.isEmpty() || m_callsInFlight > 0) {
        return;
    }
    beginCall(tr("Reading the table of %1…").arg(name));
    m_client->table(name, [this, name](const ClientResult<QString> &result) {
        endCall();
        if (!result) {
            showError(tr("Could not open %1").arg(name), result.error());
            return;
        }
        showMapping(name, result.value());
    });
}

void MainWindow::showMapping(const QString &name, const QString &tableText)
{
    const int row = m_mappingModel->rowOf(name);
    MappingSummary mapping = row >= 0 ? m_mappingModel->mappings()[row] : MappingSummary();
    mapping.name = name;
    if (editorCanOpen(mapping.uuid, parseTable(tableText).table)) {
        m_editor->openMapping(name, tableText);
        return;
    }
    const StackSnapshot snapshot = m_stackModel->snapshot();
    const auto deviceName = [snapshot](const QString &number) {
        const StackNode *node = snapshot.node(snapshot.kernelNameOf(number));
        return node ? node->displayName() : QString();
    };
    auto *inspector = new MappingInspector(mapping, tableText, deviceName, this);
    inspector->show();
}

void MainWindow::removeMapping(const QString &name)
{
    if (name.isEmpty() || m_callsInFlight > 0) {
        return;
    }
    bool inUse = false;
    bool foreign = false;
    bool saved = false;
    MappingSummary mapping;
    if (const int row = m_mappingModel->rowOf(name); row >= 0) {
        mapping = m_mappingModel->mappings()[row];
        inUse = mapping.openCount > 0;
        foreign = !mapping.createdByVolmap;
        saved = m_mappingModel->row(row).persistence != Persistence::NotSaved;
    }
    const auto chosen = [this, name](RemoveChoice choice, bool forgetDefinition = true) {
        if (choice == RemoveChoice::Cancel) {
            return;
        }
        const bool deferred = choice == RemoveChoice::RemoveWhenUnused;
        beginCall(tr("Removing %1…").arg(name));
        const bool keep = !forgetDefinition;
        m_client->remove(
            name, deferred, keep, [this, name, deferred, keep](const ClientResult<Done> &result) {
                endCall();
                if (!result) {
                    showError(tr("Could not remove %1").arg(name), result.error());
                    return;
                }
                if (m_editor->editedMapping() == name) {
                    m_editor->startNewMapping();
                }
                m_mappingModel->refresh();
                showStatus(
                    deferred ? tr("%1 goes away when it is no longer in use").arg(name)
                    : keep
                        ? tr("Removed %1; its saved definition brings it back at the next startup").arg(name)
                        : tr("Removed %1").arg(name));
            });
    };
    // Another tool's mapping: say which and what breaks, with Cancel as the default.
    const auto answered = [chosen](RemoveChoice choice) { chosen(choice); };
    QDialog *confirm = foreign ? foreignRemovalConfirmation(this, mapping, answered)
                       : saved ? removeSavedConfirmation(this, name, inUse, chosen)
                               : removeConfirmation(this, name, inUse, foreign, answered);
    confirm->open();
}

void MainWindow::resetCounters(const QString &name)
{
    if (name.isEmpty()) {
        return;
    }
    beginCall(tr("Resetting the counters of %1…").arg(name));
    m_client->resetCounters(name, [this, name](const ClientResult<Done> &result) {
        endCall();
        if (!result) {
            showError(tr("Could not reset the counters of %1").arg(name), result.error());
            return;
        }
        showStatus(tr("Counters of %1 reset").arg(name));
    });
}

void MainWindow::watchMapping(const QString &name, const QString &kernelName)
{
    m_ioView->setMapping(name, kernelName);
    if (name.isEmpty()) {
        return;
    }
    // The table names each segment's device in the counters; the view works
    // without it, so this read never asks for a password.
    m_samplingClient->table(name, [this, name](const ClientResult<QString> &result) {
        if (result && m_ioView->mappingName() == name) {
            m_ioView->setMappingTable(parseTable(*result).table);
        }
    });
}

void MainWindow::beginCall(const QString &what)
{
    ++m_callsInFlight;
    m_busy->show();
    m_editor->setBusy(true);
    // One call at a time on the mappings: a second Remove or Open would race the first.
    m_mappingsPanel->setBusy(true);
    m_openSelected->setEnabled(false);
    m_removeSelected->setEnabled(false);
    statusBar()->showMessage(what);
}

void MainWindow::endCall()
{
    if (--m_callsInFlight == 0) {
        m_busy->hide();
        m_editor->setBusy(false);
        m_mappingsPanel->setBusy(false);
        m_openSelected->setEnabled(true);
        m_removeSelected->setEnabled(true);
        statusBar()->clearMessage();
    }
}

void MainWindow::showError(const QString &what, const ClientError &error)
{
    showStatus(tr("%1: %2").arg(what, error.title()));
    auto *box = new QMessageBox(
        QMessageBox::Warning, what,
        tr("<b>%1.</b> %2").arg(error.title().toHtmlEscaped(), error.message.toHtmlEscaped()),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setInformativeText(error.advice());
    if (!error.dbusName.isEmpty()) {
        box->setDetailedText(error.dbusName);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    if (error.kind == ClientErrorKind::NotFound) {
        m_mappingModel->refresh();
    }
}

void MainWindow::showFailure(const QString &title, const QString &text)
{
    showStatus(title);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, StatusTimeoutMs);
}

void MainWindow::updateCounts()
{
    int devices = 0;
    for (int row = 0; row < m_deviceModel->rowCount(); ++row) {
        devices += 1 + m_deviceModel->rowCount(m_deviceModel->index(row, 0));
    }
    m_counts->setText(tr("%n device(s)", nullptr, devices) + QStringLiteral(" · ")
                      + tr("%n mapping(s)", nullptr, int(m_mappingModel->mappings().size())));
}

} // namespace Volmap
