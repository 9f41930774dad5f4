// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "deviceclaims.h"

#include <QObject>

namespace Volmap {

class ClaimsSource;
class SegmentTableModel;

/*
 * Keeps the editor's draft checked against the system's claims: after
 * every change of the table, of read-only, of the mapping being edited,
 * and whenever new claims come in, it asks ClaimsSource for the verdict
 * the helper would give, marks the conflicting row in the model and tells
 * the editor. Only the latest answer counts.
 */
class DraftChecker final : public QObject
{
    Q_OBJECT

public:
    DraftChecker(SegmentTableModel *model, ClaimsSource *source, QObject *parent = nullptr);

    void setReadOnly(bool readOnly);
    void setEditedMapping(const QString &name);
    /* Checks the table as it is now (also done on each change by itself). */
    void recheck();

    /* A check of the current table is under way. */
    bool isChecking() const { return m_checking; }
    /* What the helper would refuse the current table for, if anything. */
    const std::optional<Conflict> &conflict() const { return m_conflict; }

Q_SIGNALS:
    void stateChanged();

private:
    void take(quint64 serial, const std::optional<Conflict> &conflict);

    SegmentTableModel *m_model;
    ClaimsSource *m_source;
    bool m_readOnly = false;
    QString m_editedMapping;
    quint64 m_serial = 0;
    bool m_checking = false;
    std::optional<Conflict> m_conflict;
    std::optional<QString> m_tableText; // the table as last checked, until the next edit
};

} // namespace Volmap
