// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <variant>

namespace Volmap {

/*
 * How a table names a backing device: `major:minor`, or an absolute path
 * under /dev. A path is only a name here; whoever acts on it resolves it to
 * a block device and passes major:minor on, so the path cannot change
 * between the check and the use.
 */
struct DeviceNumber
{
    quint32 major = 0;
    quint32 minor = 0;

    QString toString() const { return QStringLiteral("%1:%2").arg(major).arg(minor); }
    bool operator==(const DeviceNumber &) const = default;
    auto operator<=>(const DeviceNumber &) const = default;
};

struct DeviceReference
{
    std::variant<DeviceNumber, QString> value;

    bool isNumber() const { return std::holds_alternative<DeviceNumber>(value); }
    QString toString() const;
};

/* "major:minor" as a number; std::nullopt for anything else. */
std::optional<DeviceNumber> parseDeviceNumber(QStringView text);

/* A reference, or the reason the text is not one. */
Result<DeviceReference, QString> parseDeviceReference(QStringView text);

} // namespace Volmap
