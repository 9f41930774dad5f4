// SPDX-License-Identifier: GPL-2.0-or-later
#include "sharebardelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

namespace Volmap {

ShareBarDelegate::ShareBarDelegate(int shareRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shareRole(shareRole)
{}

void ShareBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant share = index.data(m_shareRole);
    if (!share.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    // The row's background (selection, alternate colour) first, then the bar over it.
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, option.widget);

    QStyleOptionProgressBar bar;
    bar.initFrom(option.widget);
    bar.state = option.state | QStyle::State_Horizontal;
    const int margin = qMax(1, option.fontMetrics.height() / 6);
    bar.rect = option.rect.adjusted(margin, margin, -margin, -margin);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = qBound(0, qRound(share.toDouble() * 1000), 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

QSize ShareBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Wide enough that 1 % and 100 % differ visibly.
    size.setWidth(qMax(size.width(), option.fontMetrics.averageCharWidth() * 14));
    return size;
}

} // namespace Volmap
