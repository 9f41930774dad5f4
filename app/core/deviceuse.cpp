// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceuse.h"

#include "helperprotocol.h"
#include "mappingname.h"
#include "sizeunits.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QCoreApplication>

namespace Volmap {

QList<DeviceUse> deviceUsesOf(const MappingTable &table)
{
    QList<DeviceUse> uses;
    for (const Segment &segment : table.segments) {
        if (const auto range = deviceRangeOf(segment)) {
            uses.append(
                {range->device.toString(), range->offset, range->length, segment.start, segment.target});
        }
    }
    return uses;
}

QStringList describeDeviceUses(const MappingTable &table)
{
    QStringList lines;
    for (const DeviceUse &use : deviceUsesOf(table)) {
        // One arg() call: a device path may hold "%4" itself.
        lines.append(QCoreApplication::translate("Volmap::TableSummary", "%1: %2 from %3 (sectors %4–%5), %6")
                         .arg(use.device, formatSizeHuman(use.length * BytesPerSector),
                              formatSizeHuman(use.offset * BytesPerSector), QString::number(use.offset),
                              QString::number(use.offset + use.length - 1), use.target));
    }
    return lines;
}

QString dmsetupCreateCommand(const QString &name, const MappingTable &table, bool readOnly)
{
    // A quoted here-document: the table reaches dmsetup byte for byte, whatever the shell.
    QString command;
    bool needsModule = false;
    for (const Segment &segment : table.segments) {
        needsModule = needsModule || segment.target == HelperProtocol::BasicTargetName;
    }
    if (needsModule) {
        command += QStringLiteral("modprobe dm-basic-target\n");
    }
    command += QStringLiteral("dmsetup create %1%2 <<'EOF'\n%3EOF\n")
                   .arg(checkMappingName(name) ? name : QStringLiteral("NAME"),
                        readOnly ? QStringLiteral(" --readonly") : QString(), formatTable(table));
    return command;
}

} // namespace Volmap
