#include "columnfit.h"

#include <QHeaderView>
#include <QTableView>
#include <QTimer>

namespace Volmap {

void fitColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    // QTableView makes the override protected; QAbstractItemView's is public.
    const QAbstractItemView *asItemView = view;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) || header->sectionResizeMode(column) != QHeaderView::Interactive) {
            continue;
        }
        // sizeHintForColumn() measures the visible rows, as the delegate paints them.
        const int needed = qMax(header->sectionSizeHint(column), asItemView->sizeHintForColumn(column));
        if (header->sectionSize(column) < needed) {
            header->resizeSection(column, needed);
        }
    }
}

void keepColumnsFitting(QTableView *view)
{
    // Coalesced: a drop of many rows or a refresh fits once, after the view updated.
    auto *pending = new QTimer(view);
    pending->setSingleShot(true);
    pending->setInterval(0);
    QObject::connect(pending, &QTimer::timeout, view, [view]() { fitColumns(view); });
    QAbstractItemModel *model = view->model();
    const auto schedule = [pending]() { pending->start(); };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::dataChanged, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::modelReset, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::headerDataChanged, pending, schedule);
    pending->start();
}

} // namespace Volmap
