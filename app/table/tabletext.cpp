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

// Past `count` fields and the blanks before them.
qsizetype skipFields(QStringView line, qsizetype from, int count)
{
    qsizetype i = from;
    for (int field = 0; field < count; ++field) {
        while (i < line.size() && isBlank(line[i])) {
            ++i;
        }
        while (i < line.size() && !isBlank(line[i])) {
            ++i;
        }
    }
    return i;
}

/*
 * The line as dmsetup hands it to the kernel: a whole-line comment or blank
 * line is empty, and after the target name a `#` starts a comment anywhere,
 * even inside a word. Before that, `#` is an ordinary character, so
 * "0 8 #x" names a (bad) target "#x", as with `dmsetup create`.
 */
QStringView withoutComment(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && isBlank(line[i])) {
        ++i;
    }
    if (i == line.size() || line[i] == u'#') {
        return {};
    }
    const qsizetype afterTarget = skipFields(line, i, 3);
    const qsizetype comment = line.indexOf(u'#', afterTarget);
    return comment < 0 ? line : line.first(comment);
}

// A line's fields: on the stack for any line of our targets' grammar.
using Fields = QVarLengthArray<QStringView, 8>;

// At most `maxFields` + 1 fields: one more than allowed is enough to say so.
void splitFields(QStringView line, qsizetype maxFields, Fields &fields)
{
    fields.clear();
    qsizetype i = 0;
    while (i < line.size() && fields.size() <= maxFields) {
        while (i < line.size() && isBlank(line[i])) {
            ++i;
        }
        const qsizetype begin = i;
        while (i < line.size() && !isBlank(line[i])) {
            ++i;
        }
        if (i > begin) {
            fields.append(line.sliced(begin, i - begin));
        }
    }
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

bool hasControlCharacter(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 ? !isBlank(c) : c.unicode() == 0x7f) {
            return true;
        }
    }
    return false;
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
    // Up to 19 digits cannot overflow: only the longest numbers pay for the check.
    const bool mayOverflow = text.size() == MaxDecimalDigits;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            return std::nullopt;
        }
        const quint64 digit = c.unicode() - u'0';
        if (mayOverflow && value > (std::numeric_limits<quint64>::max() - digit) / 10) {
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

/* One line without its comment as a segment; nullopt after noting in `issues` why it is none. */
std::optional<Segment> parseLine(QStringView line, int lineNumber, const TableLimits &limits,
                                 IssueCollector &issues, RepeatedText &repeated)
{
    Fields fields;
    splitFields(line, limits.maxFieldsPerLine, fields);
    auto problem = [&](const QString &message) {
        issues.add(-1, lineNumber, message);
        return std::nullopt;
    };
    if (fields.size() > limits.maxFieldsPerLine) {
        return problem(TableMessages::tr("more than %1 fields").arg(limits.maxFieldsPerLine));
    }
    if (hasControlCharacter(line)) {
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
    if (!isTargetName(fields[2])) {
        return problem(TableMessages::tr("%1 is not a target name").arg(quotedInput(fields[2])));
    }
    Segment segment;
    segment.start = *start;
    segment.length = *length;
    segment.target = RepeatedText::reuse(repeated.target, fields[2]);
    segment.line = lineNumber;
    segment.args.reserve(fields.size() - 3);
    for (qsizetype i = 3; i < fields.size(); ++i) {
        segment.args.append(i == 3 ? RepeatedText::reuse(repeated.firstArgument, fields[i])
                                   : fields[i].toString());
    }
    return segment;
}

// Room for every line as a segment, up to one past the limit.
qsizetype expectedSegments(QStringView text, const TableLimits &limits)
{
    return qMin(text.count(u'\n'), limits.maxSegments) + 1;
}

} // namespace

ParsedTable parseTable(QStringView text, const TableLimits &limits)
{
    ParsedTable result;
    result.table.segments.reserve(expectedSegments(text, limits));
    IssueCollector issues(limits.maxIssues);
    RepeatedText repeated;
    int lineNumber = 0;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        if (result.table.segments.size() > limits.maxSegments) {
            issues.add(-1, 0,
                       TableMessages::tr("the table has more than %1 segments").arg(limits.maxSegments));
            break;
        }
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = text.size();
        }
        const qsizetype thisLineStart = lineStart;
        lineStart = lineEnd + 1;
        ++lineNumber;

        // Blank lines and comments, before splitting anything: a comment
        // may hold any text, control characters and many words included.
        const QStringView line = withoutComment(text.sliced(thisLineStart, lineEnd - thisLineStart));
        if (line.isEmpty()) {
            continue;
        }
        if (std::optional<Segment> segment = parseLine(line, lineNumber, limits, issues, repeated)) {
            result.table.segments.append(std::move(*segment));
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
