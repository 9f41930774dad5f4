// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl's commands for mappings that survive a restart: persist,
// assemble, and the saved state list shows.
#include "volmapctl.h"

#include "ctloutput.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Volmap {

namespace {

// "waiting: waiting for loop device on ...": state and reason in one cell.
QString stateText(const SavedMappingState &saved)
{
    return saved.reason.isEmpty() || saved.state == u"assembled"
               ? saved.state
               : saved.state + QStringLiteral(": ") + saved.reason;
}

QJsonObject savedJson(const SavedMappingState &saved)
{
    return QJsonObject::fromVariantMap(saved.toMap()); // the keys of ListSavedMappings
}

const SavedMappingState *savedNamed(const QList<SavedMappingState> &saved, const QString &name)
{
    for (const SavedMappingState &state : saved) {
        if (state.name == name) {
            return &state;
        }
    }
    return nullptr;
}

QString flagsOf(const MappingSummary &m)
{
    QStringList flags{m.createdByVolmap ? QStringLiteral("volmap") : QStringLiteral("foreign")};
    const QList<std::pair<bool, const char *>> more = {{m.readOnly, "read-only"},
                                                       {m.suspended, "suspended"},
                                                       {m.deferredRemove, "removing"},
                                                       {!m.liveTable, "no-table"}};
    for (const auto &[set, flag] : more) {
        if (set) {
            flags.append(QString::fromLatin1(flag));
        }
    }
    return flags.join(u',');
}

} // namespace

void Volmapctl::printMappings(const QList<MappingSummary> &mappings, const QList<SavedMappingState> &saved)
{
    if (m_options.json) {
        QJsonArray array;
        for (const MappingSummary &mapping : mappings) {
            QJsonObject object = QJsonObject::fromVariantMap(mapping.toMap());
            const SavedMappingState *state = savedNamed(saved, mapping.name);
            object.insert(QStringLiteral("live"), true);
            object.insert(QStringLiteral("saved"), state ? state->state : QString());
            object.insert(QStringLiteral("saved-reason"), state ? state->reason : QString());
            array.append(object);
        }
        for (const SavedMappingState &state : saved) {
            if (std::none_of(mappings.cbegin(), mappings.cend(),
                             [&](const MappingSummary &m) { return m.name == state.name; })) {
                array.append(QJsonObject{{QStringLiteral("name"), state.name},
                                         {QStringLiteral("live"), false},
                                         {QStringLiteral("saved"), state.state},
                                         {QStringLiteral("saved-reason"), state.reason}});
            }
        }
        printJson(array);
        return;
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("DEVICE"), QStringLiteral("SIZE"),
                             QStringLiteral("TARGETS"), QStringLiteral("OPEN"), QStringLiteral("FLAGS"),
                             QStringLiteral("SAVED")}};
    const QString none = QStringLiteral("-");
    for (const MappingSummary &m : mappings) {
        const SavedMappingState *state = savedNamed(saved, m.name);
        rows.append({m.name, QStringLiteral("%1:%2").arg(m.major).arg(m.minor), bytesOfSectors(m.length),
                     m.targets.join(u','), QString::number(m.openCount), flagsOf(m),
                     state ? stateText(*state) : none});
    }
    for (const SavedMappingState &state : saved) {
        if (std::none_of(mappings.cbegin(), mappings.cend(),
                         [&](const MappingSummary &m) { return m.name == state.name; })) {
            rows.append({state.name, none, none, none, none, none, stateText(state)});
        }
    }
    printTable(rows);
}

void Volmapctl::persist()
{
    const QString usage = QStringLiteral("persist NAME on|off");
    if (!needArguments(2, usage)) {
        return;
    }
    const QString choice = m_options.arguments[1];
    if (choice != u"on" && choice != u"off") {
        err() << "usage: volmapctl " << usage << '\n';
        finish(ExitUsage);
        return;
    }
    m_client.setPersistent(m_options.arguments[0], choice == u"on", [this](const ClientResult<Done> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        finish(ExitOk);
    });
}

void Volmapctl::assemble()
{
    if (!needArguments(0, QStringLiteral("assemble [--json]"))) {
        return;
    }
    m_client.assembleSaved([this](const ClientResult<QList<SavedMappingState>> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        const auto &saved = result.value();
        if (m_options.json) {
            QJsonArray array;
            for (const SavedMappingState &state : saved) {
                array.append(savedJson(state));
            }
            printJson(array);
        } else {
            QList<QStringList> rows{
                {QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("REASON")}};
            for (const SavedMappingState &state : saved) {
                rows.append({state.name, state.state, state.reason});
            }
            printTable(rows);
        }
        finish(ExitOk);
    });
}

} // namespace Volmap
