// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ctlexit.h"

#include <QString>
#include <QStringList>

namespace Volmap {

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
