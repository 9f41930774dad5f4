// SPDX-License-Identifier: GPL-2.0-or-later
#include "plainhelpercall.h"

#include "clienterrortable.h"
#include "ctlexit.h"
#include "helperbusnames.h"
#include "ttyauthenticationagent.h"

#include <cstdio>

namespace Volmap {

namespace {

// HelperClient's: authentication dialogs can stay open for minutes.
constexpr int CallTimeoutMs = 10 * 60 * 1000;

/* A DBusError that frees what libdbus put in it. */
class DBusErrorSlot
{
public:
    DBusErrorSlot() { dbus_error_init(&m_error); }
    ~DBusErrorSlot() { dbus_error_free(&m_error); }
    DBusErrorSlot(const DBusErrorSlot &) = delete;
    DBusErrorSlot &operator=(const DBusErrorSlot &) = delete;

    DBusError *get() { return &m_error; }
    std::string_view name() const { return m_error.name ? m_error.name : ""; }
    std::string_view message() const { return m_error.message ? m_error.message : ""; }

private:
    DBusError m_error;
};

/* An error reply's name and message: its first argument if that is a string, as QDBusError reads it. */
PlainClientError errorOfReply(DBusMessage *reply)
{
    const char *name = dbus_message_get_error_name(reply);
    const char *message = "";
    DBusMessageIter arguments;
    if (dbus_message_iter_init(reply, &arguments)
        && dbus_message_iter_get_arg_type(&arguments) == DBUS_TYPE_STRING) {
        dbus_message_iter_get_basic(&arguments, &message);
    }
    return PlainClientError::fromDBus(name ? name : "", message);
}

} // namespace

PlainClientError PlainClientError::fromDBus(std::string_view name, std::string_view message)
{
    const DBusErrorMeaning meaning = meaningOfDBusError(name);
    return {meaning.kind,
            meaning.messageText ? withDetail(meaning.messageText, message) : std::string(message),
            std::string(name)};
}

std::string PlainClientError::line() const
{
    return "volmapctl: " + std::string(titleText(kind)) + ": " + message + '\n';
}

DBusMessagePtr newHelperCall(const char *method)
{
    return DBusMessagePtr(dbus_message_new_method_call(HelperBusName::Service, HelperBusName::ObjectPath,
                                                       HelperBusName::Interface, method));
}

std::string firstString(DBusMessage *reply)
{
    const char *text = "";
    DBusMessageIter arguments;
    if (dbus_message_iter_init(reply, &arguments)
        && dbus_message_iter_get_arg_type(&arguments) == DBUS_TYPE_STRING) {
        dbus_message_iter_get_basic(&arguments, &text);
    }
    return text;
}

void appendString(DBusMessage *call, const char *text)
{
    DBusMessageIter arguments;
    dbus_message_iter_init_append(call, &arguments);
    dbus_message_iter_append_basic(&arguments, DBUS_TYPE_STRING, &text);
}

void appendOptions(DBusMessage *call, std::span<const BoolOption> options)
{
    // Only running out of memory fails these, which libdbus answers by aborting.
    DBusMessageIter arguments;
    DBusMessageIter map;
    dbus_message_iter_init_append(call, &arguments);
    dbus_message_iter_open_container(&arguments, DBUS_TYPE_ARRAY, "{sv}", &map);
    for (const BoolOption &option : options) {
        DBusMessageIter entry;
        DBusMessageIter variant;
        const dbus_bool_t value = option.value;
        dbus_message_iter_open_container(&map, DBUS_TYPE_DICT_ENTRY, nullptr, &entry);
        dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &option.key);
        dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, DBUS_TYPE_BOOLEAN_AS_STRING, &variant);
        dbus_message_iter_append_basic(&variant, DBUS_TYPE_BOOLEAN, &value);
        dbus_message_iter_close_container(&entry, &variant);
        dbus_message_iter_close_container(&map, &entry);
    }
    dbus_message_iter_close_container(&arguments, &map);
}

Result<DBusMessagePtr, PlainClientError> callHelper(DBusMessage *call)
{
    DBusErrorSlot error;
    // Private: libdbus's shared connection would outlive this call unowned.
    const DBusConnectionPtr bus(dbus_bus_get_private(DBUS_BUS_SYSTEM, error.get()));
    if (!bus) {
        return fail(PlainClientError{ClientErrorKind::NoSystemBus,
                                     withDetail(noSystemBusText(), error.message()),
                                     std::string(error.name())});
    }
    // A dropped bus ends the call with Disconnected, not the process.
    dbus_connection_set_exit_on_disconnect(bus.get(), false);
    DBusPendingCall *sent = nullptr;
    if (!dbus_connection_send_with_reply(bus.get(), call, &sent, CallTimeoutMs) || !sent) {
        // libdbus gives no pending call on a connection that is already closed.
        return fail(PlainClientError::fromDBus(DBUS_ERROR_DISCONNECTED,
                                               "the connection to the system bus is closed"));
    }
    const DBusPendingCallPtr pending(sent);
    dbus_pending_call_block(pending.get());
    DBusMessagePtr reply(dbus_pending_call_steal_reply(pending.get()));
    if (!reply) {
        return fail(PlainClientError::fromDBus(DBUS_ERROR_NO_REPLY, "no reply"));
    }
    if (dbus_message_get_type(reply.get()) == DBUS_MESSAGE_TYPE_ERROR) {
        return fail(errorOfReply(reply.get()));
    }
    return reply;
}

Result<DBusMessagePtr, PlainClientError> callHelperAsking(const char *method,
                                                          std::initializer_list<std::string_view> strings,
                                                          std::vector<BoolOption> options, bool interactive)
{
    TtyAuthenticationAgent agent;
    if (interactive) {
        agent.start();
    } else {
        options.push_back({HelperOptionName::Interactive, false});
    }
    const DBusMessagePtr call = newHelperCall(method);
    for (const std::string_view text : strings) {
        appendString(call.get(), std::string(text).c_str());
    }
    appendOptions(call.get(), options);
    return callHelper(call.get());
}

int reportFailure(const PlainClientError &error)
{
    const std::string line = error.line();
    std::fwrite(line.data(), 1, line.size(), stderr);
    return exitCodeFor(error.kind);
}

} // namespace Volmap
