// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "admission.h"
#include "deviceclaims.h"
#include "deviceinspector.h"

namespace Volmap {

/*
 * A table checked against the devices it names, ready for the kernel:
 * every device rewritten as major:minor (a path could change under us),
 * each device range translated to its disk for the overlap checks.
 */
struct PreparedTable
{
    MappingTable table;
    QList<WantedRange> wanted;
    QList<DeviceNumber> disks;          // distinct whole disks under them
    QList<ResolvedDevice> namedDevices; // distinct, in order of first use
    bool usesBasicTarget = false;
};

/*
 * Resolves the devices an admitted table names, each once. Paths resolve
 * only to block device nodes under /dev (see BlockDeviceResolver), so what
 * comes back for a non-device says nothing about it.
 */
Outcome<QList<ResolvedDevice>> resolveDevices(const AdmittedTable &table, DeviceInspector &devices);

/*
 * admitTable() and resolveDevices(), then every check that needs the
 * devices: ranges inside their devices, aligned, and no two segments on
 * the same sectors of a disk (by a sort and a sweep).
 */
Outcome<PreparedTable> prepareTable(QStringView text, DeviceInspector &devices);
/* prepareTable() of a table admitted already: its devices resolved afresh, then the checks. */
Outcome<PreparedTable> prepareAdmitted(AdmittedTable admitted, DeviceInspector &devices);

/* "2 segments on 8:16, 8:33": what a log line says of a table, bounded. */
QString tableSummary(const PreparedTable &table);
/* "/dev/sdb (QEMU HARDDISK, 2.0 GiB), ...": the devices for a polkit prompt, bounded. */
QString deviceListForPrompt(const QList<ResolvedDevice> &devices);

} // namespace Volmap
