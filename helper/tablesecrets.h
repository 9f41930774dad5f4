// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Volmap {

/*
 * A segment's parameters as the helper may keep them: key material never
 * becomes a QString (whose memory is not wiped). dm-crypt's key, unless it
 * names a keyring entry (":..."), becomes "-", as `dmsetup table` shows it
 * without --showkeys; targets we do not know to be free of secrets keep no
 * parameters at all ("-"). Reads the kernel's C strings directly.
 */
QString parametersWithoutSecrets(const char *target, const char *parameters);

} // namespace Volmap
