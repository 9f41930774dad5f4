// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Volmap {

/*
 * Draws a 0..1 share (from `shareRole`) as a progress bar with its
 * percentage, so the busiest segment stands out at a glance. The style
 * paints the bar, so it follows the palette and the device pixel ratio.
 * Cells without a share fall back to the text.
 */
class ShareBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ShareBarDelegate(int shareRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_shareRole;
};

} // namespace Volmap
