// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "done.h"
#include "helperprotocol.h"

#include <QString>

#include <utility>
#include <variant>

namespace Volmap {

/* A named D-Bus error (HelperProtocol::Error) and a message for people. */
struct HelperError
{
    QString name;
    QString message;
};

inline HelperError invalidArgument(const QString &message)
{
    return {HelperProtocol::Error::invalidArgument(), message};
}

inline HelperError failure(const QString &message)
{
    return {HelperProtocol::Error::failed(), message};
}

/* The result of a privileged step: a value or the error that stopped it. */
template<typename T>
class Outcome
{
public:
    Outcome(T value)
        : m_state(std::move(value))
    {}
    Outcome(HelperError error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const HelperError &error() const { return std::get<HelperError>(m_state); }

private:
    std::variant<T, HelperError> m_state;
};

} // namespace Volmap
