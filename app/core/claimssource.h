// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "systemclaims.h"

#include <QObject>

namespace Volmap {

class HelperClient;

/*
 * The system's claims for the table editor: other mappings' tables from
 * the helper (ListMappings, then GetTable of each, all asynchronous) and
 * mounts, swap, holders and read-only flags from sysfs and /proc, turned
 * into claims off the GUI thread with the helper's own code. From them it
 * checks a draft table as the helper would (check()), and tells a drop
 * which ranges of a device are taken (usedRangesOn()). The helper stays
 * the authority: this is an early warning, as current as the last refresh.
 */
class ClaimsSource final : public QObject
{
    Q_OBJECT

public:
    explicit ClaimsSource(HelperClient *client, const QString &root = QString(), QObject *parent = nullptr);

    /* Collects everything again; refreshes asked for while one runs are merged into one more. */
    void refresh();
    bool isReady() const { return m_ready; }
    const ClaimsSnapshot &snapshot() const { return m_snapshot; }
    QList<UsedRange> usedRangesOn(const QString &number, const QString &exceptMapping) const
    {
        return m_snapshot.usedRangesOn(number, exceptMapping);
    }

    /*
     * Checks `text` against the claims (all but `exceptMapping`'s) off the
     * GUI thread; checked() answers with the returned serial. A check
     * asked for before the claims are ready runs once they are. For a
     * reload of `exceptMapping`, its own read-only flag counts, as in the
     * helper, not `readOnly`.
     */
    quint64 check(const QString &text, bool readOnly, const QString &exceptMapping);

Q_SIGNALS:
    /* New claims are in: checks made before them are stale. */
    void claimsChanged();
    /* The verdict on check `serial`: empty when the helper would find no conflict. */
    void checked(quint64 serial, const std::optional<Volmap::Conflict> &conflict);

private:
    void collect(const QList<MappingText> &mappings);
    void runCheck();

    HelperClient *m_client;
    QString m_root;
    ClaimsSnapshot m_snapshot;
    bool m_ready = false;
    bool m_collecting = false;
    bool m_refreshAgain = false;
    struct PendingCheck
    {
        quint64 serial = 0;
        QString text;
        bool readOnly = false;
        QString exceptMapping;
    };
    std::optional<PendingCheck> m_pendingCheck;
    quint64 m_lastSerial = 0;
};

} // namespace Volmap
