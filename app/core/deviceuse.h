// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "segment.h"

#include <QString>
#include <QStringList>

namespace Volmap {

/* One backing-device range a table uses, for confirmations. */
struct DeviceUse
{
    QString device;
    quint64 offset = 0; // sectors on the device
    quint64 length = 0;
    quint64 start = 0; // where it lands in the new device
    QString target;
};

/* Every backing-device range of a table, in table order. */
QList<DeviceUse> deviceUsesOf(const MappingTable &table);

/* One line per range: "/dev/sdb: 1 GiB from 0 B (sectors 0–2097151), basic_target". */
QStringList describeDeviceUses(const MappingTable &table);

/* The shell command that creates the same mapping with dmsetup. */
QString dmsetupCreateCommand(const QString &name, const MappingTable &table, bool readOnly);

} // namespace Volmap
