// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Device stacks on a FakeSystem's sysfs: device-mapper and md devices and
// the holders/ and slaves/ links between them, as the kernel shows them.

#include "fakesystem.h"

namespace Volmap::Fakes {

/* A dm device: dm/name and dm/uuid besides what FakeSystem writes (its node needs root; sysfs does not). */
inline void addMappingDevice(FakeSystem &system, const QString &kernelName, quint32 minor, quint64 sectors,
                             const QString &name, const QString &uuid, bool readOnly = false)
{
    system.addDevice(kernelName, 254, minor, sectors);
    const QString dir = QStringLiteral("%1/sys/class/block/%2").arg(system.root(), kernelName);
    writeFile(dir + QStringLiteral("/dm/name"), name.toUtf8() + '\n');
    writeFile(dir + QStringLiteral("/dm/uuid"), uuid.toUtf8() + '\n');
    writeFile(dir + QStringLiteral("/ro"), readOnly ? "1\n" : "0\n");
}

/* `holder` is built on `slave`: the two links sysfs keeps for that. */
inline void stackOn(FakeSystem &system, const QString &holder, const QString &slave)
{
    const QString block = system.root() + QStringLiteral("/sys/class/block/");
    const QString holderDir = QFileInfo(block + holder).canonicalFilePath();
    const QString slaveDir = QFileInfo(block + slave).canonicalFilePath();
    QDir().mkpath(holderDir + QStringLiteral("/slaves"));
    QDir().mkpath(slaveDir + QStringLiteral("/holders"));
    QFile::link(slaveDir, holderDir + QStringLiteral("/slaves/") + slave);
    QFile::link(holderDir, slaveDir + QStringLiteral("/holders/") + holder);
}

} // namespace Volmap::Fakes
