#pragma once

#include <QString>

/*
 * Names shared by the helper and its clients: the D-Bus service, the
 * named errors and the polkit actions. The contract itself is
 * resources/dbus/org.volmap.Helper1.xml.
 */
namespace Volmap::HelperProtocol {

inline QString serviceName() { return QStringLiteral("org.volmap.Helper1"); }
inline QString objectPath() { return QStringLiteral("/org/volmap/Helper1"); }
inline QString interfaceName() { return QStringLiteral("org.volmap.Helper1"); }

/* The project's own device-mapper target. */
inline constexpr QStringView BasicTargetName = u"basic_target";

namespace Error {
inline QString notAuthorized() { return QStringLiteral("org.volmap.Helper1.Error.NotAuthorized"); }
inline QString dismissed() { return QStringLiteral("org.volmap.Helper1.Error.Dismissed"); }
inline QString noAuthenticationAgent() { return QStringLiteral("org.volmap.Helper1.Error.NoAuthenticationAgent"); }
inline QString invalidArgument() { return QStringLiteral("org.volmap.Helper1.Error.InvalidArgument"); }
inline QString notFound() { return QStringLiteral("org.volmap.Helper1.Error.NotFound"); }
inline QString exists() { return QStringLiteral("org.volmap.Helper1.Error.Exists"); }
inline QString busy() { return QStringLiteral("org.volmap.Helper1.Error.Busy"); }
inline QString deviceInUse() { return QStringLiteral("org.volmap.Helper1.Error.DeviceInUse"); }
inline QString readOnlyDevice() { return QStringLiteral("org.volmap.Helper1.Error.ReadOnlyDevice"); }
inline QString overlap() { return QStringLiteral("org.volmap.Helper1.Error.Overlap"); }
inline QString kernelUnsupported() { return QStringLiteral("org.volmap.Helper1.Error.KernelUnsupported"); }
inline QString moduleUnavailable() { return QStringLiteral("org.volmap.Helper1.Error.ModuleUnavailable"); }
inline QString failed() { return QStringLiteral("org.volmap.Helper1.Error.Failed"); }
inline QString limitsExceeded() { return QStringLiteral("org.volmap.Helper1.Error.LimitsExceeded"); }
inline QString noStableIdentity() { return QStringLiteral("org.volmap.Helper1.Error.NoStableIdentity"); }
} // namespace Error

namespace Action {
inline QString create() { return QStringLiteral("org.volmap.helper.create"); }
inline QString reload() { return QStringLiteral("org.volmap.helper.reload"); }
inline QString remove() { return QStringLiteral("org.volmap.helper.remove"); }
inline QString loadModule() { return QStringLiteral("org.volmap.helper.load-module"); }
inline QString read() { return QStringLiteral("org.volmap.helper.read"); }
inline QString resetCounters() { return QStringLiteral("org.volmap.helper.reset-counters"); }
inline QString resetCountersOfOthers() { return QStringLiteral("org.volmap.helper.reset-counters-other-user"); }
inline QString manageForeign() { return QStringLiteral("org.volmap.helper.manage-foreign"); }
inline QString persist() { return QStringLiteral("org.volmap.helper.persist"); }
} // namespace Action

} // namespace Volmap::HelperProtocol
