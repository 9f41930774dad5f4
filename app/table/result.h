// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "done.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace Volmap {

/* An error on its way into a Result, like std::unexpected: the wrapper makes
 * the direction explicit, so Result<QString, QString> is never ambiguous. */
template<typename E>
struct Failure
{
    E error;
};

template<typename E>
Failure<std::decay_t<E>> fail(E &&error)
{
    return {std::forward<E>(error)};
}

/* A value or the error that stopped it, shaped like C++23's std::expected
 * (which Debian 12's g++ 12 lacks). A step that produces nothing returns
 * Result<Done, E>; there is no Result<void, E>. */
template<typename T, typename E>
class Result
{
public:
    using value_type = T;
    using error_type = E;

    // Like std::expected: a default-constructed Result holds T().
    Result()
        requires std::is_default_constructible_v<T>
        : m_state(std::in_place_index<0>)
    {}
    template<
        typename U = T,
        std::enable_if_t<std::is_convertible_v<U &&, T> && !std::is_same_v<std::decay_t<U>, Result>, int> = 0>
    Result(U &&value)
        : m_state(std::in_place_index<0>, std::forward<U>(value))
    {}
    template<typename G>
    Result(Failure<G> failure)
        : m_state(std::in_place_index<1>, std::move(failure.error))
    {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const & { return std::get<1>(m_state); }
    E &error() & { return std::get<1>(m_state); }
    E &&error() && { return std::get<1>(std::move(m_state)); }

    template<typename U>
    T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }
    template<typename U>
    T value_or(U &&fallback) &&
    {
        return has_value() ? std::move(*this).value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    // Indexed access keeps T == E (Result<QString, QString>) well-formed.
    std::variant<T, E> m_state;
};

} // namespace Volmap
