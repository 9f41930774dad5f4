// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "saveddefinition.h"

#include <QList>
#include <QString>

#include <optional>

namespace Volmap {

/*
 * The saved definitions: one file per mapping, <root>/etc/volmap/mappings.d/
 * <name>.mapping. A file is used only if it is a regular file (not a
 * symlink), owned by `owner` (root), not group- or world-writable, at most
 * DefinitionFormat::MaxBytes long, well-formed, and names the mapping its
 * file name names; the directory must be a root-owned directory that is
 * not group- or world-writable either. Every refusal is logged (category
 * volmap.persist) with its reason. Writes are atomic: a temporary file in
 * the directory, fsync, rename over the old file, fsync of the directory,
 * so a crash leaves the old definition or the new one, never half of one.
 * `root` prefixes the path so tests use a scratch tree.
 */
class DefinitionStore final
{
public:
    explicit DefinitionStore(const QString &root = QString(), uint owner = 0);

    struct Entry
    {
        QString name;                                // from the file name
        Result<SavedDefinition, QString> definition; // or why the file is refused
    };

    QString directory() const;
    QString pathOf(const QString &name) const;
    /* Every <name>.mapping file, sorted by name; at most MaxFiles. */
    QList<Entry> readAll() const;
    /* The definition of `name`; std::nullopt if no file exists, a reason if it is refused. */
    std::optional<Result<SavedDefinition, QString>> read(const QString &name) const;
    /* Writes (or atomically replaces) the definition of definition.name; the reason on failure. */
    Result<Done, QString> write(const SavedDefinition &definition) const;

    /*
     * write() in two steps, so a change of the live table and of its saved
     * definition stand or fall together: stage() writes and syncs the new
     * text beside the old file; commit() renames it over the old one,
     * discard() drops it and leaves the old one as it was.
     */
    struct Staged
    {
        QString name;
        QString temporaryPath;
    };
    Result<Staged, QString> stage(const SavedDefinition &definition) const;
    Result<Done, QString> commit(const Staged &staged) const;
    void discard(const Staged &staged) const;
    /* Removes the definition of `name` (no file: nothing to do); the reason on failure. */
    Result<Done, QString> remove(const QString &name) const;

    static constexpr qsizetype MaxFiles = 4096;
    static constexpr QStringView Suffix = u".mapping";

private:
    Result<Done, QString> checkDirectory() const;
    Result<SavedDefinition, QString> readFile(const QString &name) const;

    QString m_root;
    uint m_owner;
};

} // namespace Volmap
