// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

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

/* The commands volmapctl runs itself, without the helper and without D-Bus. */
bool isLocalCommand(const QString &command);
/* The commands that call the helper (Volmapctl, in the helper commands module). */
bool isHelperCommand(const QString &command);

} // namespace Volmap
