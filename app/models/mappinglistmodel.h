// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "helperclient.h"
#include "mappingrows.h"

#include <QAbstractTableModel>

namespace Volmap {

/*
 * Every device-mapper mapping, as the helper lists it, and every saved
 * definition that is not live, kept current: it refreshes when the helper
 * signals MappingsChanged (and on demand), and applies the difference row
 * by row so selections survive. The live mappings come first, in the
 * order of mappings(); the saved definitions that are not live follow.
 */
class MappingListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, TargetsColumn, OpenColumn, OriginColumn, StateColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        CreatedByVolmapRole,
        KernelNameRole,
        PersistenceRole, // int(Persistence)
        LiveRole,        // false for a saved definition that is not live
    };

    explicit MappingListModel(HelperClient *client = nullptr, QObject *parent = nullptr);

    /* Asks the helper for both lists; errors of the mappings' list arrive through refreshFailed. */
    void refresh();
    void setMappings(const QList<MappingSummary> &mappings);
    /* What ListSavedMappings said: the saved definitions and what became of them. */
    void setSavedStates(const QList<SavedMappingState> &saved);
    /* The live mappings, in row order: row i < mappings().size() is mappings()[i]. */
    const QList<MappingSummary> &mappings() const { return m_mappings; }
    /* The row of the live mapping named `name`, or -1. */
    int rowOf(const QString &name) const;
    /* The row of the saved definition `name` that is not live, or -1. */
    int savedRowOf(const QString &name) const;
    const MappingRow &row(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshFailed(const Volmap::ClientError &error);
    /* A listing of the live mappings arrived and is shown. */
    void refreshed();
    /* A listing of the saved definitions arrived and is shown. */
    void savedRefreshed();

private:
    void applyRows(const QList<MappingRow> &rows);
    QVariant display(const MappingRow &row, int column) const;
    QString toolTip(const MappingRow &row) const;

    HelperClient *m_client;
    QList<MappingSummary> m_listed;   // the last live listing, as it came
    QList<SavedMappingState> m_saved; // the last saved listing
    QList<MappingRow> m_rows;         // what the rows show
    QList<MappingSummary> m_mappings; // the live rows' mappings
};

/* What the panel says of a row's saved state, e.g. "waiting for disk wwn-0x5…"; empty when not saved. */
QString persistenceText(const MappingRow &row);

} // namespace Volmap
