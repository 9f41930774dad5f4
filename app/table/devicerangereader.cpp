// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicerangereader.h"

namespace Volmap {

std::optional<DeviceRange> DeviceRangeReader::rangeOf(const Segment &segment)
{
    // A run of segments with the last one's target and device (as a large
    // table has) differs only in the offset: the target's grammar and the
    // device were read for the last one already.
    if (m_lastRange && segment.args.size() == 2 && segment.target == m_lastTarget
        && segment.args[0] == m_lastText) {
        const auto offset = parseDecimal(segment.args[1]);
        if (!offset) {
            return std::nullopt;
        }
        return DeviceRange{**m_last, *offset, segment.length};
    }
    // deviceRangeOf()'s rule, with the device's parse remembered.
    const auto text = deviceRangeTextOf(segment);
    if (!text) {
        return std::nullopt;
    }
    const std::optional<DeviceReference> &device = referenceOf(text->device);
    m_lastRange = device.has_value();
    if (!device) {
        return std::nullopt;
    }
    m_lastTarget = segment.target;
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
