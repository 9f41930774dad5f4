// SPDX-License-Identifier: GPL-2.0-or-later
#include "draftstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Volmap {

namespace {
// Room for the largest table the editor imports (16 MiB) in JSON escapes.
constexpr qint64 MaxDraftBytes = 40 * 1024 * 1024;
} // namespace

DraftStore::DraftStore(const QString &path)
    : m_path(path)
{}

QString DraftStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/draft.json");
}

std::optional<Draft> DraftStore::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxDraftBytes) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Draft draft;
    draft.tableText = object.value(QStringLiteral("table")).toString();
    draft.mappingName = object.value(QStringLiteral("name")).toString();
    draft.readOnly = object.value(QStringLiteral("readOnly")).toBool();
    draft.editedMapping = object.value(QStringLiteral("editedMapping")).toString();
    if (draft.tableText.trimmed().isEmpty()) {
        return std::nullopt;
    }
    return draft;
}

bool DraftStore::save(const Draft &draft) const
{
    QDir().mkpath(QFileInfo(m_path).path());
    QJsonObject object;
    object.insert(QStringLiteral("table"), draft.tableText);
    object.insert(QStringLiteral("name"), draft.mappingName);
    object.insert(QStringLiteral("readOnly"), draft.readOnly);
    object.insert(QStringLiteral("editedMapping"), draft.editedMapping);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(QJsonDocument(object).toJson());
    return file.commit();
}

void DraftStore::discard() const
{
    QFile::remove(m_path);
}

} // namespace Volmap
