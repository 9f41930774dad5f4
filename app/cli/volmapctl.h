// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicemonitor.h"
#include "helperclient.h"
#include "segmentsampler.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Volmap {

/* Exit statuses of volmapctl, for scripts. */
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitInvalid = 3,       // malformed name, table or option
    ExitNotAuthorized = 4, // refused, dismissed, or nobody could ask
    ExitNotFound = 5,
    ExitExists = 6,
    ExitInUse = 7,       // busy, device in use, overlap
    ExitUnavailable = 8, // no helper, no device-mapper, no module, no bus
};

int exitCodeFor(ClientErrorKind kind);

struct CtlOptions
{
    QString command;
    QStringList arguments;
    QString tableFile;
    bool json = false;
    bool readOnly = false;
    bool deferred = false;
    bool follow = false;         // devices: print changes as they happen
    bool force = false;          // create: even over ranges that hold data
    bool persistent = false;     // create: recreate at startup
    bool keepDefinition = false; // remove: keep the saved definition
    QString systemRoot;          // prefixes /sys, /dev and /run: tests only, "" on a real system
    double intervalSeconds = 1.0;
    int count = 0; // watch: samples to show, 0 = until interrupted
};

/*
 * Runs one volmapctl command against the helper. start() returns at once;
 * the command ends by emitting finished() with its ExitCode.
 */
class Volmapctl final : public QObject
{
    Q_OBJECT

public:
    Volmapctl(HelperClient &client, CtlOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(int code);

private:
    void finish(int code);
    void fail(const ClientError &error);
    bool needArguments(int count, const QString &usage);
    std::optional<QString> readTable();
    /* False (and the command finished) when a range holds data and --force was not given. */
    bool consentToData(const QString &text);

    void capabilities();
    void list();
    void table();
    void status();
    void create();
    void reload();
    void remove();
    void resetCounters();
    void persist();
    void assemble();
    /* list's output: live mappings with their saved state, then saved ones that are not live. */
    void printMappings(const QList<MappingSummary> &mappings, const QList<SavedMappingState> &saved);
    void loadModule();
    void check();
    void devices();
    void followDevices();
    void reportDevice(const QString &what, const BlockDeviceInfo &device);
    void watch();
    void printSample(const QString &name);

    HelperClient &m_client;
    CtlOptions m_options;
    QTimer m_watchTimer;
    std::unique_ptr<DeviceMonitor> m_monitor;
    QHash<QString, BlockDeviceInfo> m_known;
    std::unique_ptr<SegmentSampler> m_sampler; // watch
    int m_samples = 0;
};

} // namespace Volmap
