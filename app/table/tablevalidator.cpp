// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablevalidator.h"

#include "helperprotocol.h"
#include "tablegrammar.h"
#include "tabletext.h"
#include "usedranges.h"

#include <QHash>

#include <limits>
#include <map>
#include <optional>

namespace Volmap {

namespace {

constexpr quint64 SectorSize = 512;
// The kernel refuses devices whose size in bytes does not fit in a loff_t.
constexpr quint64 MaxTableSectors = quint64(std::numeric_limits<qint64>::max()) >> 9;

using TargetGrammar = Grammar::TargetArity;

const TargetGrammar *grammarOf(QStringView target)
{
    for (const TargetGrammar &grammar : Grammar::SupportedTargets) {
        if (QLatin1StringView(grammar.name.data(), qsizetype(grammar.name.size())) == target) {
            return &grammar;
        }
    }
    return nullptr;
}

QString sectorRange(quint64 first, quint64 count)
{
    return TableMessages::tr("sectors %1-%2").arg(first).arg(first + count - 1);
}

} // namespace

/*
 * One validation of a table. It keeps what it found out (devices, the
 * ranges in use, the table's block size) so TableValidation can check one
 * changed segment of a valid table against it instead of starting over.
 */
class TableCheck
{
public:
    TableCheck(const DeviceResolver &resolver, const TableLimits &limits)
        : m_resolver(resolver)
        , m_limits(limits)
        , m_issues(limits.maxIssues)
    {}

    TableIssues run(const MappingTable &table)
    {
        m_table = &table;
        m_rows = QList<RowFacts>(table.segments.size());
        TableIssues issues = runChecks();
        m_clean = issues.isEmpty();
        m_end = table.lengthInSectors();
        return issues;
    }

