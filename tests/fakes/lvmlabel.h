// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// An LVM2 physical volume label written byte by byte, since pvcreate wants
// a block device and tests probe image files. blkid(8) recognises it.

#include <QByteArray>

namespace Volmap::Fakes {

// LVM's label checksum: the reflected CRC-32 polynomial, LVM's own initial
// value, no final inversion.
inline quint32 lvmCrc(const char *data, int size)
{
    quint32 crc = 0xf597a6cf;
    for (int i = 0; i < size; ++i) {
        crc ^= quint8(data[i]);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ ((crc & 1) ? 0xedb88320 : 0);
        }
    }
    return crc;
}

inline void putLe(QByteArray &bytes, int offset, quint64 value, int size)
{
    for (int i = 0; i < size; ++i) {
        bytes[offset + i] = char((value >> (8 * i)) & 0xff);
    }
}

// An LVM2 physical volume label in sector 1 of a device of `sectors`
// sectors: label header, PV header (uuid, size, one data area from 1 MiB,
// one metadata area at 4 KiB). `goodCrc` false breaks the checksum.
inline QByteArray lvmLabel(quint64 sectors, bool goodCrc)
{
    QByteArray sector(512, '\0');
    sector.replace(0, 8, "LABELONE");
    putLe(sector, 8, 1, 8);   // the sector this label is in
    putLe(sector, 20, 32, 4); // the PV header follows the 32-byte label header
    sector.replace(24, 8, "LVM2 001");
    sector.replace(32, 32, "VolmapTestPvUuid0123456789abcdef");
    putLe(sector, 64, sectors * 512, 8);
    putLe(sector, 72, 1 << 20, 8); // data area: offset, size (0: to the end)
    putLe(sector, 80, 0, 8);
    // 88..103: the data area list's terminator
    putLe(sector, 104, 4096, 8); // metadata area: offset, size
    putLe(sector, 112, (1 << 20) - 4096, 8);
    // 120..135: the metadata area list's terminator
    const quint32 crc = lvmCrc(sector.constData() + 20, 512 - 20);
    putLe(sector, 16, goodCrc ? crc : ~crc, 4);
    return sector;
}

} // namespace Volmap::Fakes
