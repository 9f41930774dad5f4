#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Volmap {

/*
 * One line of a device-mapper table: `<start> <length> <target> <args...>`.
 * Sectors are 512 bytes, as everywhere in device-mapper. `line` remembers
 * where a parsed segment came from so messages can point at it.
 */
struct Segment
{
    quint64 start = 0;
    quint64 length = 0;
    QString target;
    QStringList args;
    int line = 0;

    quint64 end() const { return start + length; }
    bool operator==(const Segment &other) const
    {
        return start == other.start && length == other.length && target == other.target && args == other.args;
    }
};

struct MappingTable
{
    QList<Segment> segments;

    quint64 lengthInSectors() const { return segments.isEmpty() ? 0 : segments.constLast().end(); }
    bool operator==(const MappingTable &other) const { return segments == other.segments; }
};

/*
 * A problem found in a table. `segment` indexes MappingTable::segments
 * (-1: the table as a whole); `line` is the 1-based source line (0: none).
 */
struct TableIssue
{
    int segment = -1;
    int line = 0;
    QString message;

    QString toString() const;
};

using TableIssues = QList<TableIssue>;

} // namespace Volmap
