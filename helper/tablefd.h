// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outcome.h"

#include <QString>

namespace Volmap {

/*
 * A table passed as a file descriptor (the `table-fd` option): a sealed
 * memfd holding UTF-8 text. At admission it is only looked at with fstat
 * and fcntl: a regular file of 1 byte to Admission::MaxTableText bytes,
 * sealed against writing, growing and shrinking (so it cannot change after
 * the check, and reading it cannot block), opened for reading. It is read
 * only later, on a worker thread, for a caller polkit allows.
 */
namespace TableFd {

/* The size in bytes of the table in `fd`, or InvalidArgument naming what a table-fd must be. */
Outcome<qsizetype> checkTableFd(int fd);
/* The `size` bytes checkTableFd() found, read with pread and decoded; InvalidArgument if not UTF-8. */
Outcome<QString> readTableFd(int fd, qsizetype size);

} // namespace TableFd

} // namespace Volmap
