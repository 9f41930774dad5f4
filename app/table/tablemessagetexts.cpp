// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablemessagetexts.h"

#include <iterator>

// lupdate reads these marks; Qt defines the same macro the same way.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace Volmap::Grammar {

namespace {

// In Problem's order.
constexpr const char *ProblemTexts[] = {
    QT_TRANSLATE_NOOP("TableMessages", "more than %1 fields"),
    QT_TRANSLATE_NOOP("TableMessages", "contains a control character"),
    QT_TRANSLATE_NOOP("TableMessages", "expected <start> <length> <target> [arguments]"),
    QT_TRANSLATE_NOOP("TableMessages", "start %1 is not a decimal sector number"),
    QT_TRANSLATE_NOOP("TableMessages", "length %1 is not a decimal sector number"),
    QT_TRANSLATE_NOOP("TableMessages", "%1 is not a target name"),
    QT_TRANSLATE_NOOP("TableMessages", "the table has more than %1 segments"),
};
static_assert(std::size(ProblemTexts) == std::size_t(Problem::TooManySegments) + 1);

} // namespace

const char *problemText(Problem problem)
{
    return ProblemTexts[std::size_t(problem)];
}

ProblemArgument problemArgument(Problem problem)
{
    switch (problem) {
    case Problem::TooManyFields:
    case Problem::TooManySegments:
        return ProblemArgument::Number;
    case Problem::BadStart:
    case Problem::BadLength:
    case Problem::BadTargetName:
        return ProblemArgument::Field;
    case Problem::ControlCharacter:
    case Problem::TooFewFields:
        break;
    }
    return ProblemArgument::None;
}

const char *lineMessageText()
{
    return QT_TRANSLATE_NOOP("TableMessages", "line %1: %2");
}

const char *moreProblemsText()
{
    return QT_TRANSLATE_NOOP("TableMessages", "and %1 more problems");
}

std::string formatMessage(std::string_view text, std::initializer_list<std::string_view> arguments)
{
    std::string message;
    message.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        const std::size_t index = std::size_t(next - '1');
        if (text[i] == '%' && next >= '1' && next <= '9' && index < arguments.size()) {
            message += arguments.begin()[index];
            ++i;
        } else {
            message += text[i];
        }
    }
    return message;
}

} // namespace Volmap::Grammar
