// SPDX-License-Identifier: GPL-2.0-or-later
// TableEditor's draft and remembered settings: what the window saves when
// the person quits and gives back on the next start.

#include "draftstore.h"
#include "segmenttablemodel.h"
#include "tableeditor.h"
#include "tabletext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QUndoStack>

namespace Volmap {

void TableEditor::connectDraftSignals()
{
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, &TableEditor::draftChanged);
    connect(m_model->undoStack(), &QUndoStack::cleanChanged, this, &TableEditor::draftChanged);
    connect(m_name, &QLineEdit::textChanged, this, &TableEditor::draftChanged);
    connect(m_readOnly, &QCheckBox::toggled, this, &TableEditor::draftChanged);
}

bool TableEditor::hasDraft() const
{
    if (m_model->rowCount() == 0 || m_model->undoStack()->isClean()) {
        return false;
    }
    // Opening a live mapping is a step too; only what came after it is new.
    return m_editedMapping.isEmpty() || m_model->undoStack()->index() != m_openedAtIndex;
}

Draft TableEditor::draft() const
{
    Draft draft;
    draft.tableText = formatTable(m_model->table());
    draft.mappingName = m_name->text().trimmed();
    draft.readOnly = m_readOnly->isChecked();
    draft.editedMapping = m_editedMapping;
    return draft;
}

void TableEditor::restoreDraft(const Draft &draft)
{
    if (!draft.editedMapping.isEmpty()) {
        openMapping(draft.editedMapping, draft.tableText);
        // Not what the mapping runs: the draft's rows are still to apply.
        m_openedAtIndex = -1;
    } else if (loadTableText(draft.tableText, tr("Restore draft"))) {
        m_name->setText(draft.mappingName);
        m_readOnly->setChecked(draft.readOnly);
    }
    Q_EMIT draftChanged();
}

SizeUnit TableEditor::displayUnit() const
{
    return SizeUnit(m_unit->currentData().toInt());
}

void TableEditor::setDisplayUnit(SizeUnit unit)
{
    const int index = m_unit->findData(int(unit));
    if (index >= 0) {
        m_unit->setCurrentIndex(index);
    }
}

QString TableEditor::dropLength() const
{
    return m_newLength->text();
}

void TableEditor::setDropLength(const QString &text)
{
    m_newLength->setText(text);
}

} // namespace Volmap
