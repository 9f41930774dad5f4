// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "draggeddevice.h"
#include "segment.h"
#include "sizeunits.h"
#include "systemclaims.h"
#include "tablevalidator.h"

#include <QAbstractTableModel>
#include <QUndoStack>

namespace Volmap {

/* Rows of the editor dragged to a new place. */
inline constexpr char SegmentRowsMimeType[] = "application/x-volmap-segment-rows";

/* A segment as the editor holds it: its start follows from the rows above. */
struct EditableSegment
{
    quint64 length = 0; // sectors
    QString target;     // basic_target, linear, zero, error
    QString device;     // path or major:minor (basic_target and linear)
    quint64 offset = 0; // sectors on the device

    bool operator==(const EditableSegment &) const = default;
};

/*
 * The table editor's model: one row per segment, starts derived so the
 * table is always contiguous from sector 0. Every change goes through the
 * undo stack; after each one the table is validated with the shared
 * grammar (and the device resolver, if any) and each row knows what is
 * wrong with it. An edit of one row of a valid table checks that row only
 * (TableValidation) and announces only the rows it changed. Lengths and
 * offsets show and parse in the chosen unit.
 */
class SegmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Start is derived and shifts with edits above it, so it is not the
    // first column (views may reorder them).
    enum Column {
        TargetColumn,
        DeviceColumn,
        OffsetColumn,
        LengthColumn,
        StartColumn,
        ProblemColumn,
        DataColumn, // what the range holds now (a filesystem, an LVM label, ...)
        ColumnCount
    };
    enum Role { ProblemRole = Qt::UserRole + 1, SectorsRole, HoldsDataRole };
    /* What a segment's device range holds, or nullopt while it is being found out. */
    using SignatureLookup = std::function<std::optional<std::pair<QString, bool>>(const EditableSegment &)>;

    explicit SegmentTableModel(DeviceResolver resolver = {}, QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_undoStack; }
    void setDisplayUnit(SizeUnit unit);
    SizeUnit displayUnit() const { return m_unit; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /* Devices dropped from the device panel become segments; rows dragged move. */
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    /* Undoable edits. */
    void insertSegment(int row, const EditableSegment &segment);
    void removeSegment(int row);
    void moveSegment(int from, int to);
    void replaceTable(const MappingTable &table, const QString &description);
    /*
     * One basic_target segment per device, inserted at `row` as one undo
     * step, each over the largest range of its device this table does not
     * use yet (or the first free range of newSegmentLength()). Returns why
     * nothing was inserted, or an empty string.
     */
    QString insertDevices(int row, const QList<DraggedDevice> &devices);

    /*
     * What outside this table uses of a dropped device (other mappings,
     * partitions, mounts, swap, holders; see ClaimsSource): a drop takes
     * free space around those ranges too, or is refused naming them.
     */
    using OutsideUse = std::function<QList<UsedRange>(const DraggedDevice &device)>;
    void setOutsideUse(OutsideUse lookup) { m_outsideUse = std::move(lookup); }
    /*
     * The conflict with the system the helper would refuse this table for,
     * shown as the problem of `row` (-1: none) until the table changes.
     */
    void setConflict(int row, const QString &message);

    /* Length of segments made from dropped devices; 0: all free space. */
    void setNewSegmentLength(quint64 sectors) { m_newSegmentLength = sectors; }
    quint64 newSegmentLength() const { return m_newSegmentLength; }

    const QList<EditableSegment> &segments() const { return m_segments; }
    MappingTable table() const { return m_table; }
    TableIssues issues() const { return m_issues; }
    QString problemAt(int row) const;
    bool isValid() const { return m_valid; }
    /* Fills DataColumn: text and whether it is somebody's data (HoldsDataRole). */
    void setSignatureLookup(SignatureLookup lookup);
    /* New answers arrived: DataColumn asks the lookup again. */
    void signaturesChanged();

Q_SIGNALS:
    void validityChanged(bool valid);
    /* A drop could not become a segment, and why. */
    void dropRefused(const QString &reason);

private:
    friend class SegmentCommand;
    void applyInsert(int row, const EditableSegment &segment);
    void applyRemove(int row);
    void applyMove(int from, int to);
    void applySet(int row, const EditableSegment &segment);
    void applyAll(const QList<EditableSegment> &segments);
    void rebuildTable();
    void updateTableRow(int row);
    void revalidate(int changedRow = -1, bool startsMoved = true);
    QVariant dataColumn(const EditableSegment &segment, int role) const;
    std::optional<std::pair<quint64, quint64>> freeRangeOn(const DraggedDevice &device,
                                                           const QList<EditableSegment> &planned) const;
    QString noFreeSpace(const DraggedDevice &device) const;

    TableValidation m_validation;
    QList<EditableSegment> m_segments;
    MappingTable m_table; // m_segments as a table, with their starts, kept in step
    TableIssues m_issues;
    QHash<int, QStringList> m_problems; // m_issues by row
    bool m_valid = false;
    SizeUnit m_unit = SizeUnit::MiB;
    quint64 m_newSegmentLength = 0;
    SignatureLookup m_signatureLookup;
    OutsideUse m_outsideUse;
    int m_conflictRow = -1;
    QString m_conflict;
    QUndoStack m_undoStack;
};

} // namespace Volmap
