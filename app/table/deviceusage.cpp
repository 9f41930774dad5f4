// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceusage.h"

#include "scanfiles.h"

#include <QFile>

namespace Volmap {

// The plain readers (app/scan) are the one implementation: volmapctl's
// listing without Qt reads the same files the same way.

QHash<QString, QStringList> readMountPoints(const QString &root)
{
    QHash<QString, QStringList> mounts;
    for (const auto &[number, points] : Scan::readMountTable(QFile::encodeName(root).toStdString())) {
        QStringList &into = mounts[QString::fromStdString(number)];
        for (const std::string &point : points) {
            into.append(QString::fromStdString(point));
        }
    }
    return mounts;
}

QList<DeviceNumber> readSwapDevices(const QString &root)
{
    QList<DeviceNumber> devices;
    for (const auto &[major, minor] : Scan::readSwapNumbers(QFile::encodeName(root).toStdString())) {
        devices.append({major, minor});
    }
    return devices;
}

} // namespace Volmap
