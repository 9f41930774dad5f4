// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmenttablemodel.h"

#include "freespace.h"
#include "helperprotocol.h"

#include "tabletext.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QUndoCommand>

#include <algorithm>
#include <numeric>

namespace Volmap {

namespace {

bool mapsDevice(const QString &target)
{
    return target == HelperProtocol::BasicTargetName || target == u"linear";
}

EditableSegment editableFrom(const Segment &segment)
{
    EditableSegment editable{segment.length, segment.target, {}, 0};
    if (mapsDevice(segment.target) && segment.args.size() == 2) {
        editable.device = segment.args[0];
        editable.offset = parseDecimal(segment.args[1]).value_or(0);
    }
    return editable;
}

Segment segmentOf(const EditableSegment &segment, quint64 start)
{
    QStringList args;
    if (mapsDevice(segment.target)) {
        args = {segment.device, QString::number(segment.offset)};
    }
    return {start, segment.length, segment.target, args, 0};
}

} // namespace

/* One undoable step: how to do it and how to undo it, on the model. */
class SegmentCommand final : public QUndoCommand
{
public:
    SegmentCommand(const QString &text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {}
    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
};

SegmentTableModel::SegmentTableModel(DeviceResolver resolver, QObject *parent)
    : QAbstractTableModel(parent)
    , m_validation(std::move(resolver))
{
    revalidate();
}

void SegmentTableModel::setDisplayUnit(SizeUnit unit)
{
    m_unit = unit;
    if (!m_segments.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}

int SegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SegmentTableModel::rebuildTable()
{
    m_table.segments.clear();
    m_table.segments.reserve(m_segments.size());
    quint64 start = 0;
    for (const EditableSegment &segment : m_segments) {
        m_table.segments.append(segmentOf(segment, start));
        start += segment.length;
    }
}

// One row changed: it is rebuilt and the starts after it follow its length.
void SegmentTableModel::updateTableRow(int row)
{
    Segment *segments = m_table.segments.data();
    segments[row] = segmentOf(m_segments[row], segments[row].start);
    quint64 start = segments[row].end();
    for (qsizetype next = row + 1; next < m_table.segments.size(); ++next) {
        segments[next].start = start;
        start += segments[next].length;
    }
}

QString SegmentTableModel::problemAt(int row) const
{
    QStringList problems = m_problems.value(row);
    if (row == m_conflictRow && !m_conflict.isEmpty()) {
        problems.append(m_conflict);
    }
    return problems.join(u'\n');
}

void SegmentTableModel::setConflict(int row, const QString &message)
{
    const int previous = m_conflictRow;
    m_conflictRow = message.isEmpty() ? -1 : row;
    m_conflict = message;
    for (const int changed : {previous, m_conflictRow}) {
        if (changed >= 0 && changed < rowCount()) {
            Q_EMIT dataChanged(index(changed, 0), index(changed, ColumnCount - 1));
        }
    }
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const EditableSegment &segment = m_segments[index.row()];
    const quint64 start = m_table.segments[index.row()].start;
    const bool device = mapsDevice(segment.target);
    if (role == ProblemRole || (role == Qt::ToolTipRole && !problemAt(index.row()).isEmpty())) {
        return problemAt(index.row());
    }
    if (index.column() == DataColumn) {
        return dataColumn(segment, role);
    }
    if (role == SectorsRole) {
        switch (index.column()) {
        case StartColumn:
            return start;
        case LengthColumn:
            return segment.length;
        case OffsetColumn:
            return device ? QVariant(segment.offset) : QVariant();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    auto size = [&](quint64 sectors) { return formatSize(sectors * BytesPerSector, m_unit, 3); };
    switch (index.column()) {
    case StartColumn:
        return size(start);
    case LengthColumn:
        return size(segment.length);
    case TargetColumn:
        return segment.target;
    case DeviceColumn:
        return device ? segment.device : QString();
    case OffsetColumn:
        return device ? size(segment.offset) : QString();
    case ProblemColumn:
        return problemAt(index.row());
    default:
        return {};
    }
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartColumn:
        return tr("Start");
    case LengthColumn:
        return tr("Length");
    case TargetColumn:
        return tr("Target");
    case DeviceColumn:
        return tr("Device");
    case OffsetColumn:
        return tr("Offset");
    case ProblemColumn:
        return tr("Problem");
    case DataColumn:
        return tr("Data There");
    default:
        return {};
    }
}

Qt::ItemFlags SegmentTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid()) {
        return flags | Qt::ItemIsDropEnabled; // between rows; a drop on a row would mean replace it
    }
    flags |= Qt::ItemIsDragEnabled;
    const bool device = mapsDevice(m_segments[index.row()].target);
    switch (index.column()) {
    case LengthColumn:
    case TargetColumn:
        return flags | Qt::ItemIsEditable;
    case DeviceColumn:
    case OffsetColumn:
        return device ? flags | Qt::ItemIsEditable : flags;
    default:
        return flags;
    }
}

bool SegmentTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    EditableSegment changed = m_segments[index.row()];
    QString what;
    switch (index.column()) {
    case LengthColumn:
    case OffsetColumn: {
        const auto sectors = value.metaType().id() == QMetaType::ULongLong
                                 ? Result<quint64, QString>(value.toULongLong())
                                 : parseSizeInSectors(value.toString(), m_unit);
        if (!sectors) {
            return false;
        }
        (index.column() == LengthColumn ? changed.length : changed.offset) = *sectors;
        what = index.column() == LengthColumn ? tr("Change length") : tr("Change offset");
        break;
    }
    case TargetColumn:
        changed.target = value.toString().trimmed();
        what = tr("Change target");
        break;
    case DeviceColumn:
        changed.device = value.toString().trimmed();
        what = tr("Change device");
        break;
    default:
        return false;
    }
    const EditableSegment before = m_segments[index.row()];
    if (changed == before) {
        return true;
    }
    const int row = index.row();
    m_undoStack.push(new SegmentCommand(
        what, [this, row, changed]() { applySet(row, changed); },
        [this, row, before]() { applySet(row, before); }));
    return true;
}

void SegmentTableModel::insertSegment(int row, const EditableSegment &segment)
{
    row = qBound(0, row, int(m_segments.size()));
    m_undoStack.push(new SegmentCommand(
        tr("Add segment"), [this, row, segment]() { applyInsert(row, segment); },
        [this, row]() { applyRemove(row); }));
}

void SegmentTableModel::removeSegment(int row)
{
    if (row < 0 || row >= m_segments.size()) {
        return;
    }
    const EditableSegment removed = m_segments[row];
    m_undoStack.push(new SegmentCommand(
        tr("Remove segment"), [this, row]() { applyRemove(row); },
        [this, row, removed]() { applyInsert(row, removed); }));
}

void SegmentTableModel::moveSegment(int from, int to)
{
    if (from < 0 || from >= m_segments.size() || to < 0 || to >= m_segments.size() || from == to) {
        return;
    }
    m_undoStack.push(new SegmentCommand(
        tr("Move segment"), [this, from, to]() { applyMove(from, to); },
        [this, from, to]() { applyMove(to, from); }));
}

void SegmentTableModel::replaceTable(const MappingTable &table, const QString &description)
{
    QList<EditableSegment> after;
    for (const Segment &segment : table.segments) {
        after.append(editableFrom(segment));
    }
    const QList<EditableSegment> before = m_segments;
    m_undoStack.push(new SegmentCommand(
        description, [this, after]() { applyAll(after); }, [this, before]() { applyAll(before); }));
}

Qt::DropActions SegmentTableModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions SegmentTableModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList SegmentTableModel::mimeTypes() const
{
    return {QString::fromLatin1(DeviceMimeType), QString::fromLatin1(SegmentRowsMimeType)};
}

QMimeData *SegmentTableModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row())) {
            rows.append(index.row());
        }
    }
    if (rows.isEmpty()) {
        return nullptr;
    }
    std::sort(rows.begin(), rows.end());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    // Rows only mean something to this model: the drag names its source.
    out << quint64(reinterpret_cast<quintptr>(this)) << rows;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(SegmentRowsMimeType), bytes);
    QStringList lines;
    const QStringList all = formatTable(table()).split(u'\n', Qt::SkipEmptyParts);
    for (int row : rows) {
        lines.append(all.value(row));
    }
    data->setText(lines.join(u'\n'));
    return data;
}

