// SPDX-License-Identifier: GPL-2.0-or-later
#include "intervalcombo.h"

#include <QLocale>

namespace Volmap {

IntervalCombo::IntervalCombo(const QList<int> &choicesMs, QWidget *parent)
    : QComboBox(parent)
{
    for (int choice : choicesMs) {
        addItem(label(choice), choice);
    }
    connect(this, &QComboBox::activated, this, [this](int index) {
        const int picked = itemData(index).toInt();
        Q_EMIT intervalPicked(picked);
    });
}

QString IntervalCombo::label(int milliseconds)
{
    return tr("%1 s").arg(QLocale().toString(milliseconds / 1000.0));
}

void IntervalCombo::setInterval(int milliseconds)
{
    if (m_extra >= 0 && m_extra != milliseconds) {
        removeItem(findData(m_extra));
        m_extra = -1;
    }
    int index = findData(milliseconds);
    if (index < 0) {
        // In order among the choices, so the menu still reads from fast to slow.
        index = 0;
        while (index < count() && itemData(index).toInt() < milliseconds) {
            ++index;
        }
        insertItem(index, label(milliseconds), milliseconds);
        m_extra = milliseconds;
    }
    setCurrentIndex(index);
}

} // namespace Volmap
