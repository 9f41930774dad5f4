// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QLabel>
#include <QTextDocument>

namespace Volmap {

// A word-wrapped rich-text label that lays its text out once per width.
// QLabel sizes word-wrapped rich text with the document it paints, laying
// it out again (and shaping every run again) for each size query and once
// more to restore the painted width: fifteen layouts of the mappings list's
// error before its first paint. This label answers the size queries from a
// document of its own, each width laid out once while the text and font
// stay; QLabel still paints, selects and reports the text.
class WrappedMessageLabel final : public QLabel
{
public:
    explicit WrappedMessageLabel(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Laid out for the current text and font, or the caches emptied.
    void syncDocument() const;
    QSizeF layOutAt(qreal textWidth) const;
    // What the label adds around its text: contents margins and margin().
    int horizontalMargins() const;
    int verticalMargins() const;

    mutable QTextDocument m_document;
    mutable QString m_documentText;
    mutable bool m_fontChanged = true;
    mutable QSizeF m_unwrapped;
    mutable QHash<int, int> m_heightForWidth;
    mutable QSize m_sizeHint;
    mutable QSize m_minimumSizeHint;
};

} // namespace Volmap