namespace {

std::optional<QList<int>> draggedRowsOf(const QMimeData *data, const void *model, int rowCount)
{
    if (!data || !data->hasFormat(QString::fromLatin1(SegmentRowsMimeType))) {
        return std::nullopt;
    }
    QDataStream in(data->data(QString::fromLatin1(SegmentRowsMimeType)));
    quint64 source = 0;
    QList<int> rows;
    in >> source >> rows;
    if (in.status() != QDataStream::Ok || source != quint64(reinterpret_cast<quintptr>(model))
        || rows.isEmpty()) {
        return std::nullopt;
    }
    for (int row : rows) {
        if (row < 0 || row >= rowCount) {
            return std::nullopt;
        }
    }
    return rows;
}

} // namespace

bool SegmentTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    Q_UNUSED(parent)
    if (action != Qt::CopyAction && action != Qt::MoveAction) {
        return false;
    }
    return draggedRowsOf(data, this, rowCount()).has_value() || !decodeDraggedDevices(data).isEmpty();
}

bool SegmentTableModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    Q_UNUSED(column)
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    // Between rows the view gives the row; on a row it gives that row as the parent.
    int at = row >= 0 ? row : (parent.isValid() ? parent.row() : rowCount());
    at = qBound(0, at, rowCount());
    if (const auto rows = draggedRowsOf(data, this, rowCount())) {
        // The rows keep their order and land together before `at`.
        const int before = int(std::count_if(rows->begin(), rows->end(), [at](int r) { return r < at; }));
        const int target = at - before;
        // The order wanted, as old row numbers; reached by single-row moves so undo stays exact.
        QList<int> wanted;
        for (int r = 0; r < rowCount(); ++r) {
            if (!rows->contains(r)) {
                wanted.append(r);
            }
        }
        for (int i = 0; i < rows->size(); ++i) {
            wanted.insert(target + i, rows->at(i));
        }
        QList<int> current(rowCount());
        std::iota(current.begin(), current.end(), 0);
        if (wanted == current) {
            return false;
        }
        m_undoStack.beginMacro(rows->size() == 1 ? tr("Move segment") : tr("Move segments"));
        for (int i = 0; i < wanted.size(); ++i) {
            const int from = int(current.indexOf(wanted[i]));
            if (from != i) {
                moveSegment(from, i);
                current.move(from, i);
            }
        }
        m_undoStack.endMacro();
        // The rows have moved already: no MoveAction, or the view would remove the source rows.
        return false;
    }
    const QString refused = insertDevices(at, decodeDraggedDevices(data));
    if (!refused.isEmpty()) {
        Q_EMIT dropRefused(refused);
        return false;
    }
    return true;
}

