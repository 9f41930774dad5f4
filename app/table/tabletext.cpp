// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabletext.h"

#include <QVarLengthArray>

#include <limits>
#include <optional>

namespace Volmap {

namespace {

constexpr qsizetype MaxTargetNameLength = 15; // DM_MAX_TYPE_NAME less the NUL
constexpr qsizetype MaxDecimalDigits = 20;    // 2^64 - 1 has 20
// Enough for a /dev/disk/by-id path, short enough for a dialog line.
constexpr qsizetype MaxQuotedLength = 80;

// C's isspace(), which dmsetup trims lines with and the kernel splits
// arguments at.
bool isBlank(QChar c)
{
    // Most characters of a table are above the space: one comparison for them.
    return c <= u' ' && (c == u' ' || c == u'\t' || c == u'\r' || c == u'\v' || c == u'\f');
}

// A line's fields: on the stack for any line of our targets' grammar.
using Fields = QVarLengthArray<QStringView, 8>;

// What one pass over a line found besides its fields: its end, and a control character.
struct LineScan
{
    qsizetype end = 0; // where the line ends: at its '\n' or the text's end
    bool controlCharacter = false;
};

/*
 * The line from `from` on as dmsetup hands it to the kernel, split into
 * fields in one pass that also finds the line's end: a whole-line comment
 * or blank line has no fields, and after the target name (the third
 * field) a `#` starts a comment anywhere, even inside a word. Before that,
 * `#` is an ordinary character, so "0 8 #x" names a (bad) target "#x", as
 * with `dmsetup create`. Keeps at most `maxFields` + 1 fields (one more
 * than allowed is enough to say so) and stops there; otherwise notes a
 * control character before the comment.
 */
LineScan scanLine(QStringView text, qsizetype from, qsizetype maxFields, Fields &fields)
{
    fields.clear();
    LineScan scan;
    const char16_t *const data = text.utf16();
    const qsizetype size = text.size();
    // The rest of the line is not read: a comment, or fields past the limit.
    const auto skipToEnd = [&](qsizetype i) {
        const qsizetype newline = text.indexOf(u'\n', i);
        scan.end = newline < 0 ? size : newline;
        return scan;
    };
    qsizetype i = from;
    while (i < size && isBlank(data[i])) {
        ++i;
    }
    if (i < size && data[i] == u'#') {
        return skipToEnd(i);
    }
    while (i < size && data[i] != u'\n') {
        const qsizetype begin = i;
        const bool commentMayStart = fields.size() >= 3;
        while (i < size) {
            const char16_t c = data[i];
            // Most characters are printable and no `#`: one test for them.
            if (c > u' ' && c != u'#' && c != 0x7f) {
                ++i;
                continue;
            }
            if (c == u'\n' || isBlank(c) || (c == u'#' && commentMayStart)) {
                break;
            }
            // C0 other than the blanks, and DEL.
            scan.controlCharacter |= c < u' ' || c == 0x7f;
            ++i;
        }
        if (i > begin) {
            fields.append(text.sliced(begin, i - begin));
            if (fields.size() > maxFields) {
                return skipToEnd(i);
            }
        }
        if (i < size && data[i] == u'#') {
            return skipToEnd(i); // the comment
        }
        while (i < size && isBlank(data[i])) {
            ++i;
        }
    }
    scan.end = i;
    return scan;
}

bool isTargetName(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxTargetNameLength) {
        return false;
    }
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-')) {
            return false;
        }
    }
    return true;
}

} // namespace

QString TableIssue::toString() const
{
    return line > 0 ? TableMessages::tr("line %1: %2").arg(line).arg(message) : message;
}

QString quotedInput(QStringView text)
{
    const bool cut = text.size() > MaxQuotedLength;
    QString quoted = u'\'' + text.first(cut ? MaxQuotedLength - 3 : text.size()).toString();
    for (QChar &c : quoted) {
        // C0, DEL and C1: newlines and terminal escapes among them.
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f)) {
            c = u'?';
        }
    }
    return quoted + (cut ? QStringLiteral("...'") : QStringLiteral("'"));
}

