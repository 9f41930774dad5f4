// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "helperclient.h"
#include "segment.h"
#include "segmentsampler.h"
#include "tablevalidator.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Volmap {

/*
 * The basic_target counters of one mapping as a table: one row per
 * counting segment with its totals (since the segment was loaded or its
 * counters reset), its current rate and its share of the mapping's load,
 * so a person sees which backing device does the work. Fed by the view
 * from SegmentSampler::totals() and the latest SegmentSampler::history()
 * entry; backing devices are named from the mapping's table, if known.
 */
class SegmentCountersModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RangeColumn,
        DeviceColumn,
        ReadsColumn,
        WritesColumn,
        ReadBytesColumn,
        WrittenBytesColumn,
        FlushesColumn,
        DiscardsColumn,
        ErrorsColumn, // basic_target 1.1 and later; empty for older modules
        RateColumn,
        ShareColumn,
        ColumnCount
    };
    enum Role {
        ValueRole = Qt::UserRole + 1, // the raw number behind a cell (sectors, counts, bytes/s, share)
        ShareRole,                    // 0..1 of the current load; invalid while no rate is known
    };

    /* `resolver` turns a table's device reference into a readable name. */
    explicit SegmentCountersModel(DeviceResolver resolver = {}, QObject *parent = nullptr);

    /* Where each segment points, for the device column. */
    void setTable(const MappingTable &table);
    /*
     * One status reading; `latest` are the rates that led to it (empty
     * until two readings were taken, ignored if the layout differs).
     */
    void setCounters(const QList<SegmentStatus> &totals, const QList<SegmentRates> &latest);
    void clear();

    bool hasRates() const { return !m_rates.isEmpty(); }
    /* The row's share of the current bytes (or, with no bytes moving, I/Os); -1 while unknown. */
    double shareOfLoad(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString deviceName(quint64 start) const;
    QVariant value(int row, int column) const;
    QString display(int row, int column) const;
    QString toolTip(int row, int column) const;
    void recomputeShares();
    QList<QVariant> cellValues() const;
    void announceChanges(const QList<QVariant> &before, const QList<SegmentRates> &ratesBefore);

    DeviceResolver m_resolver;
    QHash<quint64, QString> m_devices; // by segment start: the reference as the table has it
    QList<SegmentStatus> m_totals;
    QList<SegmentRates> m_rates; // empty, or one per row of m_totals
    QList<double> m_shares;
};

} // namespace Volmap
