// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A fake machine for the GUI tests: sysfs entries the scanner, the
// resolver and the I/O sampler read, and real device nodes (mknod, so
// root only) that path references resolve through.

#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace Volmap::Fakes {

class FakeSystem
{
public:
    FakeSystem()
    {
        const QString r = root();
        writeFile(r + QStringLiteral("/proc/self/mountinfo"), "25 1 0:1 / / rw - tmpfs none rw\n");
        writeFile(r + QStringLiteral("/proc/swaps"), "Filename\tType\tSize\tUsed\tPriority\n");
        QDir().mkpath(r + QStringLiteral("/sys/class/block"));
        QDir().mkpath(r + QStringLiteral("/sys/dev/block"));
        QDir().mkpath(r + QStringLiteral("/sys/block"));
        QDir().mkpath(r + QStringLiteral("/dev"));
    }

    QString root() const { return m_dir.path(); }

    /* A disk (parent empty) or a partition of `parent`; false if its node cannot be made. */
    bool addDevice(const QString &name, quint32 major, quint32 minor, quint64 sectors,
                   const QString &parent = {}, quint64 start = 0)
    {
        const QString r = root();
        const QString dir = parent.isEmpty()
                                ? QStringLiteral("%1/sys/devices/pci/block/%2").arg(r, name)
                                : QStringLiteral("%1/sys/devices/pci/block/%2/%3").arg(r, parent, name);
        const QByteArray number = QStringLiteral("%1:%2").arg(major).arg(minor).toLatin1();
        writeFile(dir + QStringLiteral("/dev"), number + '\n');
        writeFile(dir + QStringLiteral("/size"), QByteArray::number(sectors) + '\n');
        writeFile(dir + QStringLiteral("/stat"), "0 0 0 0 0 0 0 0 0 0 0\n");
        writeFile(dir + QStringLiteral("/uevent"),
                  "DEVNAME=" + name.toUtf8()
                      + (parent.isEmpty() ? "\nDEVTYPE=disk\n" : "\nDEVTYPE=partition\n"));
        QDir().mkpath(dir + QStringLiteral("/holders"));
        if (parent.isEmpty()) {
            writeFile(dir + QStringLiteral("/queue/logical_block_size"), "512\n");
            QFile::link(dir, r + QStringLiteral("/sys/block/") + name);
        } else {
            writeFile(dir + QStringLiteral("/partition"), "1\n");
            writeFile(dir + QStringLiteral("/start"), QByteArray::number(start) + '\n');
        }
        QFile::link(dir, r + QStringLiteral("/sys/class/block/") + name);
        QFile::link(dir, r + QStringLiteral("/sys/dev/block/") + QString::fromLatin1(number));
        const QByteArray node = QFile::encodeName(r + QStringLiteral("/dev/") + name);
        return ::mknod(node.constData(), S_IFBLK | 0600, ::makedev(major, minor)) == 0;
    }

    /* The disks FakeHelperStack's service knows: sdb (2 GiB), sdc (1 GiB) with sdc1; false without mknod. */
    bool addStackDisks()
    {
        return addDevice(QStringLiteral("sdb"), 8, 16, 4194304)
               && addDevice(QStringLiteral("sdc"), 8, 32, 2097152)
               && addDevice(QStringLiteral("sdc1"), 8, 33, 1000000, QStringLiteral("sdc"), 2048);
    }

    /* `holder` (a dm device) uses `used`: the slaves/ and holders/ links dm makes. */
    void addSlave(const QString &holder, const QString &used)
    {
        const QString r = root();
        const QString holderDir =
            QFileInfo(r + QStringLiteral("/sys/class/block/") + holder).canonicalFilePath();
        const QString usedDir = QFileInfo(r + QStringLiteral("/sys/class/block/") + used).canonicalFilePath();
        QDir().mkpath(holderDir + QStringLiteral("/slaves"));
        QFile::link(usedDir, holderDir + QStringLiteral("/slaves/") + used);
        QFile::link(holderDir, usedDir + QStringLiteral("/holders/") + holder);
    }

    /* The device is unplugged: gone from sysfs and /dev. */
    void removeDevice(const QString &name)
    {
        const QString r = root();
        const QString dir = QFileInfo(r + QStringLiteral("/sys/class/block/") + name).canonicalFilePath();
        QFile::remove(r + QStringLiteral("/sys/class/block/") + name);
        QFile::remove(r + QStringLiteral("/sys/block/") + name);
        QFile::remove(r + QStringLiteral("/dev/") + name);
        QDir(dir).removeRecursively();
    }

    /* A mapping's block-layer counters, as /sys/block/dm-N/stat shows them. */
    void setStat(const QString &name, quint64 readIos, quint64 readSectors, quint64 writeIos,
                 quint64 writeSectors, quint64 inFlight = 0)
    {
        writeFile(QStringLiteral("%1/sys/block/%2/stat").arg(root(), name),
                  QStringLiteral("%1 0 %2 10 %3 0 %4 20 %5 30 30 0 0 0 0\n")
                      .arg(readIos)
                      .arg(readSectors)
                      .arg(writeIos)
                      .arg(writeSectors)
                      .arg(inFlight)
                      .toLatin1());
    }

private:
    QTemporaryDir m_dir;
};

} // namespace Volmap::Fakes
