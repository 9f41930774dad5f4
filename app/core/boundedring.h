// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

namespace Volmap {

/*
 * The newest `capacity` values appended, oldest first, in storage that is
 * taken once: when the capacity is set, not as the ring fills. The slots
 * are value-initialized then (zeroed, for plain structs), so their pages
 * are touched at once and a history that fills over minutes adds nothing
 * to the resident memory while it does. A full ring overwrites its oldest
 * value; a ring of capacity 0 keeps nothing.
 */
template<typename T>
class BoundedRing final
{
public:
    explicit BoundedRing(qsizetype capacity = 0)
        : m_slots(std::size_t(qMax<qsizetype>(0, capacity)))
    {}

    qsizetype capacity() const { return qsizetype(m_slots.size()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    /* Keeps the newest values that fit, in order; the same capacity again changes nothing. */
    void setCapacity(qsizetype capacity)
    {
        capacity = qMax<qsizetype>(0, capacity);
        if (capacity == this->capacity()) {
            return;
        }
        std::vector<T> slots(static_cast<std::size_t>(capacity));
        const qsizetype kept = qMin(m_size, capacity);
        for (qsizetype i = 0; i < kept; ++i) {
            slots[std::size_t(i)] = std::move(slot(m_size - kept + i));
        }
        m_slots.swap(slots);
        m_first = 0;
        m_size = kept;
    }

    void append(T value)
    {
        if (m_slots.empty()) {
            return;
        }
        if (m_size < capacity()) {
            slot(m_size) = std::move(value);
            ++m_size;
            return;
        }
        m_slots[std::size_t(m_first)] = std::move(value);
        m_first = (m_first + 1) % capacity();
    }

    void clear()
    {
        m_first = 0;
        m_size = 0;
    }

    /* 0 is the oldest value, size() - 1 the newest. */
    const T &at(qsizetype index) const
    {
        Q_ASSERT(index >= 0 && index < m_size);
        return m_slots[std::size_t((m_first + index) % capacity())];
    }
    const T &last() const { return at(m_size - 1); }

    /* For changing every value in place (e.g. moving a time base); same order as at(). */
    T &operator[](qsizetype index)
    {
        Q_ASSERT(index >= 0 && index < m_size);
        return slot(index);
    }

private:
    T &slot(qsizetype index) { return m_slots[std::size_t((m_first + index) % capacity())]; }

    std::vector<T> m_slots;
    qsizetype m_first = 0; // where the oldest value is
    qsizetype m_size = 0;
};

} // namespace Volmap
