// SPDX-License-Identifier: GPL-2.0-or-later
#include "columnfit.h"

#include <QHeaderView>
#include <QSet>
#include <QTableView>
#include <QTimer>

namespace Volmap {

namespace {

class ColumnFitter final : public QObject
{
public:
    explicit ColumnFitter(QTableView *view)
        : QObject(view)
        , m_view(view)
    {
        // The first fit waits for the event loop, so a restored header state is in place.
        m_pending.setSingleShot(true);
        m_pending.setInterval(0);
        connect(&m_pending, &QTimer::timeout, this, &ColumnFitter::fit);
        // Later ones right away: the view connected to the model first, so
        // it already knows the rows; one fit per change, not per row.
        QAbstractItemModel *model = view->model();
        connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::fit);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ColumnFitter::fit);
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::fit);
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::fit);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::fit);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &ColumnFitter::fit);
        connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
            if (!m_fitting) {
                m_resizedByPerson.insert(column);
            }
        });
        m_pending.start();
    }

private:
    void fit()
    {
        QHeaderView *header = m_view->horizontalHeader();
        // QTableView makes the override protected; QAbstractItemView's is public.
        const QAbstractItemView *itemView = m_view;
        m_fitting = true;
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column)
                || header->sectionResizeMode(column) != QHeaderView::Interactive) {
                continue;
            }
            // sizeHintForColumn() measures the rows as the delegate paints them.
            const int needed = qMax(header->sectionSizeHint(column), itemView->sizeHintForColumn(column));
            const int size = header->sectionSize(column);
            if (size < needed || (size != needed && !m_resizedByPerson.contains(column))) {
                header->resizeSection(column, needed);
            }
        }
        m_fitting = false;
    }

    QTableView *m_view;
    QTimer m_pending;
    QSet<int> m_resizedByPerson;
    bool m_fitting = false;
};

} // namespace

void keepColumnsFitting(QTableView *view)
{
    new ColumnFitter(view);
}

} // namespace Volmap
