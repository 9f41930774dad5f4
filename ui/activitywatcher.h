// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

namespace Volmap {

/*
 * Whether a person can see a widget: shown (its dock not closed, its tab
 * current) and its window not minimized. Views that poll use it to stop
 * while nobody looks, so the helper they poll can reach its idle exit.
 * `activeChanged` comes from the event loop, after the widget and its
 * window settled; isActive() is always current.
 */
class ActivityWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit ActivityWatcher(QWidget *widget);

    bool isActive() const;

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followWindow();
    void scheduleUpdate();
    void update();

    QWidget *m_widget;
    QPointer<QWidget> m_window;
    bool m_active = false;
    bool m_updateScheduled = false;
};

} // namespace Volmap
