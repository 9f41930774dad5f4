// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablevalidator.h"

#include "helperprotocol.h"
#include "tabletext.h"

#include <QHash>
#include <QMap>

#include <limits>
#include <optional>

namespace Volmap {

namespace {

constexpr quint64 SectorSize = 512;
// The kernel refuses devices whose size in bytes does not fit in a loff_t.
constexpr quint64 MaxTableSectors = quint64(std::numeric_limits<qint64>::max()) >> 9;

struct TargetGrammar
{
    QStringView name;
    qsizetype argumentCount;
    bool mapsDevice; // args are <device> <offset>
};

constexpr TargetGrammar Grammars[] = {
    {HelperProtocol::BasicTargetName, 2, true},
    {u"linear", 2, true},
    {u"zero", 0, false},
    {u"error", 0, false},
};

const TargetGrammar *grammarOf(QStringView target)
{
    for (const TargetGrammar &grammar : Grammars) {
        if (grammar.name == target) {
            return &grammar;
        }
    }
    return nullptr;
}

QString sectorRange(quint64 first, quint64 count)
{
    return TableMessages::tr("sectors %1-%2").arg(first).arg(first + count - 1);
}

class Validator
{
public:
    Validator(const MappingTable &table, const DeviceResolver &resolver, const TableLimits &limits)
        : m_table(table)
        , m_resolver(resolver)
        , m_limits(limits)
        , m_issues(limits.maxIssues)
    {}

    TableIssues run()
    {
        if (m_table.segments.isEmpty()) {
            m_issues.add(-1, 0, TableMessages::tr("the table has no segments"));
            return m_issues.take();
        }
        if (m_table.segments.size() > m_limits.maxSegments) {
            m_issues.add(-1, 0,
                         TableMessages::tr("the table has %1 segments; at most %2 are allowed")
                             .arg(m_table.segments.size())
                             .arg(m_limits.maxSegments));
            return m_issues.take();
        }
        quint64 expectedStart = 0;
        for (int index = 0; index < m_table.segments.size(); ++index) {
            const Segment &segment = m_table.segments[index];
            checkLayout(index, segment, expectedStart);
            checkTarget(index, segment);
            expectedStart = segment.start + segment.length;
            if (expectedStart < segment.start) {
                break; // already reported as overflow; later starts mean nothing
            }
        }
        checkTableAlignment();
        return m_issues.take();
    }

private:
    void report(int index, const QString &message)
    {
        m_issues.add(index, m_table.segments[index].line, message);
    }

    void checkLayout(int index, const Segment &segment, quint64 expectedStart)
    {
        if (segment.length == 0) {
            report(index, TableMessages::tr("segment length must be at least one sector"));
        }
        if (segment.start + segment.length < segment.start) {
            report(index, TableMessages::tr("segment end overflows 64 bits"));
        } else if (segment.start + segment.length > MaxTableSectors) {
            report(index, TableMessages::tr(
                              "the table would end past sector %1, the largest device the kernel allows")
                              .arg(MaxTableSectors));
        }
        if (segment.start == expectedStart) {
            return;
        }
        if (index == 0) {
            report(index,
                   TableMessages::tr("the first segment must start at sector 0, not %1").arg(segment.start));
        } else if (segment.start > expectedStart) {
            report(index,
                   TableMessages::tr("gap: the previous segment ends at sector %1 but this one starts at %2")
                       .arg(expectedStart)
                       .arg(segment.start));
        } else {
            report(index, TableMessages::tr(
                              "overlap: the previous segment ends at sector %1 but this one starts at %2")
                              .arg(expectedStart)
                              .arg(segment.start));
        }
    }

    void checkTarget(int index, const Segment &segment)
    {
        const TargetGrammar *grammar = grammarOf(segment.target);
        if (!grammar) {
            report(index,
                   TableMessages::tr("unsupported target %1; Volume Mapper creates %2")
                       .arg(quotedInput(segment.target), supportedTargets().join(QStringLiteral(", "))));
            return;
        }
        if (segment.args.size() != grammar->argumentCount) {
            report(
                index,
                grammar->mapsDevice
                    ? TableMessages::tr("%1 takes exactly 2 arguments: <device> <offset>").arg(segment.target)
                    : TableMessages::tr("%1 takes no arguments").arg(segment.target));
            return;
        }
        if (grammar->mapsDevice) {
            checkDeviceRange(index, segment);
        }
    }

    // A table names few devices many times: each is parsed and resolved (a
    // path walk and sysfs reads) once per check; 10 000 segments on one
    // disk cost 10 000 of each before.
    struct NamedDevice
    {
        Result<DeviceReference, QString> parsed;
        std::optional<Result<BlockDeviceGeometry, QString>> resolved;
    };

    NamedDevice &deviceNamed(const QString &text)
    {
        auto found = m_devices.find(text);
        if (found == m_devices.end()) {
            found = m_devices.insert(text, {parseDeviceReference(text), std::nullopt});
        }
        return *found;
    }

