// SPDX-License-Identifier: GPL-2.0-or-later
#include "helperprotocol.h"

namespace Volmap {

using namespace HelperProtocol;

MappingSummary MappingSummary::fromMap(const QVariantMap &map)
{
    MappingSummary summary;
    summary.name = map.value(Key::name()).toString();
    summary.uuid = map.value(Key::uuid()).toString();
    summary.major = map.value(Key::majorNumber()).toUInt();
    summary.minor = map.value(Key::minorNumber()).toUInt();
    summary.openCount = map.value(Key::openCount()).toInt();
    summary.suspended = map.value(Key::suspended()).toBool();
    summary.readOnly = map.value(Key::readOnly()).toBool();
    summary.createdByVolmap = map.value(Key::createdByVolmap()).toBool();
    summary.deferredRemove = map.value(Key::deferredRemove()).toBool();
    summary.liveTable = map.value(Key::liveTable()).toBool();
    summary.targets = map.value(Key::targets()).toStringList();
    summary.segmentCount = map.value(Key::segmentCount()).toUInt();
    summary.length = map.value(Key::length()).toULongLong();
    return summary;
}

// The C++ types decide the D-Bus signatures the contract documents:
// u for quint32, i for int, t for quint64, as for QStringList.
QVariantMap MappingSummary::toMap() const
{
    return {{Key::name(), name},
            {Key::uuid(), uuid},
            {Key::majorNumber(), major},
            {Key::minorNumber(), minor},
            {Key::openCount(), openCount},
            {Key::suspended(), suspended},
            {Key::readOnly(), readOnly},
            {Key::createdByVolmap(), createdByVolmap},
            {Key::deferredRemove(), deferredRemove},
            {Key::liveTable(), liveTable},
            {Key::targets(), targets},
            {Key::segmentCount(), segmentCount},
            {Key::length(), length}};
}

SegmentStatus SegmentStatus::fromMap(const QVariantMap &map)
{
    SegmentStatus segment;
    segment.start = map.value(Key::start()).toULongLong();
    segment.length = map.value(Key::length()).toULongLong();
    segment.target = map.value(Key::target()).toString();
    segment.status = map.value(Key::status()).toString();
    segment.hasCounters = map.contains(Key::reads());
    segment.reads = map.value(Key::reads()).toULongLong();
    segment.writes = map.value(Key::writes()).toULongLong();
    segment.readSectors = map.value(Key::readSectors()).toULongLong();
    segment.writeSectors = map.value(Key::writeSectors()).toULongLong();
    segment.flushes = map.value(Key::flushes()).toULongLong();
    segment.discards = map.value(Key::discards()).toULongLong();
    if (map.contains(Key::errors())) {
        segment.errors = map.value(Key::errors()).toULongLong();
    }
    return segment;
}

QVariantMap SegmentStatus::toMap() const
{
    QVariantMap map{
        {Key::start(), start}, {Key::length(), length}, {Key::target(), target}, {Key::status(), status}};
    if (hasCounters) {
        map.insert(Key::reads(), reads);
        map.insert(Key::writes(), writes);
        map.insert(Key::readSectors(), readSectors);
        map.insert(Key::writeSectors(), writeSectors);
        map.insert(Key::flushes(), flushes);
        map.insert(Key::discards(), discards);
        // Absent, not 0, where the module does not count errors (1.0).
        if (errors) {
            map.insert(Key::errors(), *errors);
        }
    }
    return map;
}

SavedMappingState SavedMappingState::fromMap(const QVariantMap &map)
{
    return {map.value(Key::name()).toString(), map.value(Key::state()).toString(),
            map.value(Key::reason()).toString()};
}

QVariantMap SavedMappingState::toMap() const
{
    return {{Key::name(), name}, {Key::state(), state}, {Key::reason(), reason}};
}

} // namespace Volmap
