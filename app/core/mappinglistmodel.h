#pragma once

#include "helperclient.h"

#include <QAbstractTableModel>

namespace Volmap {

/*
 * Every device-mapper mapping, as the helper lists it, kept current: it
 * refreshes when the helper signals MappingsChanged (and on demand), and
 * applies the difference row by row so selections survive.
 */
class MappingListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, TargetsColumn, OpenColumn, OriginColumn, StateColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, CreatedByVolmapRole, KernelNameRole };

    explicit MappingListModel(HelperClient *client = nullptr, QObject *parent = nullptr);

    /* Asks the helper for the list; errors arrive through refreshFailed. */
    void refresh();
    void setMappings(const QList<MappingSummary> &mappings);
    const QList<MappingSummary> &mappings() const { return m_mappings; }
    /* The row of the mapping named `name`, or -1. */
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshFailed(const Volmap::ClientError &error);
    void refreshed();

private:
    HelperClient *m_client;
    QList<MappingSummary> m_mappings;
};

} // namespace Volmap
