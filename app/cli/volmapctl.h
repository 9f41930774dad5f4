// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctlcommand.h"
#include "helperclient.h"
#include "segmentsampler.h"

#include <QTimer>

#include <memory>

namespace Volmap {

/*
 * Runs one volmapctl command against the helper (isHelperCommand).
 * Built into the helper commands module, which volmapctl loads only for
 * these commands: it is what brings Qt D-Bus and its libraries.
 */
class Volmapctl final : public CtlCommand
{
    Q_OBJECT

public:
    Volmapctl(HelperClient &client, CtlOptions options, QObject *parent = nullptr);
    void start() override;

private:
    void fail(const ClientError &error);
    /* False (and the command finished) when a range holds data and --force was not given. */
    bool consentToData(const MappingTable &table);

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
    void watch();
    void printSample(const QString &name);

    HelperClient &m_client;
    QTimer m_watchTimer;
    std::unique_ptr<SegmentSampler> m_sampler; // watch
    int m_samples = 0;
};

} // namespace Volmap
