// SPDX-License-Identifier: GPL-2.0-or-later
#include "draftchecker.h"

#include "claimssource.h"
#include "segmenttablemodel.h"
#include "tabletext.h"

#include <QUndoStack>

namespace Volmap {

DraftChecker::DraftChecker(SegmentTableModel *model, ClaimsSource *source, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_source(source)
{
    // Every edit goes through the undo stack, and the model forgets the
    // old conflict as it revalidates. Only then does the table's text change.
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, [this]() {
        m_tableText.reset();
        recheck();
    });
    connect(m_source, &ClaimsSource::claimsChanged, this, &DraftChecker::recheck);
    connect(m_source, &ClaimsSource::checked, this, &DraftChecker::take);
    m_model->setOutsideUse([this](const DraggedDevice &device) {
        return m_source->usedRangesOn(device.number, m_editedMapping);
    });
    recheck();
}

void DraftChecker::setReadOnly(bool readOnly)
{
    if (m_readOnly != readOnly) {
        m_readOnly = readOnly;
        recheck();
    }
}

void DraftChecker::setEditedMapping(const QString &name)
{
    if (m_editedMapping != name) {
        m_editedMapping = name;
        recheck();
    }
}

void DraftChecker::recheck()
{
    m_conflict.reset();
    m_model->setConflict(-1, QString());
    // An invalid table shows its own problems; the helper would refuse it for those first.
    m_checking = m_model->isValid();
    if (m_checking) {
        // New claims come often; the text of 10 000 segments is not made again for them.
        if (!m_tableText) {
            m_tableText = formatTable(m_model->table());
        }
        m_serial = m_source->check(*m_tableText, m_readOnly, m_editedMapping);
    }
    Q_EMIT stateChanged();
}

void DraftChecker::take(quint64 serial, const std::optional<Conflict> &conflict)
{
    if (serial != m_serial || !m_checking) {
        return;
    }
    m_checking = false;
    m_conflict = conflict;
    if (conflict) {
        m_model->setConflict(conflict->segment, conflict->error.message);
    }
    Q_EMIT stateChanged();
}

} // namespace Volmap
