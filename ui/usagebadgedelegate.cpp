// SPDX-License-Identifier: GPL-2.0-or-later
#include "usagebadgedelegate.h"

#include "devicetreemodel.h"

#include <QApplication>
#include <QPainter>

namespace Volmap {

namespace {
constexpr int Padding = 6;
}

void UsageBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty() || !index.data(DeviceTreeModel::InUseRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection as usual, then the badge instead of the text.
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);

    // An amber that reads on light and dark bases alike, with text in the contrasting colour.
    const QColor badge = QColor::fromHsv(36, 200,
                                         option.palette.base().color().lightness() > 128 ? 235 : 200);
    const QFontMetrics metrics(option.font);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, option.rect.width() - 3 * Padding);
    QRect box(0, 0, metrics.horizontalAdvance(shown) + 2 * Padding, metrics.height() + 2);
    box.moveCenter(option.rect.center());
    box.moveLeft(option.rect.left() + Padding / 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badge);
    painter->drawRoundedRect(box, box.height() / 2.0, box.height() / 2.0);
    painter->setPen(QColor(32, 24, 0));
    painter->drawText(box, Qt::AlignCenter, shown);
    painter->restore();
}

QSize UsageBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * Padding;
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 6));
    return size;
}

} // namespace Volmap
