// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace Volmap {

/*
 * The one colour of "something is wrong here" across the window: invalid
 * input, conflicts, problem summaries and the layout bar's bad segments.
 * Qt's palette has no role for it (KDE's colour schemes call it negative
 * text), so it lives here rather than spelled at every use.
 */
inline QColor problemColor()
{
    return QColor(0xd0, 0x30, 0x30);
}

/* `text` (already HTML-escaped) in the problem colour, for rich-text labels. */
inline QString problemHtml(const QString &text)
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(problemColor().name(), text);
}

} // namespace Volmap
