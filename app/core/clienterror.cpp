// SPDX-License-Identifier: GPL-2.0-or-later
#include "clienterror.h"

#include "clienterrortable.h"

#include <QCoreApplication>
#include <QDBusError>

namespace Volmap {

ClientError ClientError::fromDBus(const QDBusError &error)
{
    const QString name = error.name();
    const DBusErrorMeaning meaning = meaningOfDBusError(name.toStdString());
    if (!meaning.messageText) {
        return {meaning.kind, error.message(), name};
    }
    QString message = QCoreApplication::translate(ClientErrorTextContext, meaning.messageText);
    if (message.contains(u"%1")) {
        message = message.arg(error.message());
    }
    return {meaning.kind, message, name};
}

QString ClientError::title() const
{
    return QCoreApplication::translate(ClientErrorTextContext, titleText(kind));
}

QString ClientError::advice() const
{
    switch (kind) {
    case ClientErrorKind::NotAuthorized:
        return tr(
            "Your account is not allowed to do this. Ask an administrator, or sign in as one when asked.");
    case ClientErrorKind::Dismissed:
        return tr(
            "The password prompt was closed, so nothing was changed. Try again and authenticate to go on.");
    case ClientErrorKind::NoAuthenticationAgent:
        return tr(
            "No polkit authentication agent is running in this session, so nobody could be asked for a "
            "password. Start your desktop's authentication agent (it runs in any full desktop session) and "
            "try again.");
    case ClientErrorKind::HelperMissing:
        return tr(
            "Install the volmap-helper package, which provides the system service that changes mappings.");
    case ClientErrorKind::NoSystemBus:
        return tr(
            "The D-Bus system bus is not running or not reachable. Start dbus (systemctl start dbus) and "
            "try again.");
    case ClientErrorKind::KernelUnsupported:
        return tr(
            "The running kernel has no device-mapper support. Boot a kernel with CONFIG_BLK_DEV_DM, or load "
            "the dm-mod module.");
    case ClientErrorKind::ModuleUnavailable:
        return tr("The basic_target kernel module is not installed for the running kernel. Install the "
                  "basic-target-dkms package (and this kernel's headers), or use linear segments.");
    case ClientErrorKind::Busy:
        return tr(
            "The kernel or the helper is busy with this device right now. Wait a moment and try again.");
    case ClientErrorKind::LimitsExceeded:
        return tr("Too many of your requests are waiting for authorization. Answer or cancel the open "
                  "authentication dialogs, then try again.");
    case ClientErrorKind::DeviceInUse:
        return tr("Something uses it: a mount, swap, a program, or another mapping or RAID array. Unmount or "
                  "stop that first, or pick another device. An open mapping can also be removed with Remove "
                  "When Unused.");
    case ClientErrorKind::Overlap:
        return tr(
            "Another mapping already uses part of this range. Change the offset or length so the ranges do "
            "not overlap.");
    case ClientErrorKind::ReadOnlyDevice:
        return tr("The device can only be read (a write-protect switch, a read-only medium or its ro flag). "
                  "Create the mapping read-only, or pick another device.");
    case ClientErrorKind::InvalidArgument:
        return tr("Fix the marked problem and try again.");
    case ClientErrorKind::NotFound:
        return tr("The mapping is gone; the list has been refreshed.");
    case ClientErrorKind::Exists:
        return tr("Choose another name for the new mapping.");
    case ClientErrorKind::Timeout:
        return tr(
            "The helper did not answer. Check the system log (journalctl -u volmap-helper) and try again.");
    case ClientErrorKind::NoStableIdentity:
        // The helper's message names the device and why; this says what to do.
        return tr(
            "Nothing was created or saved. A mapping recreated at startup must find each device again by "
            "something that survives a restart: a disk's WWN or serial number, a partition's PARTUUID, a "
            "loop device's backing file. Use such devices, or leave “Recreate at startup” unticked.");
    case ClientErrorKind::Failed:
        break;
    }
    return tr("Check the system log (journalctl -u volmap-helper) for details.");
}

} // namespace Volmap
