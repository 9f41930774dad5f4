// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Volmap {

/*
 * Whether the kernel has the module already, built in or loaded (live or
 * still initialising), by /sys/module under `root` ("" on a real system).
 * `moduleName` may use dashes (dm-mod). A create asks this every time;
 * libkmod would first read its configuration and indexes to say the same.
 */
bool moduleInKernel(const QString &moduleName, const QString &root = QString());

} // namespace Volmap
