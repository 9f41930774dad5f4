// SPDX-License-Identifier: GPL-2.0-or-later
#include "emptystate.h"

#include <QAbstractItemView>
#include <QEvent>

namespace Volmap {

EmptyStateOverlay::EmptyStateOverlay(QAbstractItemView *view, std::function<QString()> text)
    : QLabel(view->viewport())
    , m_view(view)
    , m_text(std::move(text))
{
    setObjectName(QStringLiteral("emptyStateOverlay"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setTextInteractionFlags(Qt::NoTextInteraction);
    // Clicks and drops go to the view underneath (a table editor takes drops).
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setMargin(fontMetrics().averageCharWidth() * 2);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(model, signal, this, &EmptyStateOverlay::refresh);
    }
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyStateOverlay::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyStateOverlay::refresh);
    refresh();
}

void EmptyStateOverlay::refresh()
{
    const QString text = m_view->model()->rowCount() == 0 ? m_text() : QString();
    setText(text);
    setAccessibleName(text);
    setGeometry(m_view->viewport()->rect());
    setVisible(!text.isEmpty());
}

bool EmptyStateOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        setGeometry(m_view->viewport()->rect());
    }
    return QLabel::eventFilter(watched, event);
}

} // namespace Volmap
