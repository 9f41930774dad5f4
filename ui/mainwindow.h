#pragma once

#include <QMainWindow>

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
class MappingsPanel;
class RangeSignatureProbe;
class SpaceMapFeed;
class SegmentSampler;
class TableEditor;
struct ClientError;
struct RangeData;

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
    MappingsPanel *mappingsPanel() const { return m_mappingsPanel; }
    DeviceTreeModel *deviceModel() const { return m_deviceModel; }
    MappingListModel *mappingModel() const { return m_mappingModel; }
    IoMonitorView *ioView() const { return m_ioView; }
    /* The device space map; existing mappings' exact ranges go to its setMappingRanges(). */
    SpaceMapFeed *spaceMap() const { return m_spaceMap; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();
    void saveLayout() const;
    void create(const QString &name, const QString &tableText, bool readOnly);
    void apply(const QString &name, const QString &tableText);
    void confirmCreate(const QString &name, const QString &tableText, bool readOnly, const QList<RangeData> &data);
    void confirmApply(const QString &name, const QString &oldTable, const QString &tableText,
                      const QList<RangeData> &data);
    void wireSpaceMap();
    void openMapping(const QString &name);
    void removeMapping(const QString &name);
    void resetCounters(const QString &name);
    void watchMapping(const QString &name, const QString &kernelName);
    void addDevicesFromPanel(const QStringList &kernelNames);
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
    MappingsPanel *m_mappingsPanel;
    IoMonitorView *m_ioView;
    RangeSignatureProbe *m_signatureProbe;
    SpaceMapFeed *m_spaceMap;
    QProgressBar *m_busy;
    QLabel *m_counts;
    int m_callsInFlight = 0;
};

} // namespace Volmap