    void checkDeviceRange(int index, const Segment &segment)
    {
        NamedDevice &named = deviceNamed(segment.args[0]);
        if (!named.parsed) {
            report(index, named.parsed.error());
            return;
        }
        const auto offset = parseDecimal(segment.args[1]);
        if (!offset) {
            report(index, TableMessages::tr("offset %1 is not a decimal sector number")
                              .arg(quotedInput(segment.args[1])));
            return;
        }
        if (*offset > std::numeric_limits<quint64>::max() - segment.length) {
            report(index, TableMessages::tr("offset plus length overflows 64 bits"));
            return;
        }
        if (!m_resolver || segment.length == 0) {
            return;
        }
        if (!named.resolved) {
            named.resolved = m_resolver(*named.parsed);
        }
        const auto &resolved = *named.resolved;
        if (!resolved) {
            report(index, resolved.error());
            return;
        }
        const auto &device = *resolved;
        m_largestBlock = qMax(m_largestBlock, device.logicalBlockSize);
        if (*offset + segment.length > device.sizeInSectors) {
            report(index, TableMessages::tr("%1 of %2 lie past its end: it has %3 sectors")
                              .arg(sectorRange(*offset, segment.length), device.displayName,
                                   QString::number(device.sizeInSectors)));
            return;
        }
        m_deviceBlock.insert(index, device.logicalBlockSize);
        const quint64 blockSectors = qMax<quint64>(1, device.logicalBlockSize / SectorSize);
        if (segment.start % blockSectors || segment.length % blockSectors || *offset % blockSectors) {
            report(index, TableMessages::tr("%1 has %2-byte logical blocks: start, length and offset must be "
                                            "multiples of %3 sectors")
                              .arg(device.displayName, QString::number(device.logicalBlockSize),
                                   QString::number(blockSectors)));
        }
        checkReuse(index, device, *offset, segment.length);
    }

    // The kernel aligns every segment boundary to the table's logical block
    // size, its devices' largest: device-less segments, and device segments
    // whose own device has smaller blocks (those with the largest were
    // checked against their device already).
    void checkTableAlignment()
    {
        const quint64 blockSectors = m_largestBlock / SectorSize;
        if (blockSectors <= 1) {
            return;
        }
        for (int index = 0; index < m_table.segments.size(); ++index) {
            const Segment &segment = m_table.segments[index];
            const TargetGrammar *grammar = grammarOf(segment.target);
            if (!grammar || (segment.start % blockSectors == 0 && segment.length % blockSectors == 0)) {
                continue;
            }
            const bool checkedByItsDevice = grammar->mapsDevice
                                            && m_deviceBlock.value(index, m_largestBlock) == m_largestBlock;
            if (!checkedByItsDevice) {
                report(index,
                       TableMessages::tr("the table's devices have %1-byte logical blocks: this segment must "
                                         "start and end on a multiple of %2 sectors")
                           .arg(m_largestBlock)
                           .arg(blockSectors));
            }
        }
    }

    // Ranges already used per device, keyed by start offset.
    void checkReuse(int index, const BlockDeviceGeometry &device, quint64 offset, quint64 length)
    {
        auto &used = m_used[device.number];
        auto next = used.lowerBound(offset);
        auto conflict = used.end();
        if (next != used.end() && next.key() < offset + length) {
            conflict = next;
        } else if (next != used.begin()) {
            auto previous = std::prev(next);
            if (previous.key() + previous->length > offset) {
                conflict = previous;
            }
        }
        if (conflict != used.end()) {
            report(index, TableMessages::tr("%1 of %2 overlap the range segment %3 already uses")
                              .arg(sectorRange(offset, length), device.displayName,
                                   QString::number(conflict->segment + 1)));
            return;
        }
        used.insert(offset, {length, index});
    }

    struct Use
    {
        quint64 length;
        int segment;
    };

    const MappingTable &m_table;
    const DeviceResolver &m_resolver;
    const TableLimits &m_limits;
    IssueCollector m_issues;
    QMap<DeviceNumber, QMap<quint64, Use>> m_used;
    quint32 m_largestBlock = 512;          // the table's logical block size is its devices' largest
    QHash<QString, NamedDevice> m_devices; // by the reference's text
    QHash<int, quint32> m_deviceBlock;     // segment -> its device's block size, once resolved and in range
};

} // namespace

bool isSupportedTarget(QStringView target)
{
    return grammarOf(target) != nullptr;
}

QStringList supportedTargets()
{
    QStringList names;
    for (const TargetGrammar &grammar : Grammars) {
        names.append(grammar.name.toString());
    }
    return names;
}

TableIssues validateTable(const MappingTable &table, const DeviceResolver &resolver,
                          const TableLimits &limits)
{
    return Validator(table, resolver, limits).run();
}

TableIssues validateTableText(QStringView text, const DeviceResolver &resolver, const TableLimits &limits)
{
    if (text.size() > limits.maxTextLength) {
        return {{-1, 0,
                 TableMessages::tr("the table text is %1 characters long; at most %2 are allowed")
                     .arg(text.size())
                     .arg(limits.maxTextLength)}};
    }
    ParsedTable parsed = parseTable(text, limits);
    if (!parsed.ok()) {
        return parsed.issues;
    }
    return validateTable(parsed.table, resolver, limits);
}

std::optional<DeviceRange> deviceRangeOf(const Segment &segment)
{
    const TargetGrammar *grammar = grammarOf(segment.target);
    if (!grammar || !grammar->mapsDevice || segment.args.size() != 2) {
        return std::nullopt;
    }
    auto device = parseDeviceReference(segment.args[0]);
    const auto offset = parseDecimal(segment.args[1]);
    if (!device || !offset) {
        return std::nullopt;
    }
    return DeviceRange{*std::move(device), *offset, segment.length};
}

} // namespace Volmap
