// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentdelegate.h"

#include "segmenttablemodel.h"
#include "sizeunits.h"
#include "tablevalidator.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QValidator>

namespace Volmap {

namespace {

/* Accepts what parseSizeInSectors accepts; anything else is still being typed. */
class SizeValidator final : public QValidator
{
public:
    SizeValidator(SizeUnit unit, QObject *parent)
        : QValidator(parent)
        , m_unit(unit)
    {}
    State validate(QString &input, int &) const override
    {
        return parseSizeInSectors(input, m_unit).has_value() ? Acceptable : Intermediate;
    }

private:
    SizeUnit m_unit;
};

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(QSize(12, 12) * qApp->devicePixelRatio());
    pixmap.setDevicePixelRatio(qApp->devicePixelRatio());
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

} // namespace

SegmentDelegate::SegmentDelegate(SegmentTableModel *model, ColorOf colorOf, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
    , m_colorOf(std::move(colorOf))
{}

QWidget *SegmentDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    switch (index.column()) {
    case SegmentTableModel::TargetColumn: {
        auto *combo = new QComboBox(parent);
        combo->addItems(supportedTargets());
        combo->setAccessibleName(tr("Target"));
        return combo;
    }
    case SegmentTableModel::LengthColumn:
    case SegmentTableModel::OffsetColumn: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new SizeValidator(m_model->displayUnit(), edit));
        edit->setAccessibleName(index.column() == SegmentTableModel::LengthColumn ? tr("Length")
                                                                                  : tr("Offset"));
        edit->setToolTip(tr("A size such as 512 MiB, 2G or 4096s; plain numbers are in %1")
                             .arg(unitSuffix(m_model->displayUnit())));
        return edit;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void SegmentDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void SegmentDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor);
        edit
        && (index.column() == SegmentTableModel::LengthColumn
            || index.column() == SegmentTableModel::OffsetColumn)) {
        const auto sectors = parseSizeInSectors(edit->text(), m_model->displayUnit());
        if (!sectors) {
            Q_EMIT const_cast<SegmentDelegate *>(this)->editRefused(sectors.error());
            return;
        }
        model->setData(index, QVariant::fromValue<qulonglong>(sectors.value()));
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void SegmentDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool problem = !index.data(SegmentTableModel::ProblemRole).toString().isEmpty();
    if (problem) {
        // A red wash over the base colour: visible in light and dark palettes, text stays readable.
        QColor wash(220, 40, 40, option->palette.base().color().lightness() > 128 ? 40 : 70);
        option->backgroundBrush = wash;
    }
    if (index.column() == SegmentTableModel::DeviceColumn && !option->text.isEmpty()) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = swatch(m_colorOf(option->text));
        option->decorationSize = QSize(12, 12);
    }
    if (index.column() == SegmentTableModel::ProblemColumn && problem) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
        option->text = option->text.section(u'\n', 0, 0);
    }
}

} // namespace Volmap
