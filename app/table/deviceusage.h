// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Volmap {

/*
 * What the system already uses block devices for, from /proc: mounts and
 * swap. Shared by the app's device listing and the helper's conflict
 * checks (and, through scanfiles.h, volmapctl's listing). `root` prefixes
 * paths so tests can use a fake tree.
 */

/* Mount points by "major:minor", from /proc/self/mountinfo (\ooo escapes undone). */
QHash<QString, QStringList> readMountPoints(const QString &root = QString());

/* Block devices in /proc/swaps. */
QList<DeviceNumber> readSwapDevices(const QString &root = QString());

} // namespace Volmap