std::optional<std::pair<quint64, quint64>>
SegmentTableModel::freeRangeOn(const DraggedDevice &device, const QList<EditableSegment> &planned) const
{
    QList<std::pair<quint64, quint64>> used; // [begin, end)
    for (const EditableSegment &segment : planned) {
        if (mapsDevice(segment.target)
            && (segment.device == device.node || segment.device == device.number)) {
            used.append({segment.offset, segment.offset + segment.length});
        }
    }
    if (m_outsideUse) {
        for (const UsedRange &range : m_outsideUse(device)) {
            used.append({range.begin, range.end});
        }
    }
    const quint64 align = qMax<quint64>(1, device.logicalBlockSize / BytesPerSector);
    return pickFreeRange(std::move(used), device.sizeInSectors, align, m_newSegmentLength);
}

QString SegmentTableModel::noFreeSpace(const DraggedDevice &device) const
{
    // Name what holds the space outside this table, at most three things.
    QStringList outside;
    for (const UsedRange &range : m_outsideUse ? m_outsideUse(device) : QList<UsedRange>()) {
        if (!outside.contains(range.reason) && outside.size() < 3) {
            outside.append(range.reason);
        }
    }
    if (outside.isEmpty()) {
        return m_newSegmentLength > 0
                   ? tr("%1 has no free range of %2 left in this table.")
                         .arg(device.node, formatSizeHuman(m_newSegmentLength * BytesPerSector))
                   : tr("All of %1 is already used by this table.").arg(device.node);
    }
    return m_newSegmentLength > 0
               ? tr("No free range of %1 left on %2: this table and other users take the rest (%3).")
                     .arg(formatSizeHuman(m_newSegmentLength * BytesPerSector), device.node,
                          outside.join(u"; "))
               : tr("No free space left on %1: this table and other users take all of it (%2).")
                     .arg(device.node, outside.join(u"; "));
}

