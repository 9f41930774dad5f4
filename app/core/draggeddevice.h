// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdevicescanner.h"

#include <QList>
#include <QString>
#include <QStringList>

class QMimeData;

namespace Volmap {

/* The MIME type of block devices dragged from the device panel. */
inline constexpr char DeviceMimeType[] = "application/x-volmap-block-devices";

/* What a dragged device carries: enough to make a segment without a rescan. */
struct DraggedDevice
{
    QString kernelName;
    QString node;
    QString number; // major:minor
    quint64 sizeInSectors = 0;
    quint32 logicalBlockSize = 512;

    bool operator==(const DraggedDevice &) const = default;
};

/* What a drag of `device` carries. */
DraggedDevice draggedDeviceOf(const BlockDeviceInfo &device);

/* The payload of a device drag: the devices, and their nodes as plain text for other apps. */
QMimeData *encodeDraggedDevices(const QList<DraggedDevice> &devices);
/* Empty if the data is not a device drag or is malformed. */
QList<DraggedDevice> decodeDraggedDevices(const QMimeData *data);

} // namespace Volmap
