// SPDX-License-Identifier: GPL-2.0-or-later
#include "wrappedmessagelabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QTextOption>

#include <cmath>

namespace Volmap {

WrappedMessageLabel::WrappedMessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    // As QLabel's own document: no margin, wrapped at word boundaries.
    m_document.setUndoRedoEnabled(false);
    m_document.setDocumentMargin(0);
    QTextOption option = m_document.defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    m_document.setDefaultTextOption(option);
}

void WrappedMessageLabel::syncDocument() const
{
    if (!m_fontChanged && m_documentText == text()) {
        return;
    }
    m_fontChanged = false;
    m_documentText = text();
    m_document.setDefaultFont(font());
    m_document.setHtml(m_documentText);
    m_heightForWidth.clear();
    m_sizeHint = {};
    m_minimumSizeHint = {};
    m_unwrapped = layOutAt(-1);
}

QSizeF WrappedMessageLabel::layOutAt(qreal textWidth) const
{
    m_document.setTextWidth(textWidth);
    return m_document.size();
}

int WrappedMessageLabel::horizontalMargins() const
{
    const QMargins margins = contentsMargins();
    return margins.left() + margins.right() + 2 * margin();
}

int WrappedMessageLabel::verticalMargins() const
{
    const QMargins margins = contentsMargins();
    return margins.top() + margins.bottom() + 2 * margin();
}

bool WrappedMessageLabel::hasHeightForWidth() const
{
    return true;
}

int WrappedMessageLabel::heightForWidth(int width) const
{
    syncDocument();
    const auto cached = m_heightForWidth.constFind(width);
    if (cached != m_heightForWidth.cend()) {
        return *cached;
    }
    const qreal textWidth = qMax(0, width - horizontalMargins());
    const int height = int(std::ceil(layOutAt(textWidth).height())) + verticalMargins();
    m_heightForWidth.insert(width, height);
    return height;
}

QSize WrappedMessageLabel::sizeHint() const
{
    syncDocument();
    if (!m_sizeHint.isValid()) {
        // Unwrapped, but no wider than QLabel lets wrapped text ask for: 80 'x'.
        const qreal widest = fontMetrics().horizontalAdvance(u'x') * 80;
        const int width = int(std::ceil(qMin(m_unwrapped.width(), widest))) + horizontalMargins();
        m_sizeHint = QSize(width, heightForWidth(width));
    }
    return m_sizeHint;
}

QSize WrappedMessageLabel::minimumSizeHint() const
{
    syncDocument();
    if (!m_minimumSizeHint.isValid()) {
        // As QLabel: as narrow as the longest word, as high as the unwrapped text.
        const int narrowest = int(std::ceil(layOutAt(0).width())) + horizontalMargins();
        m_minimumSizeHint = QSize(narrowest, int(std::ceil(m_unwrapped.height())) + verticalMargins());
    }
    return m_minimumSizeHint;
}

void WrappedMessageLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_fontChanged = true;
    }
    QLabel::changeEvent(event);
}

} // namespace Volmap
