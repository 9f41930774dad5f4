// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterror.h"

#include <QDBusUnixFileDescriptor>
#include <QString>

namespace Volmap {

/*
 * A table for the helper's `table-fd` option: a memfd holding the table as
 * UTF-8, sealed against writing, growing, shrinking and further sealing,
 * so the helper can check it with fstat and fcntl alone and read it later
 * without it changing or blocking. Tables longer than
 * Admission::MaxTextReadBeforeAuthorization characters travel this way,
 * so that libdbus never validates megabytes of string in the helper.
 */
ClientResult<QDBusUnixFileDescriptor> sealedTable(const QString &table);

} // namespace Volmap
