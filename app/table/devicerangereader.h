// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tablevalidator.h"

#include <QHash>

namespace Volmap {

/*
 * deviceRangeOf() for the segments of one table, each distinct device text
 * parsed once: a large table names few devices many times, and parsing a
 * path checks every component of it.
 */
class DeviceRangeReader final
{
public:
    std::optional<DeviceRange> rangeOf(const Segment &segment);

private:
    const std::optional<DeviceReference> &referenceOf(const QString &text);

    QHash<QString, std::optional<DeviceReference>> m_references; // by the text as written
    QString m_lastText;                                          // the last one asked for, and its answer
    const std::optional<DeviceReference> *m_last = nullptr;
    // The last range read: its target (the text's is m_lastText, the device m_last).
    QString m_lastTarget;
    bool m_lastRange = false;
};

} // namespace Volmap
