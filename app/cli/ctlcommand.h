// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctloptions.h"
#include "segment.h"

#include <QObject>

#include <optional>

namespace Volmap {

/*
 * What every volmapctl command shares: its options, the usage check, the
 * table file it may read and the way it ends. start() returns at once;
 * the command ends by emitting finished() with its ExitCode. The two
 * kinds derive from it: LocalCommands (no helper, in volmapctl itself)
 * and Volmapctl (through the helper, in the module volmapctl loads for
 * them), so listing devices never loads Qt D-Bus.
 */
class CtlCommand : public QObject
{
    Q_OBJECT

public:
    explicit CtlCommand(CtlOptions options, QObject *parent = nullptr);
    virtual void start() = 0;

Q_SIGNALS:
    void finished(int code);

protected:
    void finish(int code);
    bool needArguments(int count, const QString &usage);
    // The table file's text, checked as the helper will check it (errors
    // printed, the command finished); with the parsed table for a caller
    // that looks at it as well, so a large table is parsed once.
    struct TableFile
    {
        QString text;
        MappingTable table;
    };
    std::optional<TableFile> readTableFile();
    std::optional<QString> readTable();

    CtlOptions m_options;
};

} // namespace Volmap