    bool tryUpdate(const MappingTable &table, int row);

private:
    TableIssues runChecks()
    {
        const MappingTable &table = *m_table;
        if (table.segments.isEmpty()) {
            m_issues.add(-1, 0, TableMessages::tr("the table has no segments"));
            return m_issues.take();
        }
        if (table.segments.size() > m_limits.maxSegments) {
            m_issues.add(-1, 0,
                         TableMessages::tr("the table has %1 segments; at most %2 are allowed")
                             .arg(table.segments.size())
                             .arg(m_limits.maxSegments));
            return m_issues.take();
        }
        quint64 expectedStart = 0;
        for (int index = 0; index < table.segments.size(); ++index) {
            const Segment &segment = table.segments[index];
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

    bool devicesUnchanged();
    bool startsShiftByWholeBlocks(const MappingTable &table, int row) const;

    void report(int index, const QString &message)
    {
        m_issues.add(index, m_table->segments[index].line, message);
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
        m_rows[index].grammar = grammar;
        if (!grammar) {
            report(index,
                   TableMessages::tr("unsupported target %1; Volume Mapper creates %2")
                       .arg(quotedInput(segment.target), supportedTargets().join(QStringLiteral(", "))));
            return;
        }
        if (segment.args.size() != qsizetype(grammar->argumentCount)) {
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
        // A run of segments on one device shares its text (parseTable
        // shares a repeated one): compared, not hashed, per segment.
        if (m_lastDevice && text == m_lastDeviceText) {
            return *m_lastDevice;
        }
        auto found = m_devices.find(text);
        if (found == m_devices.end()) {
            found = m_devices.insert(text, {parseDeviceReference(text), std::nullopt});
        }
        // An insert may move the others: only the latest entry is kept.
        m_lastDeviceText = text;
        m_lastDevice = &*found;
        return *found;
    }

    void checkDeviceRange(int index, const Segment &segment)
    {
        NamedDevice &named = deviceNamed(segment.args[0]);
        m_rows[index].device = segment.args[0];
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
        m_rows[index].deviceBlock = device.logicalBlockSize;
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
        for (int index = 0; index < m_table->segments.size(); ++index) {
            const Segment &segment = m_table->segments[index];
            const TargetGrammar *grammar = grammarOf(segment.target);
            if (!grammar || (segment.start % blockSectors == 0 && segment.length % blockSectors == 0)) {
                continue;
            }
            const bool checkedByItsDevice = grammar->mapsDevice
                                            && m_rows[index].deviceBlock.value_or(m_largestBlock)
                                                   == m_largestBlock;
            if (!checkedByItsDevice) {
                report(index,
                       TableMessages::tr("the table's devices have %1-byte logical blocks: this segment must "
                                         "start and end on a multiple of %2 sectors")
                           .arg(m_largestBlock)
                           .arg(blockSectors));
            }
        }
    }

    // Ranges already used per device.
    void checkReuse(int index, const BlockDeviceGeometry &device, quint64 offset, quint64 length)
    {
        auto &used = usedOn(device.number);
        if (const auto conflict = used.overlapping(offset, length)) {
            report(index, TableMessages::tr("%1 of %2 overlap the range segment %3 already uses")
                              .arg(sectorRange(offset, length), device.displayName,
                                   QString::number(conflict->segment + 1)));
            return;
        }
        used.insert(offset, length, index);
        m_rows[index].range = {device.number, offset};
    }

    // UsedRanges, not a std::map: a 10 000-segment table inserts 10 000
    // ranges, in ascending order on its device as a rule, and a tree node
    // each was a third of this check.
    using Uses = UsedRanges;

    Uses &usedOn(DeviceNumber device)
    {
        // Consecutive segments usually use one device: no lookup for them.
        if (!m_lastUsed || m_lastUsedDevice != device) {
            m_lastUsed = &m_used[device]; // nodes of a std::map stay put
            m_lastUsedDevice = device;
        }
        return *m_lastUsed;
    }

    // What the last check found out about each segment, for tryUpdate().
    struct RowFacts
    {
        const TargetGrammar *grammar = nullptr;
        QString device;                                        // as written
        std::optional<std::pair<DeviceNumber, quint64>> range; // in m_used: device, offset
        std::optional<quint32> deviceBlock; // its device's block size, once resolved and in range
    };

    const MappingTable *m_table = nullptr;
    const DeviceResolver &m_resolver;
    const TableLimits &m_limits;
    IssueCollector m_issues;
    std::map<DeviceNumber, Uses> m_used;
    DeviceNumber m_lastUsedDevice; // and its ranges in m_used
    Uses *m_lastUsed = nullptr;
    quint32 m_largestBlock = 512;          // the table's logical block size is its devices' largest
    QHash<QString, NamedDevice> m_devices; // by the reference's text
    QString m_lastDeviceText;              // the last one asked for, and its entry
    NamedDevice *m_lastDevice = nullptr;
    QList<RowFacts> m_rows;
    bool m_clean = false; // the last check found nothing
    quint64 m_end = 0;    // the checked table's length
};

namespace {

bool sameResolution(const Result<BlockDeviceGeometry, QString> &a,
                    const Result<BlockDeviceGeometry, QString> &b)
{
    if (a.has_value() != b.has_value()) {
        return false;
    }
    if (!a) {
        return a.error() == b.error();
    }
    const auto &x = *a;
    const auto &y = *b;
    return x.number == y.number && x.sizeInSectors == y.sizeInSectors
           && x.logicalBlockSize == y.logicalBlockSize && x.displayName == y.displayName;
}

} // namespace

// A device may have been resized or removed since the last check: then
// every segment on it may read differently, and only a full check tells.
bool TableCheck::devicesUnchanged()
{
    for (NamedDevice &named : m_devices) {
        if (!named.resolved) {
            continue;
        }
        const auto now = m_resolver(*named.parsed);
        if (!sameResolution(now, *named.resolved)) {
            return false;
        }
    }
    return true;
}

// Contiguous from 0 within the kernel's limit, the segments after `row`
// moved by whole blocks of every device and of the table (so their
// alignment stands), and `row` itself aligned to the table's blocks.
bool TableCheck::startsShiftByWholeBlocks(const MappingTable &table, int row) const
{
    quint64 expected = 0;
    for (const Segment &segment : table.segments) {
        if (segment.start != expected || segment.start + segment.length < segment.start) {
            return false;
        }
        expected = segment.start + segment.length;
    }
    if (expected > MaxTableSectors) {
        return false;
    }
    auto keepsAlignment = [&](quint32 blockSize) {
        const quint64 blockSectors = qMax<quint64>(1, blockSize / SectorSize);
        return expected % blockSectors == m_end % blockSectors;
    };
    for (const NamedDevice &named : m_devices) {
        const BlockDeviceGeometry *device = named.resolved && *named.resolved ? &**named.resolved : nullptr;
        if (device && !keepsAlignment(device->logicalBlockSize)) {
            return false;
        }
    }
    const quint64 tableBlock = m_largestBlock / SectorSize;
    const Segment &changed = table.segments[row];
    return keepsAlignment(m_largestBlock)
           && (tableBlock <= 1 || (changed.start % tableBlock == 0 && changed.length % tableBlock == 0));
}

/*
 * The table as last checked with segment `row` changed in place (its
 * length, or its offset, on the same device with the same target). True
 * if that leaves it valid, as a full check would say; false if only a
 * full check can tell (this check is spent then).
 */
bool TableCheck::tryUpdate(const MappingTable &table, int row)
{
    if (!m_clean || table.segments.size() != m_rows.size() || row < 0 || row >= m_rows.size()) {
        return false;
    }
    const Segment &segment = table.segments[row];
    RowFacts &facts = m_rows[row];
    const TargetGrammar *grammar = grammarOf(segment.target);
    if (!grammar || grammar != facts.grammar || segment.args.size() != qsizetype(grammar->argumentCount)
        || (grammar->mapsDevice && segment.args[0] != facts.device)) {
        return false;
    }
    if (!startsShiftByWholeBlocks(table, row) || (m_resolver && !devicesUnchanged())) {
        return false;
    }
    m_table = &table;
    if (facts.range) {
        if (!usedOn(facts.range->first).remove(facts.range->second, row)) {
            return false;
        }
        facts.range.reset();
    }
    checkLayout(row, segment, segment.start);
    checkTarget(row, segment);
    if (!m_issues.isEmpty()) {
        m_issues.take();
        return false;
    }
    m_end = table.lengthInSectors();
    return true;
}

TableValidation::TableValidation(DeviceResolver resolver, TableLimits limits)
    : m_resolver(std::move(resolver))
    , m_limits(limits)
{}

TableValidation::~TableValidation() = default;

TableIssues TableValidation::validate(const MappingTable &table)
{
    m_check = std::make_unique<TableCheck>(m_resolver, m_limits);
    m_incremental = false;
    return m_check->run(table);
}

TableIssues TableValidation::update(const MappingTable &table, int row)
{
    if (m_check && m_check->tryUpdate(table, row)) {
        m_incremental = true;
        return {};
    }
    return validate(table);
}

bool isSupportedTarget(QStringView target)
{
    return grammarOf(target) != nullptr;
}

bool targetMapsDevice(QStringView target)
{
    const TargetGrammar *grammar = grammarOf(target);
    return grammar && grammar->mapsDevice;
}

QStringList supportedTargets()
{
    QStringList names;
    for (const TargetGrammar &grammar : Grammar::SupportedTargets) {
        names.append(QString::fromLatin1(grammar.name.data(), qsizetype(grammar.name.size())));
    }
    return names;
}

TableIssues validateTable(const MappingTable &table, const DeviceResolver &resolver,
                          const TableLimits &limits)
{
    return TableCheck(resolver, limits).run(table);
}

TableIssues validateTableText(QStringView text, const DeviceResolver &resolver, const TableLimits &limits)
{
    return checkTableText(text, resolver, limits).issues;
}

ParsedTable checkTableText(QStringView text, const DeviceResolver &resolver, const TableLimits &limits)
{
    if (text.size() > limits.maxTextLength) {
        return {{},
                {{-1, 0,
                  TableMessages::tr("the table text is %1 characters long; at most %2 are allowed")
                      .arg(text.size())
                      .arg(limits.maxTextLength)}}};
    }
    ParsedTable parsed = parseTable(text, limits);
    if (parsed.ok()) {
        parsed.issues = validateTable(parsed.table, resolver, limits);
    }
    return parsed;
}

std::optional<DeviceRangeText> deviceRangeTextOf(const Segment &segment)
{
    if (!targetMapsDevice(segment.target) || segment.args.size() != 2) {
        return std::nullopt;
    }
    const auto offset = parseDecimal(segment.args[1]);
    if (!offset) {
        return std::nullopt;
    }
    return DeviceRangeText{segment.args[0], *offset, segment.length};
}

std::optional<DeviceRange> deviceRangeOf(const Segment &segment)
{
    const auto text = deviceRangeTextOf(segment);
    if (!text) {
        return std::nullopt;
    }
    auto device = parseDeviceReference(text->device);
    if (!device) {
        return std::nullopt;
    }
    return DeviceRange{*std::move(device), text->offset, text->length};
}

} // namespace Volmap