QString SegmentTableModel::insertDevices(int row, const QList<DraggedDevice> &devices)
{
    if (devices.isEmpty()) {
        return tr("Nothing to add.");
    }
    QList<EditableSegment> planned = m_segments;
    QList<EditableSegment> added;
    for (const DraggedDevice &device : devices) {
        const auto range = freeRangeOn(device, planned);
        if (!range) {
            return noFreeSpace(device);
        }
        const EditableSegment segment{range->second, HelperProtocol::BasicTargetName.toString(), device.node,
                                      range->first};
        planned.append(segment);
        added.append(segment);
    }
    row = qBound(0, row, int(m_segments.size()));
    if (added.size() > 1) {
        m_undoStack.beginMacro(tr("Add %n segment(s)", nullptr, int(added.size())));
    }
    for (int i = 0; i < added.size(); ++i) {
        insertSegment(row + i, added[i]);
    }
    if (added.size() > 1) {
        m_undoStack.endMacro();
    }
    return {};
}

void SegmentTableModel::applyInsert(int row, const EditableSegment &segment)
{
    beginInsertRows(QModelIndex(), row, row);
    m_segments.insert(row, segment);
    rebuildTable();
    endInsertRows();
    revalidate();
}

void SegmentTableModel::applyRemove(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_segments.removeAt(row);
    rebuildTable();
    endRemoveRows();
    revalidate();
}

void SegmentTableModel::applyMove(int from, int to)
{
    // beginMoveRows wants the row the moved one will stand before.
    beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
    m_segments.move(from, to);
    rebuildTable();
    endMoveRows();
    revalidate();
}

void SegmentTableModel::applySet(int row, const EditableSegment &segment)
{
    const bool startsMoved = segment.length != m_segments[row].length;
    m_segments[row] = segment;
    updateTableRow(row);
    revalidate(row, startsMoved);
}

void SegmentTableModel::applyAll(const QList<EditableSegment> &segments)
{
    beginResetModel();
    m_segments = segments;
    rebuildTable();
    endResetModel();
    revalidate();
}

void SegmentTableModel::setSignatureLookup(SignatureLookup lookup)
{
    m_signatureLookup = std::move(lookup);
    signaturesChanged();
}

void SegmentTableModel::signaturesChanged()
{
    if (!m_segments.isEmpty()) {
        Q_EMIT dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn));
    }
}

QVariant SegmentTableModel::dataColumn(const EditableSegment &segment, int role) const
{
    if (!mapsDevice(segment.target) || !m_signatureLookup
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != HoldsDataRole)) {
        return {};
    }
    const auto found = m_signatureLookup(segment);
    if (role == HoldsDataRole) {
        return found && found->second;
    }
    return found ? found->first : tr("Looking…");
}

/*
 * `changedRow` is the one row set in place since the last validation (-1:
 * rows came, went or moved). Only the rows that read differently are
 * announced: that row and, if its length changed, the starts below it;
 * all of them when problems came or went.
 */
void SegmentTableModel::revalidate(int changedRow, bool startsMoved)
{
    const bool wasValid = m_valid;
    const bool hadNotes = !m_issues.isEmpty() || m_conflictRow >= 0;
    // A conflict found for the table as it was says nothing of this one.
    m_conflictRow = -1;
    m_conflict.clear();
    if (m_segments.isEmpty()) {
        m_issues.clear();
    } else {
        m_issues = changedRow >= 0 ? m_validation.update(m_table, changedRow)
                                   : m_validation.validate(m_table);
    }
    m_valid = !m_segments.isEmpty() && m_issues.isEmpty();
    // Cells and the layout bar ask each row's problems many times a paint.
    m_problems.clear();
    for (const TableIssue &issue : std::as_const(m_issues)) {
        m_problems[issue.segment].append(issue.message);
    }
    if (!m_segments.isEmpty()) {
        const bool onlyThere = changedRow >= 0 && !hadNotes && m_issues.isEmpty();
        const int first = onlyThere ? changedRow : 0;
        const int last = onlyThere && !startsMoved ? changedRow : rowCount() - 1;
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    if (wasValid != isValid()) {
        Q_EMIT validityChanged(isValid());
    }
}

} // namespace Volmap
