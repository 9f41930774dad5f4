// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "helperclient.h"

#include <QDialog>

#include <functional>

class QPlainTextEdit;
class QTableWidget;

namespace Volmap {

/*
 * A read-only look at a mapping the editor cannot represent, or that
 * another tool owns: who made it, its state, its segments with their
 * devices by name, and its table text. Keys never show: the helper hides
 * them, and the text passes redactTableSecrets() here again.
 */
class MappingInspector final : public QDialog
{
    Q_OBJECT

public:
    /* `deviceName` turns "major:minor" into a name people know ("" if unknown). */
    MappingInspector(const MappingSummary &mapping, const QString &tableText,
                     const std::function<QString(const QString &)> &deviceName, QWidget *parent = nullptr);

    QPlainTextEdit *tableText() const { return m_text; }
    QTableWidget *segments() const { return m_segments; }

private:
    QWidget *facts(const MappingSummary &mapping);
    void fillSegments(const QString &tableText, const std::function<QString(const QString &)> &deviceName);

    QPlainTextEdit *m_text;
    QTableWidget *m_segments;
};

} // namespace Volmap
