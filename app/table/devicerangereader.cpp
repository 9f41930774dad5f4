// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicerangereader.h"

#include "tabletext.h"

namespace Volmap {

std::optional<DeviceRange> DeviceRangeReader::rangeOf(const Segment &segment)
{
    // What deviceRangeOf() asks, with the device's parse remembered.
    if (!targetMapsDevice(segment.target) || segment.args.size() != 2) {
        return std::nullopt;
    }
    const std::optional<DeviceReference> &device = referenceOf(segment.args[0]);
    const auto offset = parseDecimal(segment.args[1]);
    if (!device || !offset) {
        return std::nullopt;
    }
    return DeviceRange{*device, *offset, segment.length};
}

const std::optional<DeviceReference> &DeviceRangeReader::referenceOf(const QString &text)
{
    // Consecutive segments usually name the same device, often in one
    // shared string (parseTable shares a repeated one).
    if (m_last && text == m_lastText) {
        return *m_last;
    }
    auto found = m_references.find(text);
    if (found == m_references.end()) {
        auto parsed = parseDeviceReference(text);
        found = m_references.insert(text, parsed ? std::optional(*std::move(parsed)) : std::nullopt);
    }
    m_lastText = text;
    m_last = &found.value();
    return *m_last;
}

} // namespace Volmap
