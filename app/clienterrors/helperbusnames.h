// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Where the helper is on the bus, the option keys volmapctl's plain
// commands send and how long a table may travel as a string, spelt once in
// plain C++: HelperProtocol and Admission (Qt) use these, and the plain
// commands (libdbus, no Qt) use them as they are.

#include <cstddef>

namespace Volmap::HelperBusName {

inline constexpr char Service[] = "org.volmap.Helper1";
inline constexpr char ObjectPath[] = "/org/volmap/Helper1";
inline constexpr char Interface[] = "org.volmap.Helper1";

} // namespace Volmap::HelperBusName

namespace Volmap::HelperOptionName {

inline constexpr char Interactive[] = "interactive";
inline constexpr char Deferred[] = "deferred";
inline constexpr char KeepDefinition[] = "keep-definition";
inline constexpr char ReadOnly[] = "read-only";
inline constexpr char Persistent[] = "persistent";

} // namespace Volmap::HelperOptionName

namespace Volmap::HelperTableText {

/*
 * The longest table text the helper reads from a call's `table` string
 * before polkit is asked (Admission::MaxTextReadBeforeAuthorization, in
 * characters; a longer table travels in a sealed memfd).
 */
inline constexpr std::size_t MaxInCall = 64 * 1024;

} // namespace Volmap::HelperTableText
