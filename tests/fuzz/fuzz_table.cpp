// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the table grammar in app/table: the text both the
// app and the root helper parse and validate. Besides "no crash, leak or
// UB" (the sanitizers' part), every input is held to properties that a
// wrong answer would break:
//  - parseTable() turns each content line into exactly one segment or one
//    issue, and what it parsed formats to text that parses back to the
//    same segments;
//  - validateTableText() accepts exactly the tables a second, independent
//    reading of the rules accepts, with and without a device resolver; the
//    resolver only ever adds issues; a valid table formats to plain ASCII
//    that validates again; limits are reported alone;
//  - every message is short and printable, points at its segment and line,
//    and names a device exactly as the resolver named it.
// fuzz_fields.cpp holds the small parsers (numbers, devices, names).

#include "fuzzcheck.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Volmap;
using namespace VolmapFuzz;

namespace {

constexpr quint64 MaxTableSectors = quint64(std::numeric_limits<qint64>::max()) >> 9;
// Bounds the reference checks; longer tables still go through the rest.
constexpr qsizetype MaxCheckedSegments = 2000;

bool sameIssues(const TableIssues &a, const TableIssues &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const TableIssue &x, const TableIssue &y) {
        return x.segment == y.segment && x.line == y.line && x.message == y.message;
    });
}

QString describe(const MappingTable &table)
{
    return formatTable(table).left(1000);
}

// Geometry is a function of the device number only, so a path and the
// number it resolves to describe one device; paths land on 8:0-8:3, which
// tables can also name directly, so aliases are frequent. 8:0 and 8:16 are
// large with 512-byte blocks, 8:1 large with 4 KiB blocks; the others
// mix small, empty and huge sizes with odd block sizes.
std::optional<BlockDeviceGeometry> fakeGeometry(DeviceNumber number)
{
    if (number.minor % 16 == 15) {
        return std::nullopt;
    }
    static constexpr quint64 Sizes[] = {1 << 30, 1 << 30, 2048, 8, 1, 0, MaxTableSectors, ~quint64(0)};
    static constexpr quint32 BlockSizes[] = {512, 4096, 512, 4096, 520, 0, 512, 1024};
    BlockDeviceGeometry geometry;
    geometry.number = number;
    geometry.sizeInSectors = Sizes[number.minor % 8];
    geometry.logicalBlockSize = BlockSizes[(number.major + number.minor) % 8];
    return geometry;
}

DeviceNumber fakeNumberOfPath(QStringView path)
{
    return DeviceNumber{8, quint32(qHash(path, size_t(0)) % 4)};
}

// The name messages should use: bounded, and with a blank inside, which no
// single field of a table (all that messages quote) can hold.
QString fakeDisplayName(const DeviceReference &reference)
{
    return QStringLiteral("[device %1]").arg(reference.toString().left(40));
}

Result<BlockDeviceGeometry, QString> fakeResolve(const DeviceReference &reference)
{
    const DeviceNumber number = reference.isNumber() ? std::get<DeviceNumber>(reference.value)
                                                     : fakeNumberOfPath(reference.toString());
    auto geometry = fakeGeometry(number);
    if (!geometry) {
        return fail(QStringLiteral("no such device"));
    }
    geometry->displayName = fakeDisplayName(reference);
    return *geometry;
}

// Each line that is not blank or a comment yields one segment or one issue,
// in order, pointing at its line.
void checkParse(QStringView text, const ParsedTable &parsed)
{
    int lineNumber = 0;
    qsizetype segment = 0;
    qsizetype issue = 0;
    for (const QStringView line : text.split(u'\n')) {
        ++lineNumber;
        const QList<QStringView> fields = fieldsOf(line);
        if (fields.isEmpty() || fields[0].startsWith(u'#')) {
            continue;
        }
        if (segment < parsed.table.segments.size() && parsed.table.segments[segment].line == lineNumber) {
            const Segment &s = parsed.table.segments[segment++];
            check(fields.size() >= 3 && referenceDecimal(fields[0]) == s.start
                      && referenceDecimal(fields[1]) == s.length && fields[2] == s.target
                      && qsizetype(s.args.size()) == fields.size() - 3,
                  "a segment holds the fields of its line", line);
            for (qsizetype i = 0; i < s.args.size(); ++i) {
                check(s.args[i] == fields[i + 3], "a segment's arguments are its line's fields", line);
            }
        } else {
            check(issue < parsed.issues.size() && parsed.issues[issue].line == lineNumber
                      && parsed.issues[issue].segment == -1,
                  "a line that is no segment has one issue", line);
            ++issue;
        }
    }
    check(segment == parsed.table.segments.size() && issue == parsed.issues.size(),
          "parseTable reports nothing beyond its lines", text.left(1000));
    for (const TableIssue &problem : parsed.issues) {
        checkMessage(problem.message);
    }

    // Whatever parsed, issues or not, formats and parses back unchanged.
    const QString formatted = formatTable(parsed.table);
    const ParsedTable again = parseTable(formatted);
    check(again.ok() && again.table == parsed.table, "formatTable output parses to the same segments",
          formatted.left(1000));
    for (qsizetype i = 0; i < again.table.segments.size(); ++i) {
        check(again.table.segments[i].line == i + 1, "formatTable writes one segment per line");
    }
}

