// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The table grammar's core, plain C++ (no Qt): templates over the code unit,
// char for ASCII/UTF-8 bytes (volmapctl's plain commands) and char16_t for
// QString's UTF-16 (tabletext.cpp). One grammar, whoever reads the table.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace Volmap::Grammar {

template<typename Char>
using View = std::basic_string_view<Char>;

inline constexpr std::size_t MaxTargetNameLength = 15; // DM_MAX_TYPE_NAME less the NUL
inline constexpr std::size_t MaxDecimalDigits = 20;    // 2^64 - 1 has 20
// Enough for a /dev/disk/by-id path, short enough for a dialog line.
inline constexpr std::size_t MaxQuotedLength = 80;

// What the grammar itself caps (TableLimits' share of it, in plain types).
struct GrammarLimits
{
    std::ptrdiff_t maxSegments = 100000;
    // Foreign targets (raid, multipath) take long parameter lists; ours at most two.
    std::ptrdiff_t maxFieldsPerLine = std::numeric_limits<std::ptrdiff_t>::max() - 1;
};

// The targets Volume Mapper creates and their arguments: validateTable()
// (Qt) and volmapctl's plain `create` check against this one list.
struct TargetArity
{
    std::string_view name;
    std::size_t argumentCount;
    bool mapsDevice; // args are <device> <offset>
};
inline constexpr TargetArity SupportedTargets[] = {
    {"basic_target", 2, true},
    {"linear", 2, true},
    {"zero", 0, false},
    {"error", 0, false},
};

// The kernel's dev_t: a 12-bit major and a 20-bit minor (MAJORBITS, MINORBITS).
inline constexpr std::uint64_t MaxDeviceMajor = (1u << 12) - 1;
inline constexpr std::uint64_t MaxDeviceMinor = (1u << 20) - 1;

// C's isspace(), which dmsetup trims lines with and the kernel splits arguments at.
template<typename Char>
constexpr bool isBlank(Char c)
{
    // Most characters of a table are above the space: one comparison for them.
    return c <= Char(' ')
           && (c == Char(' ') || c == Char('\t') || c == Char('\r') || c == Char('\v') || c == Char('\f'));
}

/*
 * A strict unsigned decimal that fits in 64 bits, written in at most 20
 * digits (leading zeros count); std::nullopt otherwise.
 */
