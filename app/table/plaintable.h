// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The table grammar for volmapctl's plain (Qt-free) commands: the text of a
// table file as bytes, parsed by the grammar parseTable() uses, with the
// same (untranslated) messages. The plain path takes pure-ASCII files only
// and leaves anything else to the Qt path, whose quoting counts UTF-16
// code units.

#include "tablegrammar.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace Volmap::Grammar {

// A segment as parsed: views into the text it was parsed from.
struct PlainSegment
{
    std::uint64_t start = 0;
    std::uint64_t length = 0;
    std::string_view target;
    std::vector<std::string_view> args;
    int line = 0;
};

// TableIssue's plain twin: `line` 0 for the table as a whole.
struct PlainIssue
{
    int segment = -1;
    int line = 0;
    std::string message;
};

struct PlainParsedTable
{
    std::vector<PlainSegment> segments;
    std::vector<PlainIssue> issues;

    bool ok() const { return issues.empty(); }
};

// Only a table in pure ASCII may take the plain path.
bool isAscii(std::string_view text);

/*
 * parseTable() for ASCII text: the same segments and issues, messages
 * included, at most `maxIssues` of them and then one that counts the rest.
 */
PlainParsedTable parsePlainTable(std::string_view text, const GrammarLimits &limits = {},
                                 std::ptrdiff_t maxIssues = std::numeric_limits<std::ptrdiff_t>::max());

// "line N: message" for an issue with a line, the message alone otherwise.
std::string issueText(const PlainIssue &issue);

} // namespace Volmap::Grammar
