// SPDX-License-Identifier: GPL-2.0-or-later
#include "targetdevices.h"

#include "helperprotocol.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QHash>

#include <functional>

namespace Volmap {

namespace {

using Uses = QList<TargetDeviceUse>;
using Parser = std::function<std::optional<Uses>(const Segment &)>;

// The arguments of one line, read front to back; any failure sticks, so a
// parser reads all it needs and checks `ok` once.
class ArgumentReader
{
public:
    explicit ArgumentReader(const QStringList &args, qsizetype from = 0)
        : m_args(args)
        , m_at(from)
    {}

    bool ok() const { return m_ok; }
    qsizetype remaining() const { return m_args.size() - m_at; }
    void skip(quint64 count)
    {
        if (count > quint64(remaining())) {
            m_ok = false;
            return;
        }
        m_at += qsizetype(count);
    }
    QStringView peek() const { return remaining() > 0 ? QStringView(m_args[m_at]) : QStringView(); }
    QStringView word()
    {
        if (remaining() <= 0) {
            m_ok = false;
            return {};
        }
        return m_args[m_at++];
    }
    quint64 number()
    {
        const auto value = parseDecimal(word());
        m_ok = m_ok && value.has_value();
        return value.value_or(0);
    }
    DeviceReference device()
    {
        auto parsed = parseDeviceReference(word());
        if (parsed) {
            return *parsed;
        }
        m_ok = false;
        return {};
    }

private:
    const QStringList &m_args;
    qsizetype m_at;
    bool m_ok = true;
};

TargetDeviceUse exact(const DeviceReference &device, quint64 offset, quint64 length)
{
    return {device, offset, length, false};
}

TargetDeviceUse whole(const DeviceReference &device)
{
    return {device, 0, std::nullopt, true};
}

std::optional<Uses> done(const ArgumentReader &reader, Uses uses)
{
    return reader.ok() ? std::optional<Uses>(std::move(uses)) : std::nullopt;
}

// linear.rst and Volume Mapper's basic_target: <dev> <offset>.
std::optional<Uses> linear(const Segment &segment)
{
    const auto range = deviceRangeOf(segment);
    if (!range) {
        return std::nullopt;
    }
    return Uses{exact(range->device, range->offset, range->length)};
}

// striped.rst: <#stripes> <chunk size> [<dev> <offset>]+. Each stripe holds
// length/#stripes sectors, rounded up to whole chunks.
std::optional<Uses> striped(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const quint64 stripes = reader.number();
    const quint64 chunk = reader.number();
    if (!reader.ok() || stripes == 0 || chunk == 0 || quint64(reader.remaining()) != 2 * stripes) {
        return std::nullopt;
    }
    const quint64 perStripe = (segment.length / stripes + chunk - 1) / chunk * chunk;
    Uses uses;
    for (quint64 i = 0; i < stripes && reader.ok(); ++i) {
        const DeviceReference device = reader.device();
        uses.append(exact(device, reader.number(), perStripe));
    }
    return done(reader, uses);
}

// dm-log.rst and the mirror target: <log type> <#log args> <log args>
// <#devs> [<dev> <offset>]+ [<#features> <features>]. A "disk" log keeps
// its log on the device named first among its arguments.
std::optional<Uses> mirror(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const QStringView logType = reader.word();
    const quint64 logArgs = reader.number();
    Uses uses;
    if (logType == u"disk" || logType == u"clustered-disk") {
        ArgumentReader log(segment.args, 2);
        uses.append(whole(log.device()));
        if (!log.ok() || logArgs == 0) {
            return std::nullopt;
        }
    } else if (logType != u"core" && logType != u"clustered-core") {
        return std::nullopt;
    }
    reader.skip(logArgs);
    const quint64 legs = reader.number();
    for (quint64 i = 0; i < legs && reader.ok(); ++i) {
        const DeviceReference device = reader.device();
        uses.append(exact(device, reader.number(), segment.length));
    }
    return done(reader, uses);
}

// dm-raid.rst: <raid type> <#raid params> <raid params> <#raid devs>
// [<metadata dev> <data dev>]+, "-" for a missing device. The data sits
// after md's own offset on each leg, so legs are claimed whole.
std::optional<Uses> raid(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    reader.word();
    reader.skip(reader.number());
    const quint64 devices = reader.number();
    Uses uses;
    for (quint64 i = 0; i < 2 * devices && reader.ok(); ++i) {
        if (reader.peek() == u"-") {
            reader.word();
            continue;
        }
        uses.append(whole(reader.device()));
    }
    return done(reader, uses);
}

// dm-crypt.rst: <cipher> <key> <iv offset> <dev> <offset> [<#opt> <opt>].
// The data range is exact, but the device is the encrypted container's
// (its header sits in front of the offset), so it is owned whole.
std::optional<Uses> crypt(const Segment &segment)
{
    ArgumentReader reader(segment.args, 3);
    const DeviceReference device = reader.device();
    const quint64 offset = reader.number();
    return done(reader, {{device, offset, segment.length, true}});
}

// dm-integrity.rst: <dev> <start sector> <tag size> <mode> [<#opt> <opt>];
// tags and journal are interleaved from the start sector to the device's
// end, and "meta_device:<dev>" puts them on a device of their own.
std::optional<Uses> integrity(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const DeviceReference device = reader.device();
    const quint64 start = reader.number();
    reader.skip(2);
    Uses uses{{device, start, std::nullopt, true}};
    if (reader.ok() && reader.remaining() > 0) {
        const quint64 options = reader.number();
        for (quint64 i = 0; i < options && reader.ok(); ++i) {
            const QStringView option = reader.word();
            if (option.startsWith(u"meta_device:")) {
                auto meta = parseDeviceReference(option.mid(12));
                if (!meta) {
                    return std::nullopt;
                }
                uses.append(whole(*meta));
            }
        }
    }
    return done(reader, uses);
}

// The origin of cache, era and writecache is mapped sector for sector
// (the target's sector n is the origin's sector n).
TargetDeviceUse origin(const DeviceReference &device, const Segment &segment)
{
    return exact(device, 0, segment.length);
}

// cache.rst: <metadata dev> <cache dev> <origin dev> <block size> ...
std::optional<Uses> cache(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const DeviceReference metadata = reader.device();
    const DeviceReference cacheDevice = reader.device();
    const DeviceReference originDevice = reader.device();
    reader.number();
    return done(reader, {whole(metadata), whole(cacheDevice), origin(originDevice, segment)});
}

// era.rst: <metadata dev> <origin dev> <block size>.
std::optional<Uses> era(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const DeviceReference metadata = reader.device();
    const DeviceReference originDevice = reader.device();
    reader.number();
    return done(reader, {whole(metadata), origin(originDevice, segment)});
}

// writecache.rst: <p|s> <origin dev> <cache dev> <block size> <#features> ...
std::optional<Uses> writecache(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const QStringView type = reader.word();
    const DeviceReference originDevice = reader.device();
    const DeviceReference cacheDevice = reader.device();
    reader.number();
    if (type != u"p" && type != u"s") {
        return std::nullopt;
    }
    return done(reader, {origin(originDevice, segment), whole(cacheDevice)});
}

// thin-provisioning.rst: thin-pool <metadata dev> <data dev> <block size>
// <low water mark> [<#features> ...]; both devices belong to the pool.
std::optional<Uses> thinPool(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const DeviceReference metadata = reader.device();
    const DeviceReference data = reader.device();
    reader.number();
    reader.number();
    return done(reader, {whole(metadata), whole(data)});
}

// thin-provisioning.rst: thin <pool dev> <dev id> [<external origin dev>].
std::optional<Uses> thin(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    Uses uses{whole(reader.device())};
    reader.number();
    if (reader.ok() && reader.remaining() > 0) {
        uses.append(whole(reader.device()));
    }
    return done(reader, uses);
}

// delay.rst: <dev> <offset> <delay> [<write dev> <offset> <delay>
// [<flush dev> <offset> <delay>]].
std::optional<Uses> delay(const Segment &segment)
{
    const qsizetype count = segment.args.size();
    if (count != 3 && count != 6 && count != 9) {
        return std::nullopt;
    }
    ArgumentReader reader(segment.args);
    Uses uses;
    while (reader.ok() && reader.remaining() > 0) {
        const DeviceReference device = reader.device();
        uses.append(exact(device, reader.number(), segment.length));
        reader.number();
    }
    return done(reader, uses);
}

// dm-flakey.rst: <dev> <offset> <up> <down> [...]; dm-dust.rst:
// <dev> <offset> <block size>. Both map one range like linear.
std::optional<Uses> deviceAndOffset(const Segment &segment)
{
    ArgumentReader reader(segment.args);
    const DeviceReference device = reader.device();
    const quint64 offset = reader.number();
    return done(reader, {exact(device, offset, segment.length)});
}

// snapshot.rst: snapshot[-merge] <origin> <COW dev> <P|N|PO> <chunk size>;
// snapshot-origin <origin>. verity.rst: <version> <data dev> <hash dev> ...
std::optional<Uses> wholeDevicesAt(const Segment &segment, std::initializer_list<qsizetype> positions)
{
    Uses uses;
    for (const qsizetype position : positions) {
        ArgumentReader reader(segment.args, position);
        uses.append(whole(reader.device()));
        if (!reader.ok()) {
            return std::nullopt;
        }
    }
    return uses;
}

const QHash<QString, Parser> &parsers()
{
    static const QHash<QString, Parser> table = {
        {QStringLiteral("linear"), linear},
        {HelperProtocol::BasicTargetName.toString(), linear},
        {QStringLiteral("striped"), striped},
        {QStringLiteral("mirror"), mirror},
        {QStringLiteral("raid"), raid},
        {QStringLiteral("crypt"), crypt},
        {QStringLiteral("integrity"), integrity},
        {QStringLiteral("cache"), cache},
        {QStringLiteral("era"), era},
        {QStringLiteral("writecache"), writecache},
        {QStringLiteral("thin-pool"), thinPool},
        {QStringLiteral("thin"), thin},
        {QStringLiteral("delay"), delay},
        {QStringLiteral("flakey"), deviceAndOffset},
        {QStringLiteral("dust"), deviceAndOffset},
        {QStringLiteral("snapshot"),
         [](const Segment &s) {
             return wholeDevicesAt(s, {0, 1});
         }},
        {QStringLiteral("snapshot-merge"),
         [](const Segment &s) {
             return wholeDevicesAt(s, {0, 1});
         }},
        {QStringLiteral("snapshot-origin"), [](const Segment &s) { return wholeDevicesAt(s, {0}); }},
        {QStringLiteral("verity"),
         [](const Segment &s) {
             return wholeDevicesAt(s, {1, 2});
         }},
        {QStringLiteral("zero"), [](const Segment &) { return std::optional<Uses>(Uses{}); }},
        {QStringLiteral("error"), [](const Segment &) { return std::optional<Uses>(Uses{}); }},
    };
    return table;
}

} // namespace

std::optional<QList<TargetDeviceUse>> deviceUsesOf(const Segment &segment)
{
    const auto parser = parsers().constFind(segment.target);
    if (parser == parsers().cend()) {
        return std::nullopt;
    }
    return (*parser)(segment);
}

} // namespace Volmap
