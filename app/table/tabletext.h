// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "segment.h"

#include <QStringView>

namespace Volmap {

struct ParsedTable
{
    MappingTable table;
    TableIssues issues;

    bool ok() const { return issues.isEmpty(); }
};

/*
 * The dmsetup table text format, as `dmsetup table` prints it and
 * `dmsetup create --table` / table files accept it: one segment per line,
 * fields separated by blanks (C's isspace), blank lines and lines starting
 * with `#` ignored, and after the target name a `#` anywhere starts a
 * comment that runs to the end of the line. Parsing is syntax only (any target, any arguments), so tables of
 * foreign mappings read back too; validateTable() decides what may be
 * created. Numbers are strict decimals: no sign, no base prefix. Parsing
 * stops after limits.maxSegments + 1 segments, and lists at most
 * limits.maxIssues problems (then how many more there were).
 */
ParsedTable parseTable(QStringView text, const TableLimits &limits = {});
QString formatTable(const MappingTable &table);
QString formatSegment(const Segment &segment);

/*
 * A strict unsigned decimal that fits in 64 bits, written in at most 20
 * digits (leading zeros count: nobody needs more, and a caller must not
 * make us log megabytes of them); std::nullopt otherwise.
 */
std::optional<quint64> parseDecimal(QStringView text);

/*
 * Input text as messages quote it: in single quotes, control characters
 * shown as '?', and cut to a few dozen characters with "...", so a message
 * about a field never grows with the field and never breaks a log line.
 */
QString quotedInput(QStringView text);

} // namespace Volmap