std::optional<quint64> parseDecimal(QStringView text)
{
    if (text.isEmpty() || text.size() > MaxDecimalDigits) {
        return std::nullopt;
    }
    quint64 value = 0;
    // Up to 19 digits cannot overflow: only the longest numbers pay for the check.
    if (text.size() < MaxDecimalDigits) {
        for (const char16_t *c = text.utf16(), *end = c + text.size(); c != end; ++c) {
            const unsigned digit = unsigned(*c) - u'0';
            if (digit > 9) {
                return std::nullopt;
            }
            value = value * 10 + digit;
        }
        return value;
    }
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            return std::nullopt;
        }
        const quint64 digit = c.unicode() - u'0';
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

namespace {

/*
 * The last segment's target and first argument: a large table repeats both
 * on every line, and a segment that shares the string costs no allocation.
 */
struct RepeatedText
{
    QString target;
    QString firstArgument;

    static QString reuse(QString &last, QStringView text)
    {
        if (last != text) {
            last = text.toString();
        }
        return last;
    }
};

/*
 * One line's fields as a segment appended to `segments`; nothing appended
 * after noting in `issues` why the line is none.
 */
void parseFields(const Fields &fields, const LineScan &scan, int lineNumber, const TableLimits &limits,
                 IssueCollector &issues, RepeatedText &repeated, QList<Segment> &segments)
{
    auto problem = [&](const QString &message) { issues.add(-1, lineNumber, message); };
    if (fields.size() > limits.maxFieldsPerLine) {
        return problem(TableMessages::tr("more than %1 fields").arg(limits.maxFieldsPerLine));
    }
    if (scan.controlCharacter) {
        return problem(TableMessages::tr("contains a control character"));
    }
    if (fields.size() < 3) {
        return problem(TableMessages::tr("expected <start> <length> <target> [arguments]"));
    }
    const auto start = parseDecimal(fields[0]);
    const auto length = parseDecimal(fields[1]);
    if (!start) {
        return problem(
            TableMessages::tr("start %1 is not a decimal sector number").arg(quotedInput(fields[0])));
    }
    if (!length) {
        return problem(
            TableMessages::tr("length %1 is not a decimal sector number").arg(quotedInput(fields[1])));
    }
    // The last segment's target passed this check already.
    if (repeated.target.isNull() || repeated.target != fields[2]) {
        if (!isTargetName(fields[2])) {
            return problem(TableMessages::tr("%1 is not a target name").arg(quotedInput(fields[2])));
        }
        repeated.target = fields[2].toString();
    }
    Segment &segment = segments.emplaceBack();
    segment.start = *start;
    segment.length = *length;
    segment.target = repeated.target;
    segment.line = lineNumber;
    segment.args.reserve(fields.size() - 3);
    for (qsizetype i = 3; i < fields.size(); ++i) {
        segment.args.append(i == 3 ? RepeatedText::reuse(repeated.firstArgument, fields[i])
                                   : fields[i].toString());
    }
}

} // namespace

/*
 * The segment list grows as lines turn out to be segments (Segment is
 * relocatable, so growing moves memory, not strings): counting the lines
 * first cost a tenth of the parse.
 */
ParsedTable parseTable(QStringView text, const TableLimits &limits)
{
    ParsedTable result;
    IssueCollector issues(limits.maxIssues);
    RepeatedText repeated;
    Fields fields;
    int lineNumber = 0;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        if (result.table.segments.size() > limits.maxSegments) {
            issues.add(-1, 0,
                       TableMessages::tr("the table has more than %1 segments").arg(limits.maxSegments));
            break;
        }
        ++lineNumber;
        // Blank lines and comments have no fields: a comment may hold any
        // text, control characters and many words included.
        const LineScan scan = scanLine(text, lineStart, limits.maxFieldsPerLine, fields);
        lineStart = scan.end + 1;
        if (!fields.isEmpty()) {
            parseFields(fields, scan, lineNumber, limits, issues, repeated, result.table.segments);
        }
    }
    result.issues = issues.take();
    return result;
}

QString formatSegment(const Segment &segment)
{
    QString line = QString::number(segment.start) + u' ' + QString::number(segment.length) + u' '
                   + segment.target;
    for (const QString &arg : segment.args) {
        line += u' ';
        line += arg;
    }
    return line;
}

QString formatTable(const MappingTable &table)
{
    QString text;
    text.reserve(table.segments.size() * 48);
    for (const Segment &segment : table.segments) {
        text += formatSegment(segment);
        text += u'\n';
    }
    return text;
}

} // namespace Volmap
