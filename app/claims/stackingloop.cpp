#include "stackingloop.h"

namespace Volmap {

std::optional<HelperError> stackingLoop(const QList<ResolvedDevice> &named, DeviceNumber self, const QString &name,
                                        DeviceInspector &devices)
{
    for (const ResolvedDevice &device : named) {
        const DeviceNumber number = device.geometry.number;
        if (number == self) {
            return invalidArgument(QStringLiteral("invalid table: %1 (%2) is '%3' itself; a mapping cannot use "
                                                  "itself, its I/O would go round in circles")
                                       .arg(device.geometry.displayName, number.toString(), name));
        }
        if (devices.dependsOn(number, self)) {
            return invalidArgument(QStringLiteral("invalid table: %1 (%2) is built on '%3'; a mapping cannot use "
                                                  "a device built on it, its I/O would go round in circles")
                                       .arg(device.geometry.displayName, number.toString(), name));
        }
    }
    return std::nullopt;
}

} // namespace Volmap
