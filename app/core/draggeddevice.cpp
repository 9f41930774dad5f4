// SPDX-License-Identifier: GPL-2.0-or-later
#include "draggeddevice.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace Volmap {

namespace {
constexpr quint32 FormatVersion = 2;
}

DraggedDevice draggedDeviceOf(const BlockDeviceInfo &device)
{
    return {device.kernelName, device.node, device.number.toString(), device.sizeInSectors,
            device.logicalBlockSize};
}

QMimeData *encodeDraggedDevices(const QList<DraggedDevice> &devices)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << FormatVersion << quint32(devices.size());
    QStringList nodes;
    for (const DraggedDevice &device : devices) {
        out << device.kernelName << device.node << device.number << device.sizeInSectors
            << device.logicalBlockSize;
        nodes << device.node;
    }
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(DeviceMimeType), bytes);
    data->setText(nodes.join(QLatin1Char('\n')));
    return data;
}

QList<DraggedDevice> decodeDraggedDevices(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(DeviceMimeType))) {
        return {};
    }
    QDataStream in(data->data(QString::fromLatin1(DeviceMimeType)));
    quint32 version = 0;
    quint32 count = 0;
    in >> version >> count;
    // Drags can come from another process; a count is not trusted to size anything.
    if (in.status() != QDataStream::Ok || version != FormatVersion || count > 4096) {
        return {};
    }
    QList<DraggedDevice> devices;
    for (quint32 i = 0; i < count; ++i) {
        DraggedDevice device;
        in >> device.kernelName >> device.node >> device.number >> device.sizeInSectors
            >> device.logicalBlockSize;
        if (in.status() != QDataStream::Ok) {
            return {};
        }
        devices.append(device);
    }
    return devices;
}

} // namespace Volmap
