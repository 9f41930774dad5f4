// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tablemessagetexts.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace Volmap {

/*
 * The catalogue context of the table code's messages (parse, validate,
 * device references, names, sizes). Plain QCoreApplication::translate, so
 * this stays Qt Core: the app installs a translator and shows them in the
 * person's language; the helper installs none and logs and answers in
 * English.
 */
struct TableMessages
{
    Q_DECLARE_TR_FUNCTIONS(TableMessages)
};

/*
 * One line of a device-mapper table: `<start> <length> <target> <args...>`.
 * Sectors are 512 bytes, as everywhere in device-mapper. `line` remembers
 * where a parsed segment came from so messages can point at it.
 */
struct Segment
{
    quint64 start = 0;
    quint64 length = 0;
    QString target;
    QStringList args;
    int line = 0;

    quint64 end() const { return start + length; }
    bool operator==(const Segment &other) const
    {
        return start == other.start && length == other.length && target == other.target && args == other.args;
    }
};

} // namespace Volmap

// QString, QStringList and numbers: a QList<Segment> grows by moving memory.
Q_DECLARE_TYPEINFO(Volmap::Segment, Q_RELOCATABLE_TYPE);

namespace Volmap {

struct MappingTable
{
    QList<Segment> segments;

    quint64 lengthInSectors() const { return segments.isEmpty() ? 0 : segments.constLast().end(); }
    bool operator==(const MappingTable &other) const { return segments == other.segments; }
};

/*
 * A problem found in a table. `segment` indexes MappingTable::segments
 * (-1: the table as a whole); `line` is the 1-based source line (0: none).
 */
struct TableIssue
{
    int segment = -1;
    int line = 0;
    QString message;

    QString toString() const;
};

using TableIssues = QList<TableIssue>;

/*
 * Caps that keep a table, and what is said about it, within what the helper
 * will hand to the kernel and send back. maxIssues bounds the problems
 * listed: past it, one last issue says how many more there were.
 */
struct TableLimits
{
    qsizetype maxSegments = 100000;
    qsizetype maxTextLength = 16 * 1024 * 1024;
    qsizetype maxIssues = std::numeric_limits<qsizetype>::max();
    // Foreign targets (raid, multipath) take long parameter lists; ours at most two.
    qsizetype maxFieldsPerLine = std::numeric_limits<qsizetype>::max() - 1;
};

/*
 * Collects issues up to a cap; take() adds one last issue that counts the
 * ones left out, so a caller-controlled table cannot make the list (or the
 * message built from it) grow without bound.
 */
class IssueCollector
{
public:
    explicit IssueCollector(qsizetype maxIssues)
        : m_maxIssues(maxIssues)
    {}

    void add(int segment, int line, const QString &message)
    {
        if (m_issues.size() < m_maxIssues) {
            m_issues.append({segment, line, message});
        } else {
            ++m_leftOut;
        }
    }
    bool isEmpty() const { return m_issues.isEmpty(); }
    qsizetype count() const { return m_issues.size() + m_leftOut; }
    TableIssues take()
    {
        if (m_leftOut > 0) {
            m_issues.append({-1, 0,
                             QCoreApplication::translate(Grammar::MessageContext, Grammar::moreProblemsText())
                                 .arg(m_leftOut)});
            m_leftOut = 0;
        }
        return std::move(m_issues);
    }

private:
    qsizetype m_maxIssues;
    qsizetype m_leftOut = 0;
    TableIssues m_issues;
};

} // namespace Volmap
