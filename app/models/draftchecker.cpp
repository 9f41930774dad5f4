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
    // old conflict as it revalidates.
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, &DraftChecker::recheck);
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
        m_serial = m_source->check(formatTable(m_model->table()), m_readOnly, m_editedMapping);
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
