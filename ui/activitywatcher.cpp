// SPDX-License-Identifier: GPL-2.0-or-later
#include "activitywatcher.h"

#include <QEvent>

namespace Volmap {

ActivityWatcher::ActivityWatcher(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{
    m_widget->installEventFilter(this);
    followWindow();
    m_active = isActive();
}

bool ActivityWatcher::isActive() const
{
    return m_widget->isVisible() && !(m_widget->window()->windowState() & Qt::WindowMinimized);
}

bool ActivityWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ParentChange:
        // A dock floated or docked again: the window to watch changed.
        if (watched == m_widget) {
            followWindow();
        }
        scheduleUpdate();
        break;
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::WindowStateChange:
        scheduleUpdate();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void ActivityWatcher::followWindow()
{
    if (m_window) {
        m_window->removeEventFilter(this);
    }
    m_window = m_widget->window();
    if (m_window != m_widget) {
        m_window->installEventFilter(this);
    }
}

// Visibility flags change around the events, not before all of them:
// decide once the event loop is back.
void ActivityWatcher::scheduleUpdate()
{
    if (m_updateScheduled) {
        return;
    }
    m_updateScheduled = true;
    QMetaObject::invokeMethod(this, &ActivityWatcher::update, Qt::QueuedConnection);
}

void ActivityWatcher::update()
{
    m_updateScheduled = false;
    if (m_widget->window() != m_window) {
        followWindow();
    }
    const bool active = isActive();
    if (active != m_active) {
        m_active = active;
        Q_EMIT activeChanged(active);
    }
}

} // namespace Volmap
