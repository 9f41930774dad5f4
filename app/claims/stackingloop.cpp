// SPDX-License-Identifier: GPL-2.0-or-later
#include "stackingloop.h"

namespace Volmap {

namespace {

// "/dev/mapper/b (254:1)"; a major:minor reference already reads "/dev/dm-1 (254:1)".
QString described(const ResolvedDevice &device)
{
    const QString number = device.geometry.number.toString();
    const QString &name = device.geometry.displayName;
    return name.contains(number) ? name : QStringLiteral("%1 (%2)").arg(name, number);
}

} // namespace

std::optional<HelperError> stackingLoop(const QList<ResolvedDevice> &named, DeviceNumber self,
                                        const QString &name, DeviceInspector &devices)
{
    for (const ResolvedDevice &device : named) {
        const DeviceNumber number = device.geometry.number;
        if (number == self) {
            return invalidArgument(
                QStringLiteral("invalid table: %1 is '%2' itself; a mapping cannot use itself, its "
                               "I/O would go round in circles")
                    .arg(described(device), name));
        }
        if (devices.dependsOn(number, self)) {
            return invalidArgument(
                QStringLiteral("invalid table: %1 is built on '%2'; a mapping cannot use a device "
                               "built on it, its I/O would go round in circles")
                    .arg(described(device), name));
        }
    }
    return std::nullopt;
}

} // namespace Volmap
