// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicerangereader.h"

namespace Volmap {

std::optional<DeviceRange> DeviceRangeReader::rangeOf(const Segment &segment)
{
    // deviceRangeOf()'s rule, with the device's parse remembered.
    const auto text = deviceRangeTextOf(segment);
    if (!text) {
        return std::nullopt;
    }
    const std::optional<DeviceReference> &device = referenceOf(text->device);
    if (!device) {
        return std::nullopt;
    }
    return DeviceRange{*device, text->offset, text->length};
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
