// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The table grammar's message texts, plain C++: the source texts of the
// "TableMessages" catalogue context, which the Qt side translates
// (QCoreApplication::translate) and volmapctl's plain commands print as
// they are, formatted by formatMessage() exactly as QString::arg would.

#include "tablegrammar.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace Volmap::Grammar {

// The catalogue context, as Q_DECLARE_TR_FUNCTIONS(TableMessages) names it.
inline constexpr const char *MessageContext = "TableMessages";

// What fills a problem text's %1 (ProblemAt carries it).
enum class ProblemArgument { None, Number, Field };

const char *problemText(Problem problem);
ProblemArgument problemArgument(Problem problem);

// "line %1: %2": an issue with its line (TableIssue::toString()).
const char *lineMessageText();
// "and %1 more problems": the last issue when some were left out.
const char *moreProblemsText();

/*
 * `text` with %1 .. %9 replaced by the arguments, in one pass (so an
 * argument's own "%1" stays as it is), a placeholder without an argument
 * kept: QString::arg's result for the texts above.
 */
std::string formatMessage(std::string_view text, std::initializer_list<std::string_view> arguments);

} // namespace Volmap::Grammar
