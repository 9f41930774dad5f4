// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicelisting.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>

namespace Volmap {

namespace {

/* The length of the well-formed UTF-8 sequence at the start of `text`, 0 if none. */
std::size_t sequenceLength(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) {
        return 1;
    }
    // Unicode's table of well-formed sequences: the second byte's range
    // excludes overlong forms, surrogates and code points past U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    std::size_t length = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80;
        high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    }
    if (length == 0 || text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xbf) {
            return 0;
        }
    }
    return length;
}

/* How many UTF-16 code units Qt counts in UTF-8 text (QString::size()). */
std::size_t utf16Length(std::string_view text)
{
    std::size_t units = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        units += (byte & 0xc0) != 0x80;
        units += byte >= 0xf0; // a surrogate pair
    }
    return units;
}

/* One device's object: "key": value lines, eight spaces in, keys in the order QJsonObject sorts them. */
class ObjectWriter final
{
public:
    explicit ObjectWriter(std::string &out)
        : m_out(out)
    {}

    void string(const char *key, const std::string &text)
    {
        startKey(key);
        if (text.empty()) {
            m_out += "null"; // lsblk's null for an absent value
        } else {
            appendString(text);
        }
    }
    /* Always a string, even an empty one. */
    void text(const char *key, std::string_view text)
    {
        startKey(key);
        appendString(text);
    }
    void number(const char *key, std::int64_t value)
    {
        startKey(key);
        m_out += std::to_string(value);
    }
    void nullableNumber(const char *key, std::optional<std::int64_t> value)
    {
        if (value) {
            number(key, *value);
        } else {
            startKey(key);
            m_out += "null";
        }
    }
    void boolean(const char *key, bool value)
    {
        startKey(key);
        m_out += value ? "true" : "false";
    }
    void strings(const char *key, const std::vector<std::string> &texts)
    {
        startKey(key);
        m_out += "[\n";
        for (std::size_t i = 0; i < texts.size(); ++i) {
            m_out += "            ";
            appendString(texts[i]);
            m_out += i + 1 < texts.size() ? ",\n" : "\n";
        }
        m_out += "        ]";
    }
    void end() { m_out += '\n'; }

private:
    void startKey(const char *key)
    {
        m_out += m_first ? "        \"" : ",\n        \"";
        m_first = false;
        m_out += key;
        m_out += "\": ";
    }
    // As QJsonDocument escapes: quote, backslash and control characters.
    void appendString(std::string_view text)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        for (const char c : validUtf8(text)) {
            const auto byte = static_cast<unsigned char>(c);
            switch (byte) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\b':
                m_out += "\\b";
                break;
            case '\f':
                m_out += "\\f";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    m_out += "\\u00";
                    m_out += hex[byte >> 4];
                    m_out += hex[byte & 0xf];
                } else {
                    m_out += c;
                }
            }
        }
        m_out += '"';
    }

    std::string &m_out;
    bool m_first = true;
};

void appendDevice(std::string &out, const ScannedDevice &d)
{
    ObjectWriter object(out);
    object.string("back-file", d.loopBackingFile);
    object.string("dm-name", d.dmName);
    object.string("fstype", d.fsType);
    object.strings("holders", d.holders);
    object.string("in-use", inUseReasonText(d));
    object.string("label", d.fsLabel);
    object.number("log-sec", d.logicalBlockSize);
    object.text("maj:min", d.numberText());
    object.string("model", d.model);
    object.strings("mountpoints", d.mountPoints);
    object.text("name", d.kernelName);
    object.string("partuuid", d.partUuid);
    object.text("path", d.node);
    object.number("phy-sec", d.physicalBlockSize);
    object.string("pkname", !d.parent.empty() || d.slaves.empty() ? d.parent : d.slaves.front());
    object.string("pttype", d.partTableType);
    object.boolean("rm", d.removable);
    object.boolean("ro", d.readOnly);
    object.string("serial", d.serial);
    object.number("size", std::int64_t(d.sizeInBytes()));
    object.strings("slaves", d.slaves);
    object.nullableNumber("start", d.kind == DeviceKind::Partition
                                       ? std::optional<std::int64_t>(std::int64_t(d.partitionStart))
                                       : std::nullopt);
    object.boolean("swap", d.swap);
    object.text("type", deviceKindText(d.kind));
    object.string("uuid", d.fsUuid);
    object.end();
}

} // namespace

std::string validUtf8(std::string_view text)
{
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text.substr(i));
        if (length == 0) {
            result += "\xef\xbf\xbd";
            ++i;
        } else {
            result += text.substr(i, length);
            i += length;
        }
    }
    return result;
}

std::string devicesJsonText(const std::vector<ScannedDevice> &devices)
{
    std::string out = "[\n";
    out.reserve(1024 * (devices.size() + 1));
    for (std::size_t i = 0; i < devices.size(); ++i) {
        out += "    {\n";
        appendDevice(out, devices[i]);
        out += i + 1 < devices.size() ? "    },\n" : "    }\n";
    }
    out += "]\n";
    return out;
}

std::string sizeText(std::uint64_t bytes)
{
    static constexpr const char *Units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    std::size_t unit = 0;
    while (unit + 1 < std::size(Units) && bytes >= std::uint64_t(1) << (10 * (unit + 1))) {
        ++unit;
    }
    const std::uint64_t scale = std::uint64_t(1) << (10 * unit);
    std::string text = std::to_string(bytes / scale);
    std::uint64_t remainder = bytes % scale;
    if (remainder != 0) {
        // Exact decimal places, two at most; "~" and rounded where more would be needed.
        std::string decimals;
        for (int i = 0; i < 2 && remainder != 0; ++i) {
            remainder *= 10; // remainder < scale <= 2^40: no overflow
            decimals += char('0' + remainder / scale);
            remainder %= scale;
        }
        if (remainder != 0) {
            char rounded[64];
            std::snprintf(rounded, sizeof rounded, "~%.2f %s", double(bytes) / double(scale), Units[unit]);
            return rounded;
        }
        text += '.' + decimals;
    }
    return text + ' ' + Units[unit];
}

std::string devicesTableText(const std::vector<ScannedDevice> &devices)
{
    std::vector<std::vector<std::string>> rows{
        {"NAME", "TYPE", "MAJ:MIN", "SIZE", "FSTYPE", "LABEL", "IN USE"}};
    for (const ScannedDevice &d : devices) {
        const std::string name = (d.kind == DeviceKind::Partition ? "  " : "")
                                 + (d.dmName.empty() ? d.kernelName : d.kernelName + " (" + d.dmName + ')');
        rows.push_back({name, deviceKindText(d.kind), d.numberText(), sizeText(d.sizeInBytes()), d.fsType,
                        d.fsLabel, inUseReasonText(d)});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (auto &row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            row[i] = validUtf8(row[i]);
            widths[i] = std::max(widths[i], utf16Length(row[i]));
        }
    }
    std::string out;
    for (const auto &row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += row[i];
            if (i + 1 < row.size()) {
                out.append(widths[i] + 2 - utf16Length(row[i]), ' ');
            }
        }
        out += '\n';
    }
    return out;
}

} // namespace Volmap
