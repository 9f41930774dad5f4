// SPDX-License-Identifier: GPL-2.0-or-later
#include "claimssource.h"

#include "helperclient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <memory>

namespace Volmap {

namespace {

// Runs `work` on the global pool and hands its result to `done` on the
// GUI thread, unless `context` is gone by then. The answer is posted to
// the application object, which outlives both, and `context` is checked
// there: never from the pool thread, where it could go away meanwhile.
template<typename Work, typename Done>
void runOffThread(QObject *context, Work work, Done done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done = std::move(done), result = std::move(result)]() mutable {
                if (guard) {
                    done(std::move(result));
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace

ClaimsSource::ClaimsSource(HelperClient *client, const QString &root, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_root(root)
{}

void ClaimsSource::refresh()
{
    if (m_collecting) {
        m_refreshAgain = true;
        return;
    }
    m_collecting = true;
    m_client->listMappings([this](const ClientResult<QList<MappingSummary>> &listed) {
        // Without the helper's list there are still mounts, swap and holders to warn of.
        const QList<MappingSummary> summaries = listed.value_or(QList<MappingSummary>());
        auto texts = std::make_shared<QList<MappingText>>();
        auto waiting = std::make_shared<qsizetype>(summaries.size());
        if (summaries.isEmpty()) {
            collect({});
            return;
        }
        for (const MappingSummary &summary : summaries) {
            const MappingText mapping{summary.name, DeviceNumber{summary.major, summary.minor}, QString(),
                                      summary.readOnly};
            m_client->table(summary.name,
                            [this, mapping, texts, waiting](const ClientResult<QString> &table) {
                                // A mapping removed meanwhile has no table and claims nothing.
                                if (table) {
                                    texts->append({mapping.name, mapping.number, *table, mapping.readOnly});
                                }
                                if (--*waiting == 0) {
                                    collect(*texts);
                                }
                            });
        }
    });
}

void ClaimsSource::collect(const QList<MappingText> &mappings)
{
    const QString root = m_root;
    runOffThread(
        this, [root, mappings]() { return collectClaims(root, mappings); },
        [this](ClaimsSnapshot snapshot) {
            m_snapshot = std::move(snapshot);
            m_ready = true;
            m_collecting = false;
            Q_EMIT claimsChanged();
            if (m_refreshAgain) {
                m_refreshAgain = false;
                refresh();
            }
            runCheck();
        });
}

quint64 ClaimsSource::check(const QString &text, bool readOnly, const QString &exceptMapping)
{
    m_pendingCheck = PendingCheck{++m_lastSerial, text, readOnly, exceptMapping};
    runCheck();
    return m_lastSerial;
}

void ClaimsSource::runCheck()
{
    if (!m_ready || !m_pendingCheck) {
        return;
    }
    PendingCheck pending = *m_pendingCheck;
    m_pendingCheck.reset();
    const QString root = m_root;
    const QList<DeviceClaim> claims = m_snapshot.claimsExcept(pending.exceptMapping);
    // A reload keeps the mapping read-only or read-write, as the helper checks it.
    if (!pending.exceptMapping.isEmpty() && m_snapshot.byMapping.contains(pending.exceptMapping)) {
        pending.readOnly = m_snapshot.readOnlyMappings.contains(pending.exceptMapping);
    }
    runOffThread(
        this, [root, pending, claims]() { return checkDraft(root, pending.text, pending.readOnly, claims); },
        [this, serial = pending.serial](std::optional<Conflict> conflict) {
            Q_EMIT checked(serial, conflict);
        });
}

} // namespace Volmap
