// SPDX-License-Identifier: GPL-2.0-or-later
#include "plaintable.h"

#include "tablemessagetexts.h"

namespace Volmap::Grammar {

namespace {

using Fields = std::vector<std::string_view>;

class PlainSink
{
public:
    PlainSink(PlainParsedTable &table, std::ptrdiff_t maxIssues)
        : m_table(table)
        , m_maxIssues(maxIssues)
    {}

    void segment(const SegmentAt<char, Fields> &at)
    {
        m_table.segments.push_back(
            {at.start, at.length, at.target, {at.fields.begin() + 3, at.fields.end()}, at.line});
    }

    void problem(const ProblemAt<char> &at)
    {
        if (std::ptrdiff_t(m_table.issues.size()) >= m_maxIssues) {
            ++m_leftOut;
            return;
        }
        m_table.issues.push_back({-1, at.line, messageOf(at)});
    }

    // The last issue, when some were left out.
    void finish()
    {
        if (m_leftOut > 0) {
            m_table.issues.push_back({-1, 0, formatMessage(moreProblemsText(), {std::to_string(m_leftOut)})});
        }
    }

private:
    static std::string messageOf(const ProblemAt<char> &at)
    {
        switch (problemArgument(at.problem)) {
        case ProblemArgument::Number:
            return formatMessage(problemText(at.problem), {std::to_string(at.number)});
        case ProblemArgument::Field:
            return formatMessage(problemText(at.problem), {quotedInput(at.field)});
        case ProblemArgument::None:
            break;
        }
        return problemText(at.problem);
    }

    PlainParsedTable &m_table;
    std::ptrdiff_t m_maxIssues;
    std::ptrdiff_t m_leftOut = 0;
};

} // namespace

bool isAscii(std::string_view text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 0x7f) {
            return false;
        }
    }
    return true;
}

PlainParsedTable parsePlainTable(std::string_view text, const GrammarLimits &limits, std::ptrdiff_t maxIssues)
{
    PlainParsedTable table;
    PlainSink sink(table, maxIssues);
    Fields fields;
    parseLines(text, limits, fields, sink);
    sink.finish();
    return table;
}

std::string issueText(const PlainIssue &issue)
{
    return issue.line > 0 ? formatMessage(lineMessageText(), {std::to_string(issue.line), issue.message})
                          : issue.message;
}

} // namespace Volmap::Grammar
