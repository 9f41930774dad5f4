// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentcountersmodel.h"

#include "devicereference.h"
#include "helperprotocol.h"
#include "sizeunits.h"

#include <QLocale>

namespace Volmap {

namespace {

bool sameLayout(const QList<SegmentStatus> &totals, const QList<SegmentRates> &rates)
{
    if (totals.size() != rates.size()) {
        return false;
    }
    for (int i = 0; i < totals.size(); ++i) {
        if (totals[i].start != rates[i].start || totals[i].length != rates[i].length) {
            return false;
        }
    }
    return true;
}

bool sameRates(const SegmentRates &a, const SegmentRates &b)
{
    return a.readIops == b.readIops && a.writeIops == b.writeIops
           && a.readBytesPerSecond == b.readBytesPerSecond && a.writeBytesPerSecond == b.writeBytesPerSecond
           && a.flushes == b.flushes && a.discards == b.discards;
}

bool sameRows(const QList<SegmentStatus> &a, const QList<SegmentStatus> &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].start != b[i].start || a[i].length != b[i].length) {
            return false;
        }
    }
    return true;
}

QString count(quint64 value)
{
    return QLocale().toString(value);
}

} // namespace

SegmentCountersModel::SegmentCountersModel(DeviceResolver resolver, QObject *parent)
    : QAbstractTableModel(parent)
    , m_resolver(std::move(resolver))
{}

void SegmentCountersModel::setTable(const MappingTable &table)
{
    // Resolved once here, not per paint: a resolver may read sysfs.
    m_devices.clear();
    for (const Segment &segment : table.segments) {
        if (segment.args.isEmpty()
            || (segment.target != HelperProtocol::BasicTargetName && segment.target != u"linear")) {
            continue;
        }
        QString name = segment.args.first();
        if (m_resolver) {
            const auto reference = parseDeviceReference(name);
            if (reference) {
                const auto resolved = m_resolver(*reference);
                if (resolved) {
                    name = resolved->displayName;
                }
            }
        }
        m_devices.insert(segment.start, name);
    }
    if (!m_totals.isEmpty()) {
        Q_EMIT dataChanged(index(0, DeviceColumn), index(rowCount() - 1, DeviceColumn));
    }
}

void SegmentCountersModel::setCounters(const QList<SegmentStatus> &totals, const QList<SegmentRates> &latest)
{
    const bool sameShape = sameRows(m_totals, totals);
    if (!sameShape) {
        beginResetModel();
    }
    // What the cells said before, to announce only the ones that change:
    // the view repaints and refits its columns for those alone.
    QList<QVariant> before;
    QList<SegmentRates> ratesBefore;
    if (sameShape) {
        before = cellValues();
        ratesBefore = m_rates;
    }
    m_totals = totals;
    m_rates = sameLayout(totals, latest) ? latest : QList<SegmentRates>();
    recomputeShares();
    if (!sameShape) {
        endResetModel();
    } else {
        announceChanges(before, ratesBefore);
    }
}

QList<QVariant> SegmentCountersModel::cellValues() const
{
    QList<QVariant> values;
    values.reserve(m_totals.size() * ColumnCount);
    for (int row = 0; row < m_totals.size(); ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            values.append(value(row, column));
        }
    }
    return values;
}

void SegmentCountersModel::announceChanges(const QList<QVariant> &before,
                                           const QList<SegmentRates> &ratesBefore)
{
    const QList<QVariant> after = cellValues();
    for (int row = 0; row < m_totals.size(); ++row) {
        int first = -1;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            if (before.at(row * ColumnCount + column) != after.at(row * ColumnCount + column)) {
                first = first < 0 ? column : first;
                last = column;
            }
        }
        // The rate's tooltip also tells the I/Os per second: a change there alone counts too.
        if (ratesBefore.size() != m_rates.size()
            || (!m_rates.isEmpty() && !sameRates(ratesBefore.at(row), m_rates.at(row)))) {
            first = first < 0 ? int(RateColumn) : qMin(first, int(RateColumn));
            last = qMax(last, int(ShareColumn));
        }
        if (first >= 0) {
            Q_EMIT dataChanged(index(row, first), index(row, last));
        }
    }
}

void SegmentCountersModel::clear()
{
    beginResetModel();
    m_totals.clear();
    m_rates.clear();
    m_shares.clear();
    m_devices.clear();
    endResetModel();
}

void SegmentCountersModel::recomputeShares()
{
    m_shares.clear();
    if (m_rates.isEmpty()) {
        return;
    }
    // Bytes say best where the load goes; a segment that only gets flushes
    // or zero-length requests still shows up through its I/O count.
    double bytes = 0;
    double ios = 0;
    for (const SegmentRates &rates : std::as_const(m_rates)) {
        bytes += rates.readBytesPerSecond + rates.writeBytesPerSecond;
        ios += rates.readIops + rates.writeIops;
    }
    for (const SegmentRates &rates : std::as_const(m_rates)) {
        if (bytes > 0) {
            m_shares.append((rates.readBytesPerSecond + rates.writeBytesPerSecond) / bytes);
        } else if (ios > 0) {
            m_shares.append((rates.readIops + rates.writeIops) / ios);
        } else {
            m_shares.append(0);
        }
    }
}

