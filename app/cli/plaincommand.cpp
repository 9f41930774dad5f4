// SPDX-License-Identifier: GPL-2.0-or-later
#include "plaincommand.h"

#include "helperbusnames.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include <sys/stat.h>

namespace Volmap {

namespace {

/*
 * Whether `text` is UTF-8 as the D-Bus specification has it: no overlong
 * forms, no surrogates, nothing past U+10FFFF. libdbus refuses anything
 * else (fatally), and Qt would send it changed (U+FFFD), so such a name
 * is the Qt path's.
 */
bool isValidUtf8(std::string_view text)
{
    struct Form
    {
        std::uint8_t mask, lead; // the lead byte's fixed bits
        std::size_t length;
        char32_t least; // shorter forms carry smaller code points
    };
    static constexpr Form forms[] = {{0xe0, 0xc0, 2, 0x80}, {0xf0, 0xe0, 3, 0x800}, {0xf8, 0xf0, 4, 0x10000}};
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<std::uint8_t>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        const Form *form = std::find_if(std::begin(forms), std::end(forms),
                                        [lead](const Form &f) { return (lead & f.mask) == f.lead; });
        if (form == std::end(forms) || text.size() - i < form->length) {
            return false;
        }
        char32_t code = lead & static_cast<std::uint8_t>(~form->mask);
        for (std::size_t k = 1; k < form->length; ++k) {
            const auto next = static_cast<std::uint8_t>(text[i + k]);
            if ((next & 0xc0) != 0x80) {
                return false;
            }
            code = (code << 6) | (next & 0x3f);
        }
        if (code < form->least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
            return false;
        }
        i += form->length;
    }
    return true;
}

/* Sets the flag `word` names for the command's verb; false for any other word or a flag already set. */
bool setOption(std::string_view word, PlainCommand &command)
{
    const bool remove = command.verb == PlainVerb::Remove;
    bool *flag = nullptr;
    bool value = true;
    if (word == "--no-ask-password") {
        flag = &command.interactive;
        value = false;
    } else if (remove && word == "--deferred") {
        flag = &command.deferred;
    } else if (remove && word == "--keep-definition") {
        flag = &command.keepDefinition;
    } else if (!remove && word == "--force") {
        flag = &command.force;
    } else if (!remove && word == "--read-only") {
        flag = &command.readOnly;
    } else if (!remove && word == "--persistent") {
        flag = &command.persistent;
    }
    if (!flag || *flag == value) {
        return false;
    }
    *flag = value;
    return true;
}

/* A word that can be a name or a file: not an option, and as Qt would decode it. */
bool isPlainWord(std::string_view word)
{
    return !word.empty() && !word.starts_with('-') && isValidUtf8(word);
}

} // namespace

std::optional<PlainCommand> plainCommand(int argc, const char *const *argv)
{
    if (argc < 3) {
        return std::nullopt;
    }
    PlainCommand command;
    const std::string_view verb(argv[1]);
    if (verb == "create") {
        command.verb = PlainVerb::Create;
    } else if (verb != "remove") {
        return std::nullopt;
    }
    for (int i = 2; i < argc; ++i) {
        const std::string_view word(argv[i]);
        if (command.verb == PlainVerb::Create && word == "--table") {
            if (!command.tableFile.empty() || i + 1 == argc || !isPlainWord(argv[i + 1])) {
                return std::nullopt;
            }
            command.tableFile = argv[++i];
        } else if (word.starts_with('-')) {
            if (!setOption(word, command)) {
                return std::nullopt;
            }
        } else if (command.name.empty() && isPlainWord(word)) {
            command.name = word;
        } else {
            return std::nullopt; // a second name, or one libdbus would refuse
        }
    }
    if (command.name.empty() || (command.verb == PlainVerb::Create && command.tableFile.empty())) {
        return std::nullopt;
    }
    return command;
}

bool mayRunPlain(const PlainCommand &command)
{
    if (command.verb != PlainVerb::Create) {
        return true;
    }
    struct stat info = {};
    const std::string path(command.tableFile);
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode)
           && std::uint64_t(info.st_size) <= HelperTableText::MaxInCall;
}

} // namespace Volmap
