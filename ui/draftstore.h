// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Volmap {

/*
 * The table a person was building and has neither created nor applied:
 * what the window saves as it changes and offers back on the next start,
 * so quitting (or a crash) loses no work.
 */
struct Draft
{
    QString tableText;   // dmsetup table text
    QString mappingName; // the name typed for a new mapping
    bool readOnly = false;
    QString editedMapping; // the live mapping it changes; "" for a new one

    bool operator==(const Draft &) const = default;
};

/*
 * One draft as a small JSON file, written atomically. The default path is
 * draft.json under QStandardPaths::AppDataLocation (tests turn on
 * QStandardPaths' test mode).
 */
class DraftStore final
{
public:
    explicit DraftStore(const QString &path = defaultPath());

    static QString defaultPath();
    QString path() const { return m_path; }

    /* nullopt when there is none, or it cannot be read as a draft. */
    std::optional<Draft> load() const;
    bool save(const Draft &draft) const;
    void discard() const;

private:
    QString m_path;
};

} // namespace Volmap