// The validator's rules, read a second time. `resolver` may be empty.
bool referenceValid(const MappingTable &table, const DeviceResolver &resolver, const TableLimits &limits)
{
    if (table.segments.isEmpty() || table.segments.size() > limits.maxSegments) {
        return false;
    }
    struct Use
    {
        quint64 offset;
        quint64 length;
    };
    QMap<DeviceNumber, QList<Use>> uses;
    quint64 largestBlock = 512;
    quint64 expectedStart = 0;
    for (const Segment &segment : table.segments) {
        if (segment.start != expectedStart || segment.length == 0 || segment.length > MaxTableSectors
            || segment.start > MaxTableSectors - segment.length) {
            return false;
        }
        expectedStart = segment.start + segment.length;
        const bool mapsDevice = segment.target == u"basic_target" || segment.target == u"linear";
        if (!mapsDevice) {
            if ((segment.target != u"zero" && segment.target != u"error") || !segment.args.isEmpty()) {
                return false;
            }
            continue;
        }
        if (segment.args.size() != 2) {
            return false;
        }
        const auto reference = parseDeviceReference(segment.args[0]);
        const auto offset = referenceDecimal(segment.args[1]);
        if (!reference || !offset || *offset > std::numeric_limits<quint64>::max() - segment.length) {
            return false;
        }
        if (!resolver) {
            continue;
        }
        const auto resolved = resolver(*reference);
        if (!resolved) {
            return false;
        }
        const auto &device = *resolved;
        const quint64 blockSectors = std::max<quint64>(1, device.logicalBlockSize / 512);
        largestBlock = std::max<quint64>(largestBlock, device.logicalBlockSize);
        if (*offset + segment.length > device.sizeInSectors || segment.start % blockSectors
            || segment.length % blockSectors || *offset % blockSectors) {
            return false;
        }
        uses[device.number].append({*offset, segment.length});
    }
    for (auto &list : uses) {
        std::sort(list.begin(), list.end(), [](const Use &a, const Use &b) { return a.offset < b.offset; });
        for (qsizetype i = 1; i < list.size(); ++i) {
            if (list[i - 1].offset + list[i - 1].length > list[i].offset) {
                return false;
            }
        }
    }
    // The kernel aligns every segment to the table's largest logical block.
    const quint64 tableBlock = largestBlock / 512;
    for (const Segment &segment : table.segments) {
        if (tableBlock > 1 && (segment.start % tableBlock || segment.length % tableBlock)) {
            return false;
        }
    }
    return true;
}

void checkIssues(const MappingTable &table, const TableIssues &issues)
{
    for (const TableIssue &issue : issues) {
        checkMessage(issue.message);
        check(issue.segment >= -1 && issue.segment < table.segments.size(), "an issue points at a segment",
              issue.message);
        if (issue.segment >= 0) {
            check(issue.line == table.segments[issue.segment].line, "an issue carries its segment's line",
                  issue.message);
            // A message that names a device names it the way the resolver did.
            const qsizetype at = issue.message.indexOf(u"[device ");
            if (at >= 0) {
                const Segment &segment = table.segments[issue.segment];
                const auto reference = parseDeviceReference(segment.args.value(0));
                check(reference && issue.message.sliced(at).startsWith(fakeDisplayName(*reference)),
                      "a message names the device as the resolver did", issue.message);
            }
        }
    }
}

void checkValidation(QStringView text, const ParsedTable &parsed)
{
    const TableLimits limits;
    const TableIssues plain = validateTableText(text);
    const TableIssues resolved = validateTableText(text, fakeResolve);
    if (!parsed.ok()) {
        check(sameIssues(plain, parsed.issues) && sameIssues(resolved, parsed.issues),
              "validateTableText reports the parse issues of a table that does not parse");
        return;
    }
    const MappingTable &table = parsed.table;
    checkIssues(table, plain);
    checkIssues(table, resolved);

    // A resolver only adds issues: those without it come first, unchanged.
    qsizetype matched = 0;
    for (const TableIssue &issue : resolved) {
        if (matched < plain.size() && issue.message == plain[matched].message
            && issue.segment == plain[matched].segment) {
            ++matched;
        }
    }
    check(matched == plain.size(), "a resolver only adds issues", describe(table));

    if (table.segments.size() <= MaxCheckedSegments) {
        check(plain.isEmpty() == referenceValid(table, {}, limits),
              "validateTable agrees with the reference rules", describe(table));
        check(resolved.isEmpty() == referenceValid(table, fakeResolve, limits),
              "validateTable with a resolver agrees with the reference rules", describe(table));
    }

    if (plain.isEmpty()) {
        // What may be created is plain printable ASCII, one line a segment,
        // and survives a second round trip through the whole path.
        const QString formatted = formatTable(table);
        for (const QChar c : formatted) {
            check(c == u'\n' || (c.unicode() >= 0x20 && c.unicode() < 0x7f), "a valid table formats to ASCII",
                  formatted.left(1000));
        }
        check(validateTableText(formatted).isEmpty(), "a valid table's text validates again",
              formatted.left(1000));
    }

    // Small limits: the caps are reported alone, before anything else.
    TableLimits small;
    small.maxSegments = 3;
    small.maxTextLength = 200;
    const TableIssues capped = validateTableText(text, {}, small);
    if (text.size() > small.maxTextLength || table.segments.size() > small.maxSegments) {
        check(capped.size() == 1 && capped[0].segment == -1 && capped[0].line == 0,
              "a table over the limits gets one issue about the limits", text.left(1000));
        checkMessage(capped[0].message);
    } else {
        check(sameIssues(capped, plain), "limits that are not reached change nothing", text.left(1000));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedTable parsed = parseTable(text);
    checkParse(text, parsed);
    checkValidation(text, parsed);
    return 0;
}
