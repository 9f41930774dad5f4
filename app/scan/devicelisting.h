// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// `volmapctl devices` output, written from the plain scan (devicescan.h)
// without Qt: the bytes volmapctl printed through Qt before, which
// tst_devicelisting and tst_devicesjson check.

#include "devicescan.h"

#include <string>
#include <vector>

namespace Volmap {

/*
 * `devices --json`: lsblk's key names where the meaning is the same. The
 * bytes are those of a QJsonDocument of the same objects (Indented, keys
 * sorted); building QJsonObjects of 25 keys for 200 devices cost more CPU
 * than lsblk's whole listing.
 */
std::string devicesJsonText(const std::vector<ScannedDevice> &devices);

/* `devices`: a table with a header, columns padded to their widest cell. */
std::string devicesTableText(const std::vector<ScannedDevice> &devices);

/* "1.5 GiB", "~1.33 KiB": formatSizeHuman (sizeunits.h) without Qt. */
std::string sizeText(std::uint64_t bytes);

/* Text as Qt reads it: each byte of an invalid UTF-8 sequence becomes U+FFFD. */
std::string validUtf8(std::string_view text);

} // namespace Volmap
