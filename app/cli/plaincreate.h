// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "plaincommand.h"

namespace Volmap {

/*
 * `create NAME --table FILE` without Qt (plaincommand.h), or
 * PlainCommandDeclined, having printed and changed nothing, when the Qt
 * path must say or do it: FILE is no regular file of pure ASCII (no NUL)
 * that the helper reads as a call's string, the table does not parse or
 * fails a check (plainTableRanges), a range holds anything but nothing
 * (libblkid), or the helper finds the table invalid. The Qt path then
 * says the same as it always would: the table's problems with line
 * numbers, or the data that --force would overwrite.
 */
int createMapping(const PlainCommand &command);

} // namespace Volmap
