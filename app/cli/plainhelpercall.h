// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterrorkind.h"
#include "result.h"

#include <dbus/dbus.h>

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace Volmap {

// Owners of libdbus handles.
struct DBusMessageRelease
{
    void operator()(DBusMessage *message) const { dbus_message_unref(message); }
};
using DBusMessagePtr = std::unique_ptr<DBusMessage, DBusMessageRelease>;

struct DBusPendingCallRelease
{
    void operator()(DBusPendingCall *call) const { dbus_pending_call_unref(call); }
};
using DBusPendingCallPtr = std::unique_ptr<DBusPendingCall, DBusPendingCallRelease>;

// A private connection must be closed before its last reference goes.
struct DBusConnectionRelease
{
    void operator()(DBusConnection *connection) const
    {
        dbus_connection_close(connection);
        dbus_connection_unref(connection);
    }
};
using DBusConnectionPtr = std::unique_ptr<DBusConnection, DBusConnectionRelease>;

/* Why a plain helper call failed: ClientError without Qt, classified by the same table. */
struct PlainClientError
{
    ClientErrorKind kind = ClientErrorKind::Failed;
    std::string message;  // untranslated: volmapctl installs no translator
    std::string dbusName; // empty when no connection could be made

    static PlainClientError fromDBus(std::string_view name, std::string_view message);
    /* The heading and message on one line, as Volmapctl::fail prints them. */
    std::string line() const;
};

/*
 * A method call of the helper's interface at its object path (arguments
 * to be appended), for callHelper. Never null: libdbus aborts when memory
 * runs out.
 */
DBusMessagePtr newHelperCall(const char *method);

/* One entry of a call's `a{sv} options` whose value is a boolean. */
struct BoolOption
{
    const char *key; // HelperOptionName
    bool value;
};
/* Appends `text` (valid UTF-8, as D-Bus requires) and then the options `a{sv}` to `call`. */
void appendString(DBusMessage *call, const char *text);
void appendOptions(DBusMessage *call, std::span<const BoolOption> options);

/* A reply's first argument if it is a string (as QDBusPendingReply<QString> reads it), else "". */
std::string firstString(DBusMessage *reply);

/*
 * Calls the helper on a connection of its own to the system bus (libdbus
 * honours DBUS_SYSTEM_BUS_ADDRESS), waiting up to HelperClient's 10
 * minutes: a one-shot command has nothing else to do meanwhile. The
 * reply, or why there is none: NoSystemBus if no connection could be
 * made, else the error the call ended in (ClientError::fromDBus's kinds).
 */
Result<DBusMessagePtr, PlainClientError> callHelper(DBusMessage *call);

/*
 * `method` with `strings` and then `options` through callHelper, as the
 * helper commands module calls it: with `interactive`, a terminal's
 * password agent runs meanwhile; without, the options also tell the helper
 * that nobody can be asked.
 */
Result<DBusMessagePtr, PlainClientError> callHelperAsking(const char *method,
                                                          std::initializer_list<std::string_view> strings,
                                                          std::vector<BoolOption> options, bool interactive);

/* Says why a call failed, on stderr as Volmapctl::fail says it; the exit code for it. */
int reportFailure(const PlainClientError &error);

} // namespace Volmap
