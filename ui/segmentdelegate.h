// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace Volmap {

class SegmentTableModel;

/*
 * Editors and looks of the table editor's cells: a target list, sizes
 * typed in the chosen unit and checked while typing, a swatch in the
 * device's layout colour, and rows with a problem tinted.
 */
class SegmentDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using ColorOf = std::function<QColor(const QString &device)>;
    SegmentDelegate(SegmentTableModel *model, ColorOf colorOf, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

Q_SIGNALS:
    void editRefused(const QString &reason);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    SegmentTableModel *m_model;
    ColorOf m_colorOf;
};

} // namespace Volmap
