// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Where the helper is on the bus and the option keys volmapctl's plain
// commands send, spelt once in plain C++: HelperProtocol (Qt) returns
// these, and the plain commands (libdbus, no Qt) use them as they are.

namespace Volmap::HelperBusName {

inline constexpr char Service[] = "org.volmap.Helper1";
inline constexpr char ObjectPath[] = "/org/volmap/Helper1";
inline constexpr char Interface[] = "org.volmap.Helper1";

} // namespace Volmap::HelperBusName

namespace Volmap::HelperOptionName {

inline constexpr char Interactive[] = "interactive";
inline constexpr char Deferred[] = "deferred";
inline constexpr char KeepDefinition[] = "keep-definition";

} // namespace Volmap::HelperOptionName
