// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterrorkind.h"

#include <span>
#include <string>
#include <string_view>

/*
 * What a failed helper call means to a person, in plain C++: which kind
 * each D-Bus error name is, the title of each kind and the message shown
 * for the bus's own errors. ClientError (Qt) translates these texts with
 * QCoreApplication::translate in ClientErrorTextContext; volmapctl's plain
 * commands (libdbus, no Qt, no translator) print them as they are, which
 * is what the Qt path prints too, as volmapctl installs no translator.
 */
namespace Volmap {

/* The translation context of every text here (ClientError's own, as the catalogue has it). */
inline constexpr char ClientErrorTextContext[] = "Volmap::ClientError";

/* One named error of the helper and what it means. */
struct HelperErrorMeaning
{
    const char *name; // HelperErrorName
    ClientErrorKind kind;
};
/* Every named error of the helper, in the contract's order. */
std::span<const HelperErrorMeaning> helperErrors();

/* What a D-Bus error a helper call ended in means. */
struct DBusErrorMeaning
{
    ClientErrorKind kind = ClientErrorKind::Failed;
    /*
     * nullptr: show the error's own message. Otherwise a source text to
     * show instead, where "%1" (if there) stands for the error's message.
     */
    const char *messageText = nullptr;
};
/* The helper's named errors, the bus's errors a call can end in, and Failed for any other name. */
DBusErrorMeaning meaningOfDBusError(std::string_view name);

/* The message of NoSystemBus when no connection to the bus could be made; "%1" is why. */
const char *noSystemBusText();

/* A short heading for `kind`, e.g. "Not authorized" (source text). */
const char *titleText(ClientErrorKind kind);

/* `text` with its first "%1" replaced by `detail` (untranslated output of the texts above). */
std::string withDetail(std::string_view text, std::string_view detail);

} // namespace Volmap