template<typename Char>
std::optional<std::uint64_t> parseDecimal(View<Char> text)
{
    if (text.empty() || text.size() > MaxDecimalDigits) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    // Up to 19 digits cannot overflow: only the longest numbers pay for the check.
    if (text.size() < MaxDecimalDigits) {
        for (const Char c : text) {
            const std::uint64_t digit = std::uint64_t(std::make_unsigned_t<Char>(c)) - '0';
            if (digit > 9) {
                return std::nullopt;
            }
            value = value * 10 + digit;
        }
        return value;
    }
    for (const Char c : text) {
        const std::uint64_t digit = std::uint64_t(std::make_unsigned_t<Char>(c)) - '0';
        if (digit > 9 || value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

template<typename Char>
bool isTargetName(View<Char> name)
{
    if (name.empty() || name.size() > MaxTargetNameLength) {
        return false;
    }
    for (const Char c : name) {
        if (!((c >= Char('a') && c <= Char('z')) || (c >= Char('0') && c <= Char('9')) || c == Char('_')
              || c == Char('-'))) {
            return false;
        }
    }
    return true;
}

/*
 * Input text as messages quote it: in single quotes, control characters
 * (C0, DEL and C1 code units) shown as '?', and cut to a few dozen code
 * units with "...", so a message about a field never grows with the field.
 */
template<typename Char>
std::basic_string<Char> quotedInput(View<Char> text)
{
    const bool cut = text.size() > MaxQuotedLength;
    std::basic_string<Char> quoted(1, Char('\''));
    quoted.append(text.substr(0, cut ? MaxQuotedLength - 3 : text.size()));
    for (std::size_t i = 1; i < quoted.size(); ++i) {
        const auto unit = std::uint32_t(std::make_unsigned_t<Char>(quoted[i]));
        if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
            quoted[i] = Char('?');
        }
    }
    for (const char c : std::string_view(cut ? "...'" : "'")) {
        quoted.push_back(Char(c));
    }
    return quoted;
}

// What one pass over a line found besides its fields: its end, and a control character.
struct LineScan
{
    std::size_t end = 0; // where the line ends: at its '\n' or the text's end
    bool controlCharacter = false;
};

/*
 * The line from `from` on as dmsetup hands it to the kernel, split into
 * fields (clear(), push_back(), size()) in one pass that also finds the
 * line's end: a whole-line comment or blank line has no fields, and after
 * the target name (the third field) a `#` starts a comment anywhere, even
 * inside a word. Before that, `#` is an ordinary character, so "0 8 #x"
 * names a (bad) target "#x", as with `dmsetup create`. Keeps at most
 * `maxFields` + 1 fields (one more than allowed is enough to say so) and
 * stops there; otherwise notes a control character before the comment.
 */
template<typename Char, typename Fields>
LineScan scanLine(View<Char> text, std::size_t from, std::ptrdiff_t maxFields, Fields &fields)
{
    fields.clear();
    LineScan scan;
    const Char *const data = text.data();
    const std::size_t size = text.size();
    // The rest of the line is not read: a comment, or fields past the limit.
    const auto skipToEnd = [&](std::size_t i) {
        const std::size_t newline = text.find(Char('\n'), i);
        scan.end = newline == View<Char>::npos ? size : newline;
        return scan;
    };
    std::size_t i = from;
    while (i < size && isBlank(data[i])) {
        ++i;
    }
    if (i < size && data[i] == Char('#')) {
        return skipToEnd(i);
    }
    while (i < size && data[i] != Char('\n')) {
        const std::size_t begin = i;
        const bool commentMayStart = fields.size() >= 3;
        while (i < size) {
            const auto c = std::make_unsigned_t<Char>(data[i]);
            // Most characters are printable and no `#`: one test for them.
            if (c > ' ' && c != '#' && c != 0x7f) {
                ++i;
                continue;
            }
            if (c == '\n' || isBlank(c) || (c == '#' && commentMayStart)) {
                break;
            }
            // C0 other than the blanks, and DEL.
            scan.controlCharacter |= c < ' ' || c == 0x7f;
            ++i;
        }
        if (i > begin) {
            fields.push_back(View<Char>(data + begin, i - begin));
            if (std::ptrdiff_t(fields.size()) > maxFields) {
                return skipToEnd(i);
            }
        }
        if (i < size && data[i] == Char('#')) {
            return skipToEnd(i); // the comment
        }
        while (i < size && isBlank(data[i])) {
            ++i;
        }
    }
    scan.end = i;
    return scan;
}

// Why a line, or the table, is no segment; problemText() has the message.
enum class Problem {
    TooManyFields,    // %1: the limit
    ControlCharacter, // no argument
    TooFewFields,     // no argument
    BadStart,         // %1: the field, quoted
    BadLength,        // %1: the field, quoted
    BadTargetName,    // %1: the field, quoted
    TooManySegments,  // %1: the limit; line 0, the table as a whole
};

// A problem with what its message needs: the number or the field (see Problem).
template<typename Char>
struct ProblemAt
{
    Problem problem;
    int line = 0;
    std::int64_t number = 0;
    View<Char> field;
};

// One content line that is a segment; arguments are fields[3...].
template<typename Char, typename Fields>
struct SegmentAt
{
    std::uint64_t start;
    std::uint64_t length;
    View<Char> target;
    const Fields &fields;
    int line;
    bool sameTargetAsLast; // the last segment's target: a sink may share its copy
};

// One line's fields as a segment or a problem, handed to `sink`; true for a segment.
template<typename Char, typename Fields, typename Sink>
bool parseFields(const Fields &fields, const LineScan &scan, int line, const GrammarLimits &limits,
                 View<Char> &lastTarget, Sink &sink)
{
    const auto problem = [&](Problem kind, std::int64_t number = 0, View<Char> field = {}) {
        sink.problem(ProblemAt<Char>{kind, line, number, field});
        return false;
    };
    if (std::ptrdiff_t(fields.size()) > limits.maxFieldsPerLine) {
        return problem(Problem::TooManyFields, limits.maxFieldsPerLine);
    }
    if (scan.controlCharacter) {
        return problem(Problem::ControlCharacter);
    }
    if (fields.size() < 3) {
        return problem(Problem::TooFewFields);
    }
    const auto start = parseDecimal(fields[0]);
    const auto length = parseDecimal(fields[1]);
    if (!start) {
        return problem(Problem::BadStart, 0, fields[0]);
    }
    if (!length) {
        return problem(Problem::BadLength, 0, fields[1]);
    }
    // The last segment's target passed this check already.
    const bool sameTarget = lastTarget.data() != nullptr && lastTarget == fields[2];
    if (!sameTarget) {
        if (!isTargetName(fields[2])) {
            return problem(Problem::BadTargetName, 0, fields[2]);
        }
        lastTarget = fields[2];
    }
    sink.segment(SegmentAt<Char, Fields>{*start, *length, fields[2], fields, line, sameTarget});
    return true;
}

/*
 * The table text, line by line, into `sink`: segment(const SegmentAt &)
 * for each line that is one, problem(const ProblemAt &) for each that is
 * not; blank lines and comments are neither. Stops, with TooManySegments,
 * after limits.maxSegments + 1 segments.
 */
template<typename Char, typename Fields, typename Sink>
void parseLines(View<Char> text, const GrammarLimits &limits, Fields &fields, Sink &sink)
{
    View<Char> lastTarget;
    std::ptrdiff_t segments = 0;
    int line = 0;
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        if (segments > limits.maxSegments) {
            sink.problem(ProblemAt<Char>{Problem::TooManySegments, 0, limits.maxSegments, {}});
            return;
        }
        ++line;
        // Blank lines and comments have no fields: a comment may hold any
        // text, control characters and many words included.
        const LineScan scan = scanLine(text, lineStart, limits.maxFieldsPerLine, fields);
        lineStart = scan.end + 1;
        if (fields.size() > 0 && parseFields(fields, scan, line, limits, lastTarget, sink)) {
            ++segments;
        }
    }
}

} // namespace Volmap::Grammar
