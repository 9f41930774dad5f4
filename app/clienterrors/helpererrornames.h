// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The helper's named errors, spelt once, in plain C++: HelperProtocol::Error
// (Qt, both sides of the bus) returns these, and volmapctl's plain
// commands compare them without Qt. The contract documents each
// (resources/dbus/org.volmap.Helper1.xml; tst_helperprotocol checks).

namespace Volmap::HelperErrorName {

inline constexpr char NotAuthorized[] = "org.volmap.Helper1.Error.NotAuthorized";
inline constexpr char Dismissed[] = "org.volmap.Helper1.Error.Dismissed";
inline constexpr char NoAuthenticationAgent[] = "org.volmap.Helper1.Error.NoAuthenticationAgent";
inline constexpr char InvalidArgument[] = "org.volmap.Helper1.Error.InvalidArgument";
inline constexpr char NotFound[] = "org.volmap.Helper1.Error.NotFound";
inline constexpr char Exists[] = "org.volmap.Helper1.Error.Exists";
inline constexpr char Busy[] = "org.volmap.Helper1.Error.Busy";
inline constexpr char DeviceInUse[] = "org.volmap.Helper1.Error.DeviceInUse";
inline constexpr char ReadOnlyDevice[] = "org.volmap.Helper1.Error.ReadOnlyDevice";
inline constexpr char Overlap[] = "org.volmap.Helper1.Error.Overlap";
inline constexpr char KernelUnsupported[] = "org.volmap.Helper1.Error.KernelUnsupported";
inline constexpr char ModuleUnavailable[] = "org.volmap.Helper1.Error.ModuleUnavailable";
inline constexpr char Failed[] = "org.volmap.Helper1.Error.Failed";
inline constexpr char LimitsExceeded[] = "org.volmap.Helper1.Error.LimitsExceeded";
inline constexpr char NoStableIdentity[] = "org.volmap.Helper1.Error.NoStableIdentity";

} // namespace Volmap::HelperErrorName
