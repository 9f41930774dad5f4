// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Volmap {

/*
 * How the Mappings panel marks saved definitions: a live mapping that is
 * recreated at startup gets a mark by its name; a saved definition that
 * is not live is greyed and in italics, with an icon for waiting or
 * refused, so it never reads as a mapping one could open.
 */
class MappingRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Volmap
