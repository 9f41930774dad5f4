// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QComboBox>

namespace Volmap {

/*
 * A menu of sampling intervals ("0.25 s", "1 s", ...) that always shows the
 * interval in use: one set by a program or a restored setting that is not
 * among the choices appears as an extra entry in its place, until another
 * interval is set, instead of the menu showing a stale choice.
 */
class IntervalCombo final : public QComboBox
{
    Q_OBJECT

public:
    IntervalCombo(const QList<int> &choicesMs, QWidget *parent = nullptr);

    /* Shows `milliseconds` as the current entry; emits nothing. */
    void setInterval(int milliseconds);
    int interval() const { return currentData().toInt(); }

Q_SIGNALS:
    /* A person picked an entry. */
    void intervalPicked(int milliseconds);

private:
    static QString label(int milliseconds);

    int m_extra = -1; // the interval of the extra entry, -1 while there is none
};

} // namespace Volmap
