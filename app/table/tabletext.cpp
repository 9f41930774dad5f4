// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabletext.h"

#include "tablegrammar.h"
#include "tablemessagetexts.h"

#include <QVarLengthArray>

#include <optional>

namespace Volmap {

namespace {

// A line's fields: on the stack for any line of our targets' grammar.
using Fields = QVarLengthArray<std::u16string_view, 8>;

std::u16string_view plainView(QStringView text)
{
    return {text.utf16(), std::size_t(text.size())};
}

QStringView qtView(std::u16string_view text)
{
    return QStringView(text.data(), qsizetype(text.size()));
}

QString translated(const char *text)
{
    return QCoreApplication::translate(Grammar::MessageContext, text);
}

// The grammar's segments and problems as a ParsedTable's segments and issues.
class TableSink
{
public:
    TableSink(QList<Segment> &segments, IssueCollector &issues)
        : m_segments(segments)
        , m_issues(issues)
    {}

    /*
     * A large table repeats the target and the first argument on every
     * line: a segment that shares the last one's strings costs no allocation.
     */
    void segment(const Grammar::SegmentAt<char16_t, Fields> &at)
    {
        if (!at.sameTargetAsLast) {
            m_lastTarget = qtView(at.target).toString();
        }
        Segment &segment = m_segments.emplaceBack();
        segment.start = at.start;
        segment.length = at.length;
        segment.target = m_lastTarget;
        segment.line = at.line;
        const qsizetype fieldCount = at.fields.size();
        if (fieldCount == 3) {
            return;
        }
        segment.args.reserve(fieldCount - 3);
        const QStringView first = qtView(at.fields[3]);
        if (m_lastFirstArgument != first) {
            m_lastFirstArgument = first.toString();
        }
        segment.args.append(m_lastFirstArgument);
        for (qsizetype i = 4; i < fieldCount; ++i) {
            segment.args.append(qtView(at.fields[i]).toString());
        }
    }

    void problem(const Grammar::ProblemAt<char16_t> &at)
    {
        const QString text = translated(Grammar::problemText(at.problem));
        switch (Grammar::problemArgument(at.problem)) {
        case Grammar::ProblemArgument::Number:
            return m_issues.add(-1, at.line, text.arg(at.number));
        case Grammar::ProblemArgument::Field:
            return m_issues.add(-1, at.line, text.arg(quotedInput(qtView(at.field))));
        case Grammar::ProblemArgument::None:
            break;
        }
        m_issues.add(-1, at.line, text);
    }

private:
    QList<Segment> &m_segments;
    IssueCollector &m_issues;
    QString m_lastTarget;
    QString m_lastFirstArgument;
};

} // namespace

QString TableIssue::toString() const
{
    return line > 0 ? translated(Grammar::lineMessageText()).arg(line).arg(message) : message;
}

QString quotedInput(QStringView text)
{
    const std::u16string quoted = Grammar::quotedInput(plainView(text));
    return qtView(quoted).toString();
}

std::optional<quint64> parseDecimal(QStringView text)
{
    return Grammar::parseDecimal(plainView(text));
}

/*
 * The segment list grows as lines turn out to be segments (Segment is
 * relocatable, so growing moves memory, not strings): counting the lines
 * first cost a tenth of the parse.
 */
ParsedTable parseTable(QStringView text, const TableLimits &limits)
{
    ParsedTable result;
    IssueCollector issues(limits.maxIssues);
    TableSink sink(result.table.segments, issues);
    Fields fields;
    Grammar::parseLines(plainView(text), Grammar::GrammarLimits{limits.maxSegments, limits.maxFieldsPerLine},
                        fields, sink);
    result.issues = issues.take();
    return result;
}

QString formatSegment(const Segment &segment)
{
    QString line = QString::number(segment.start) + u' ' + QString::number(segment.length) + u' '
                   + segment.target;
    for (const QString &arg : segment.args) {
        line += u' ';
        line += arg;
    }
    return line;
}

QString formatTable(const MappingTable &table)
{
    QString text;
    text.reserve(table.segments.size() * 48);
    for (const Segment &segment : table.segments) {
        text += formatSegment(segment);
        text += u'\n';
    }
    return text;
}

} // namespace Volmap
