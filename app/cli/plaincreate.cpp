// SPDX-License-Identifier: GPL-2.0-or-later
#include "plaincreate.h"

#include "blkidrange.h"
#include "ctlexit.h"
#include "filedescriptor.h"
#include "helperbusnames.h"
#include "plainhelpercall.h"
#include "plaintablecheck.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap {

namespace {

/*
 * The table file's text if the plain path may send it: a regular file
 * (reading a pipe here would leave the Qt path nothing to read), at most
 * what the helper takes as a string, pure ASCII without NUL.
 */
std::optional<std::string> plainTableText(const char *path)
{
    const FileDescriptor file(::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    struct stat info = {};
    if (file.get() < 0 || ::fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode)
        || std::uint64_t(info.st_size) > HelperTableText::MaxInCall) {
        return std::nullopt;
    }
    // One byte more than allowed tells a file that grew since fstat().
    std::optional<std::string> text = readAtMost(file, HelperTableText::MaxInCall + 1);
    if (!text || text->size() > HelperTableText::MaxInCall || !Grammar::isAscii(*text)
        || text->find('\0') != std::string::npos) {
        return std::nullopt;
    }
    return text;
}

/* Whether no range holds data that writes would destroy, as Volmapctl::consentToData judges. */
bool rangesHoldNoData(const std::vector<PlainDeviceRange> &ranges)
{
    return std::all_of(ranges.cbegin(), ranges.cend(), [](const PlainDeviceRange &range) {
        const PlainBlockDevice &device = range.device;
        return rangeHoldsNoData({}, "/dev/" + device.kernelName, ::makedev(device.major, device.minor),
                                range.offset, range.length);
    });
}

} // namespace

int createMapping(const PlainCommand &command)
{
    const std::string file(command.tableFile);
    const std::optional<std::string> text = plainTableText(file.c_str());
    if (!text) {
        return PlainCommandDeclined;
    }
    const Grammar::PlainParsedTable table = Grammar::parsePlainTable(*text);
    const auto ranges = plainTableRanges(
        table, [](std::string_view reference) { return resolvePlainDevice(std::string_view(), reference); });
    // --force: whatever the ranges hold, as Volmapctl::consentToData, which then reads none.
    if (!ranges || (!command.force && !rangesHoldNoData(*ranges))) {
        return PlainCommandDeclined;
    }
    std::vector<BoolOption> options;
    if (command.readOnly) {
        options.push_back({HelperOptionName::ReadOnly, true});
    }
    if (command.persistent) {
        options.push_back({HelperOptionName::Persistent, true});
    }
    const auto reply = callHelperAsking("CreateMapping", {command.name, *text}, std::move(options),
                                        command.interactive);
    if (!reply) {
        // The helper's validation has no line numbers; the Qt path's has.
        return reply.error().kind == ClientErrorKind::InvalidArgument ? PlainCommandDeclined
                                                                      : reportFailure(reply.error());
    }
    const std::string device = firstString(reply.value().get()) + '\n';
    if (std::fwrite(device.data(), 1, device.size(), stdout) != device.size() || std::fflush(stdout) != 0) {
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace Volmap
