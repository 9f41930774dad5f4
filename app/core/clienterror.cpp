#include "clienterror.h"

#include "helperprotocol.h"

#include <QDBusError>

namespace Volmap {

ClientError ClientError::fromDBus(const QDBusError &error)
{
    namespace E = HelperProtocol::Error;
    const QString name = error.name();
    struct Known
    {
        QString name;
        ClientErrorKind kind;
    };
    const Known known[] = {
        {E::notAuthorized(), ClientErrorKind::NotAuthorized},
        {E::dismissed(), ClientErrorKind::Dismissed},
        {E::noAuthenticationAgent(), ClientErrorKind::NoAuthenticationAgent},
        {E::invalidArgument(), ClientErrorKind::InvalidArgument},
        {E::notFound(), ClientErrorKind::NotFound},
        {E::exists(), ClientErrorKind::Exists},
        {E::busy(), ClientErrorKind::Busy},
        {E::deviceInUse(), ClientErrorKind::DeviceInUse},
        {E::overlap(), ClientErrorKind::Overlap},
        {E::kernelUnsupported(), ClientErrorKind::KernelUnsupported},
        {E::moduleUnavailable(), ClientErrorKind::ModuleUnavailable},
        {E::failed(), ClientErrorKind::Failed},
    };
    for (const Known &entry : known) {
        if (entry.name == name) {
            return {entry.kind, error.message(), name};
        }
    }
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
        return {ClientErrorKind::HelperMissing,
                QStringLiteral("the Volume Mapper helper (org.volmap.Helper1) is not installed or cannot be started; "
                               "install the volmap-helper package"),
                name};
    case QDBusError::AccessDenied:
        return {ClientErrorKind::NotAuthorized,
                QStringLiteral("the system bus refused the call: %1").arg(error.message()), name};
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return {ClientErrorKind::Timeout,
                QStringLiteral("the helper did not answer in time (%1)").arg(error.message()), name};
    case QDBusError::Disconnected:
        return {ClientErrorKind::NoSystemBus,
                QStringLiteral("no connection to the D-Bus system bus: %1").arg(error.message()), name};
    default:
        return {ClientErrorKind::Failed, error.message(), name};
    }
}

QString ClientError::title() const
{
    switch (kind) {
    case ClientErrorKind::NotAuthorized:
        return QStringLiteral("Not authorized");
    case ClientErrorKind::Dismissed:
        return QStringLiteral("Authentication dismissed");
    case ClientErrorKind::NoAuthenticationAgent:
        return QStringLiteral("No authentication agent");
    case ClientErrorKind::HelperMissing:
        return QStringLiteral("Helper not installed");
    case ClientErrorKind::NoSystemBus:
        return QStringLiteral("No system bus");
    case ClientErrorKind::KernelUnsupported:
        return QStringLiteral("Kernel without device-mapper");
    case ClientErrorKind::ModuleUnavailable:
        return QStringLiteral("Kernel module not available");
    case ClientErrorKind::Busy:
        return QStringLiteral("Busy");
    case ClientErrorKind::DeviceInUse:
        return QStringLiteral("Device in use");
    case ClientErrorKind::Overlap:
        return QStringLiteral("Overlaps another mapping");
    case ClientErrorKind::InvalidArgument:
        return QStringLiteral("Invalid input");
    case ClientErrorKind::NotFound:
        return QStringLiteral("No such mapping");
    case ClientErrorKind::Exists:
        return QStringLiteral("Mapping exists");
    case ClientErrorKind::Timeout:
        return QStringLiteral("No answer");
    case ClientErrorKind::Failed:
        break;
    }
    return QStringLiteral("Failed");
}

} // namespace Volmap
