// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "segment.h"
#include "tabletext.h"

#include <functional>
#include <memory>
#include <optional>

namespace Volmap {

/* What validation needs to know about a backing device. */
struct BlockDeviceGeometry
{
    DeviceNumber number;
    quint64 sizeInSectors = 0;
    quint32 logicalBlockSize = 512;
    QString displayName; // e.g. /dev/sdb1, used in messages
};

/*
 * Resolves a reference to the device it names, or returns the reason it
 * cannot (not found, not a block device, ...). The app answers from sysfs,
 * the helper from stat() of the node; tests from a table of fakes.
 */
using DeviceResolver = std::function<Result<BlockDeviceGeometry, QString>(const DeviceReference &)>;

/* Targets Volume Mapper creates, with their argument grammar. */
bool isSupportedTarget(QStringView target);
/* A supported target whose arguments are <device> <offset>. */
bool targetMapsDevice(QStringView target);
QStringList supportedTargets();

/*
 * Checks a parsed table before it may be created: only supported targets
 * with exactly their arguments; segments from sector 0, contiguous, no
 * gaps, overlaps, empty segments or 64-bit overflow; within TableLimits.
 * With a resolver it also checks each device range lies inside its device,
 * is aligned to the device's logical block size, and that no two segments
 * use overlapping ranges of one device. Returns every problem found, each
 * pointing at its segment.
 */
TableIssues validateTable(const MappingTable &table, const DeviceResolver &resolver = {},
                          const TableLimits &limits = {});

class TableCheck;

/*
 * validateTable() for a table edited one segment at a time, as the editor
 * does: validate() checks a whole table and keeps what it found out;
 * update() takes that table with segment `row` changed in place (starts
 * after it moved with its length) and answers exactly what
 * validateTable() would. While the table is valid and the edit keeps the
 * segment's target and device, only that segment is checked (plus the
 * starts, and each device resolved again in case it changed); anything
 * else is checked in full.
 */
class TableValidation final
{
public:
    explicit TableValidation(DeviceResolver resolver = {}, TableLimits limits = {});
    ~TableValidation();
    Q_DISABLE_COPY_MOVE(TableValidation)

    TableIssues validate(const MappingTable &table);
    TableIssues update(const MappingTable &table, int row);
    /* The last update() checked one segment only (for tests and benchmarks). */
    bool wasIncremental() const { return m_incremental; }

private:
    DeviceResolver m_resolver;
    TableLimits m_limits;
    std::unique_ptr<TableCheck> m_check;
    bool m_incremental = false;
};

/* parseTable() + the text length cap + validateTable(). */
TableIssues validateTableText(QStringView text, const DeviceResolver &resolver = {},
                              const TableLimits &limits = {});
/* validateTableText() that hands back the parsed table too, for a caller that goes on using it. */
ParsedTable checkTableText(QStringView text, const DeviceResolver &resolver = {},
                           const TableLimits &limits = {});

/*
 * The backing-device range a basic_target or linear segment uses (with the
 * device as written in the table), for callers that check overlaps with
 * other mappings. std::nullopt for zero/error or malformed segments.
 */
struct DeviceRange
{
    DeviceReference device;
    quint64 offset = 0;
    quint64 length = 0;
};
std::optional<DeviceRange> deviceRangeOf(const Segment &segment);

/*
 * The rule deviceRangeOf() applies, before the device text is parsed: the
 * segment's target maps a device, it has two arguments and the second is a
 * decimal offset. DeviceRangeReader applies it too, with its own cache of
 * parsed device texts, so the two cannot drift apart.
 */
struct DeviceRangeText
{
    const QString &device; // the segment's first argument, as written
    quint64 offset = 0;
    quint64 length = 0;
};
std::optional<DeviceRangeText> deviceRangeTextOf(const Segment &segment);

} // namespace Volmap
