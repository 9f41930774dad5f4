// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Volmap {

/*
 * Sizes as people type and read them. Units are binary, as in dmsetup and
 * LVM: s (512-byte sectors), B, K/KiB, M/MiB, G/GiB, T/TiB (the `iB` and
 * a trailing `B` are optional, case-insensitive). A fraction is allowed
 * only when the result is a whole number of bytes ("1.5G" yes, "0.3K" no),
 * so nothing is silently rounded.
 */
enum class SizeUnit { Sectors, Bytes, KiB, MiB, GiB, TiB };

inline constexpr quint64 BytesPerSector = 512;

quint64 bytesPerUnit(SizeUnit unit);
QString unitSuffix(SizeUnit unit); // "s", "B", "KiB", ...

/* Bytes, or why the text is not a size. A bare number is in defaultUnit. */
Result<quint64, QString> parseSize(QStringView text, SizeUnit defaultUnit);

/* Sectors; refuses sizes that are not a whole number of sectors. */
Result<quint64, QString> parseSizeInSectors(QStringView text, SizeUnit defaultUnit);

/*
 * `bytes` in `unit`: exact ("3 GiB", "1.5 GiB") when it divides to at most
 * `maxDecimals` places, otherwise rounded with a leading "~".
 */
QString formatSize(quint64 bytes, SizeUnit unit, int maxDecimals = 2);

/* The largest unit that shows `bytes` in a readable way ("1.5 GiB"). */
QString formatSizeHuman(quint64 bytes);

/* A throughput, rounded to one decimal in the largest fitting unit ("180.2 MiB/s"). */
QString formatRateHuman(double bytesPerSecond);

} // namespace Volmap
