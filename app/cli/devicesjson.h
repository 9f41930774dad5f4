// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"

#include <QByteArray>
#include <QList>

namespace Volmap {

/*
 * `volmapctl devices --json`: lsblk's key names where the meaning is the
 * same, written straight to text. The bytes are those of a QJsonDocument
 * of the same objects (Indented, keys sorted), which tst_devicesjson
 * checks; building QJsonObjects of 25 keys for 200 devices cost more CPU
 * than lsblk's whole listing.
 */
QByteArray devicesJson(const QList<BlockDeviceInfo> &devices);

} // namespace Volmap
