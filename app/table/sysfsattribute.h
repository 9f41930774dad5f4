// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Volmap {

/*
 * A sysfs attribute's first line, at most `limit` bytes, trimmed; empty if
 * it cannot be read. Plain open() and read(): QFile adds two stat calls
 * per file, and a create reads dozens of attributes.
 */
QString readSysfsAttribute(const QString &path, qsizetype limit = 256);

/*
 * The kernel name of the block device whose sysfs folder is `dir`
 * (/sys/dev/block/M:m, a link to .../block/NAME): the last part of the
 * link's target, by one readlink() instead of resolving every folder on
 * the way. Falls back to the canonical path where `dir` is no link.
 */
QString sysfsKernelName(const QString &dir);

} // namespace Volmap
