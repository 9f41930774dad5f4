// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

namespace Volmap {

/*
 * Says why an item view shows no rows, centred over it: no mappings yet,
 * a filter that matches nothing, a listing still under way. `text` is
 * asked again whenever the view's rows change (and on refresh()); an
 * empty answer, or a view with rows, shows nothing.
 */
class EmptyStateOverlay final : public QLabel
{
    Q_OBJECT

public:
    EmptyStateOverlay(QAbstractItemView *view, std::function<QString()> text);

    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    std::function<QString()> m_text;
};

} // namespace Volmap
