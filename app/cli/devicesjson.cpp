// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicesjson.h"

#include <optional>

namespace Volmap {

namespace {

/* One device's object: "key": value lines, eight spaces in, keys in the order QJsonObject sorts them. */
class ObjectWriter
{
public:
    explicit ObjectWriter(QByteArray &out)
        : m_out(out)
    {}

    void string(const char *key, const QString &text)
    {
        startKey(key);
        if (text.isEmpty()) {
            m_out += "null"; // lsblk's null for an absent value
        } else {
            appendString(text);
        }
    }
    /* Always a string, even an empty one. */
    void text(const char *key, const QString &text)
    {
        startKey(key);
        appendString(text);
    }
    void number(const char *key, qint64 value)
    {
        startKey(key);
        m_out += QByteArray::number(value);
    }
    void nullableNumber(const char *key, std::optional<qint64> value)
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
    void strings(const char *key, const QStringList &texts)
    {
        startKey(key);
        m_out += "[\n";
        for (qsizetype i = 0; i < texts.size(); ++i) {
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
    void appendString(const QString &text)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        for (const char c : text.toUtf8()) {
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

    QByteArray &m_out;
    bool m_first = true;
};

void appendDevice(QByteArray &out, const BlockDeviceInfo &d)
{
    ObjectWriter object(out);
    object.string("back-file", d.loopBackingFile);
    object.string("dm-name", d.dmName);
    object.string("fstype", d.fsType);
    object.strings("holders", d.holders);
    object.string("in-use", d.inUseReason());
    object.string("label", d.fsLabel);
    object.number("log-sec", d.logicalBlockSize);
    object.text("maj:min", d.number.toString());
    object.string("model", d.model);
    object.strings("mountpoints", d.mountPoints);
    object.text("name", d.kernelName);
    object.string("partuuid", d.partUuid);
    object.text("path", d.node);
    object.number("phy-sec", d.physicalBlockSize);
    object.string("pkname", d.parent.isEmpty() ? d.slaves.value(0) : d.parent);
    object.string("pttype", d.partTableType);
    object.boolean("rm", d.removable);
    object.boolean("ro", d.readOnly);
    object.string("serial", d.serial);
    object.number("size", qint64(d.sizeInBytes()));
    object.strings("slaves", d.slaves);
    object.nullableNumber("start", d.kind == DeviceKind::Partition
                                       ? std::optional<qint64>(qint64(d.partitionStart))
                                       : std::nullopt);
    object.boolean("swap", d.swap);
    object.text("type", kindName(d.kind));
    object.string("uuid", d.fsUuid);
    object.end();
}

} // namespace

QByteArray devicesJson(const QList<BlockDeviceInfo> &devices)
{
    QByteArray out = "[\n";
    out.reserve(1024 * (devices.size() + 1));
    for (qsizetype i = 0; i < devices.size(); ++i) {
        out += "    {\n";
        appendDevice(out, devices[i]);
        out += i + 1 < devices.size() ? "    },\n" : "    }\n";
    }
    out += "]\n";
    return out;
}

} // namespace Volmap
