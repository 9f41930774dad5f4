// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "draftstore.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QProgressBar;

namespace Volmap {

class DeviceMonitor;
class DevicePanel;
class DeviceTreeModel;
class HelperClient;
class IoMonitorView;
class IoSampler;
class MappingListModel;
class MappingListPanel;
class RangeSignatureProbe;
class SpaceMapFeed;
class SegmentSampler;
class StackModel;
class StackView;
class TableEditor;
struct ClientError;
struct RangeData;
struct SavedMappingState;

/*
 * The one window of Volume Mapper: devices on the left, the table editor
 * in the middle, the mappings and their live I/O on the right. It turns
 * the panels' requests into helper calls (after asking the person), and
 * every failure into a message that says what to do.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    /*
     * `client` asks polkit interactively, for what a person asked for;
     * `samplingClient` never does, so the list, status and table reads done
     * in the background cannot pop up password prompts. `systemRoot`
     * prefixes /sys, /proc, /dev and /run (tests); "" on a real system.
     */
    MainWindow(HelperClient *client, HelperClient *samplingClient, const QString &systemRoot = QString(),
               QWidget *parent = nullptr);
    ~MainWindow() override;

    TableEditor *editor() const { return m_editor; }
    DevicePanel *devicePanel() const { return m_devicePanel; }
    MappingListPanel *mappingsPanel() const { return m_mappingsPanel; }
    DeviceTreeModel *deviceModel() const { return m_deviceModel; }
    MappingListModel *mappingModel() const { return m_mappingModel; }
    IoMonitorView *ioView() const { return m_ioView; }
    /* Null until the Stacks tab is first shown. */
    StackView *stackView() const { return m_stackView; }
    StackModel *stackModel() const { return m_stackModel; }
    /* The device space map; existing mappings' exact ranges go to its setMappingRanges(). */
    SpaceMapFeed *spaceMap() const { return m_spaceMap; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The constructor's parts, in the order it calls them.
    void buildDocks();
    void buildStatusBar();
    void wirePanels();
    void wireStacks();
    void wireCounts();
    void wireClaims();
    // mainwindowmenus.cpp: the menu bar.
    void buildMenus();
    void buildFileMenu(QMenu *file);
    void buildEditMenu(QMenu *edit);
    void buildMappingMenu(QMenu *mapping);
    void addAboutAction(QMenu *help);
    // mainwindowsession.cpp: the Help menu, the draft kept across quits,
    // and the settings remembered besides the layout.
    void buildHelpMenu(QMenu *help);
    void restoreDraft();
    void saveDraft();
    /* false: the person was asked about an unfinished table; close() again once they answered. */
    bool confirmQuit();
    void restoreSettings();
    void saveSettings() const;
    void watchDeviceFilter();
    void restoreLayout();
    void saveLayout() const;
    void create(const QString &name, const QString &tableText, bool readOnly);
    void apply(const QString &name, const QString &tableText);
    void confirmCreate(const QString &name, const QString &tableText, bool readOnly,
                       const QList<RangeData> &data);
    void confirmApply(const QString &name, const QString &oldTable, const QString &tableText,
                      const QList<RangeData> &data);
    void wireSpaceMap();
    void openMapping(const QString &name);
    /* The editor for what it can represent, the read-only inspector for the rest. */
    void showMapping(const QString &name, const QString &tableText);
    void removeMapping(const QString &name);
    void resetCounters(const QString &name);
    void watchMapping(const QString &name, const QString &kernelName);
    void addDevicesFromPanel(const QStringList &kernelNames);
    // mainwindowpersistence.cpp: mappings recreated at startup.
    void wirePersistence();
    void setPersistent(const QString &name, bool enabled);
    void assembleSaved(const QString &name);
    /* What AssembleSaved did with `name`, in a message. */
    void showAssembled(const QString &name, const QList<SavedMappingState> &states);
    /* Counts a helper call in flight: the busy indicator shows while any is. */
    void beginCall(const QString &what);
    void endCall();
    void showError(const QString &what, const ClientError &error);
    void showFailure(const QString &title, const QString &text);
    void showStatus(const QString &text);
    void updateCounts();

    HelperClient *m_client;
    HelperClient *m_samplingClient;
    QString m_systemRoot;
    DeviceTreeModel *m_deviceModel;
    DeviceMonitor *m_monitor;
    MappingListModel *m_mappingModel;
    IoSampler *m_ioSampler;
    SegmentSampler *m_segmentSampler;
    DevicePanel *m_devicePanel;
    TableEditor *m_editor;
    MappingListPanel *m_mappingsPanel;
    IoMonitorView *m_ioView;
    StackModel *m_stackModel;
    StackView *m_stackView = nullptr;
    RangeSignatureProbe *m_signatureProbe;
    SpaceMapFeed *m_spaceMap;
    QProgressBar *m_busy;
    QLabel *m_counts;
    int m_callsInFlight = 0;
    QAction *m_openSelected = nullptr;
    QAction *m_removeSelected = nullptr;
    DraftStore m_drafts;
    QTimer m_draftSave; // saves the draft shortly after it changes
    bool m_quitAnswered = false;
};

} // namespace Volmap
