// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappingrowdelegate.h"

#include "mappinglistmodel.h"

#include <QApplication>
#include <QStyle>

namespace Volmap {

namespace {

// The desktop's icon where it has one, the style's otherwise (as on a bare
// window manager, or offscreen).
QIcon markFor(Persistence persistence, const QStyle *style)
{
    switch (persistence) {
    case Persistence::NotSaved:
        break;
    case Persistence::Saved:
        return QIcon::fromTheme(QStringLiteral("document-save"),
                                style->standardIcon(QStyle::SP_DialogSaveButton));
    case Persistence::Waiting:
        return QIcon::fromTheme(QStringLiteral("appointment-soon"),
                                style->standardIcon(QStyle::SP_BrowserReload));
    case Persistence::SavedDiffers:
    case Persistence::Refused:
        return QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                style->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    return {};
}

} // namespace

void MappingRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto persistence = Persistence(index.data(MappingListModel::PersistenceRole).toInt());
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    if (index.column() == MappingListModel::NameColumn) {
        if (const QIcon mark = markFor(persistence, style); !mark.isNull()) {
            option->icon = mark;
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->decorationSize = option->decorationSize.isValid() ? option->decorationSize
                                                                      : QSize(16, 16);
        }
    }
    if (!index.data(MappingListModel::LiveRole).toBool()) {
        // The panel spans a saved row's state over its empty columns, from the size on.
        if (index.column() == MappingListModel::SizeColumn) {
            option->text = index.siblingAtColumn(MappingListModel::StateColumn).data().toString();
        }
        option->font.setItalic(true);
        // Halfway between text and base: plainly not a live mapping, yet
        // readable on light and dark palettes (the disabled colour is too faint).
        const QColor text = option->palette.color(QPalette::Text);
        const QColor base = option->palette.color(QPalette::Base);
        option->palette.setColor(QPalette::Text, QColor::fromRgbF((text.redF() * 3 + base.redF() * 2) / 5,
                                                                  (text.greenF() * 3 + base.greenF() * 2) / 5,
                                                                  (text.blueF() * 3 + base.blueF() * 2) / 5));
    }
}

} // namespace Volmap