double SegmentCountersModel::shareOfLoad(int row) const
{
    return row >= 0 && row < m_shares.size() ? m_shares[row] : -1;
}

int SegmentCountersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_totals.size());
}

int SegmentCountersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SegmentCountersModel::deviceName(quint64 start) const
{
    return m_devices.value(start);
}

QVariant SegmentCountersModel::value(int row, int column) const
{
    const SegmentStatus &segment = m_totals[row];
    switch (column) {
    case RangeColumn:
        return segment.start;
    case DeviceColumn:
        return deviceName(segment.start);
    case ReadsColumn:
        return segment.reads;
    case WritesColumn:
        return segment.writes;
    case ReadBytesColumn:
        return segment.readSectors * BytesPerSector;
    case WrittenBytesColumn:
        return segment.writeSectors * BytesPerSector;
    case FlushesColumn:
        return segment.flushes;
    case DiscardsColumn:
        return segment.discards;
    case ErrorsColumn:
        return segment.errors ? QVariant(*segment.errors) : QVariant();
    case RateColumn:
        if (m_rates.isEmpty()) {
            return QVariant();
        }
        return m_rates[row].readBytesPerSecond + m_rates[row].writeBytesPerSecond;
    case ShareColumn:
        return m_shares.isEmpty() ? QVariant() : QVariant(m_shares[row]);
    default:
        return QVariant();
    }
}

QString SegmentCountersModel::display(int row, int column) const
{
    const SegmentStatus &segment = m_totals[row];
    switch (column) {
    case RangeColumn:
        return tr("%1 – %2").arg(formatSizeHuman(segment.start * BytesPerSector),
                                 formatSizeHuman((segment.start + segment.length) * BytesPerSector));
    case DeviceColumn: {
        const QString name = deviceName(segment.start);
        return name.isEmpty() ? QStringLiteral("—") : name;
    }
    case ReadsColumn:
        return count(segment.reads);
    case WritesColumn:
        return count(segment.writes);
    case ReadBytesColumn:
        return formatSizeHuman(segment.readSectors * BytesPerSector);
    case WrittenBytesColumn:
        return formatSizeHuman(segment.writeSectors * BytesPerSector);
    case FlushesColumn:
        return count(segment.flushes);
    case DiscardsColumn:
        return count(segment.discards);
    case ErrorsColumn:
        return segment.errors ? count(*segment.errors) : QStringLiteral("—");
    case RateColumn:
        if (m_rates.isEmpty()) {
            return QStringLiteral("—");
        }
        return formatRateHuman(m_rates[row].readBytesPerSecond + m_rates[row].writeBytesPerSecond);
    case ShareColumn:
        if (m_shares.isEmpty()) {
            return QStringLiteral("—");
        }
        return tr("%1 %").arg(qRound(m_shares[row] * 100));
    default:
        return QString();
    }
}

QString SegmentCountersModel::toolTip(int row, int column) const
{
    const SegmentStatus &segment = m_totals[row];
    switch (column) {
    case RangeColumn:
        return tr("Sectors %1 to %2 (%3 sectors of 512 bytes)")
            .arg(count(segment.start), count(segment.start + segment.length - 1), count(segment.length));
    case RateColumn:
    case ShareColumn: {
        if (m_rates.isEmpty()) {
            return tr("Known after the second reading of the counters");
        }
        const SegmentRates &rates = m_rates[row];
        return tr("Read %1 (%2 I/Os per second), wrote %3 (%4 I/Os per second)")
            .arg(formatRateHuman(rates.readBytesPerSecond), QLocale().toString(rates.readIops, 'f', 1),
                 formatRateHuman(rates.writeBytesPerSecond), QLocale().toString(rates.writeIops, 'f', 1));
    }
    default:
        return QString();
    }
}

QVariant SegmentCountersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return QVariant();
    }
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (column == RangeColumn || column == DeviceColumn) {
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return value(row, column);
    case ShareRole:
        return m_shares.isEmpty() ? QVariant() : QVariant(m_shares[row]);
    default:
        return QVariant();
    }
}

QVariant SegmentCountersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RangeColumn:
            return tr("Segment");
        case DeviceColumn:
            return tr("Device");
        case ReadsColumn:
            return tr("Reads");
        case WritesColumn:
            return tr("Writes");
        case ReadBytesColumn:
            return tr("Read");
        case WrittenBytesColumn:
            return tr("Written");
        case FlushesColumn:
            return tr("Flushes");
        case DiscardsColumn:
            return tr("Discards");
        case ErrorsColumn:
            return tr("Errors");
        case RateColumn:
            return tr("Rate");
        case ShareColumn:
            return tr("Share of load");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RangeColumn:
            return tr("Where the segment lies in the mapping");
        case DeviceColumn:
            return tr("The backing device the segment maps to");
        case ReadsColumn:
        case WritesColumn:
        case ReadBytesColumn:
        case WrittenBytesColumn:
        case FlushesColumn:
        case DiscardsColumn:
            return tr("Since the segment was loaded or its counters were reset");
        case ErrorsColumn:
            return tr(
                "Requests that failed on the backing device, since the segment was loaded or its counters "
                "were reset (dm-basic-target 1.1 and later; — for older modules)");
        case RateColumn:
            return tr("Bytes read and written per second, over the last reading");
        case ShareColumn:
            return tr("This segment's part of the mapping's current throughput");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Volmap
