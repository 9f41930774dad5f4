// SPDX-License-Identifier: GPL-2.0-or-later
#include "plainblockdevice.h"

#include "devicenodewalk.h"
#include "scanfiles.h"
#include "tablegrammar.h"

#include <climits>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap {

namespace {

// A sysfs attribute's first line, trimmed, as a number.
std::optional<std::uint64_t> decimalAttribute(const std::string &path)
{
    return Scan::parseDecimal(Scan::readAttribute(AT_FDCWD, path.c_str()));
}

} // namespace

std::optional<PlainBlockDevice> plainBlockDevice(std::string_view root, unsigned major, unsigned minor)
{
    const std::string dir = std::string(root) + "/sys/dev/block/" + std::to_string(major) + ':'
                            + std::to_string(minor);
    const auto size = decimalAttribute(dir + "/size");
    if (!size) {
        return std::nullopt;
    }
    PlainBlockDevice device{major, minor, *size, 512, {}};
    char target[PATH_MAX];
    const ssize_t length = ::readlink(dir.c_str(), target, sizeof target);
    if (length <= 0 || length >= ssize_t(sizeof target)) {
        return std::nullopt;
    }
    const std::string_view link(target, std::size_t(length));
    device.kernelName = link.substr(link.rfind('/') + 1);
    std::string queue = dir + "/queue";
    struct stat info = {};
    if (::stat((dir + "/partition").c_str(), &info) == 0) {
        // A partition whose disk sysfs cannot name is refused by the resolver.
        if (!decimalAttribute(dir + "/start")
            || Scan::readAttribute(AT_FDCWD, (dir + "/../dev").c_str()).empty()) {
            return std::nullopt;
        }
        queue = dir + "/../queue";
    }
    const auto blockSize = decimalAttribute(queue + "/logical_block_size");
    if (blockSize && *blockSize >= 512 && *blockSize <= UINT32_MAX) {
        device.logicalBlockSize = std::uint32_t(*blockSize);
    }
    return device;
}

std::optional<PlainBlockDevice> resolvePlainDevice(std::string_view root, std::string_view reference)
{
    if (reference.starts_with('/')) {
        const auto node = blockDeviceNodeUnderDev(root, reference);
        if (!node) {
            return std::nullopt;
        }
        return plainBlockDevice(root, ::major(*node), ::minor(*node));
    }
    const std::size_t colon = reference.find(':');
    if (colon == 0 || colon == std::string_view::npos) {
        return std::nullopt;
    }
    const auto major = Grammar::parseDecimal(reference.substr(0, colon));
    const auto minor = Grammar::parseDecimal(reference.substr(colon + 1));
    if (!major || !minor || *major > Grammar::MaxDeviceMajor || *minor > Grammar::MaxDeviceMinor) {
        return std::nullopt;
    }
    return plainBlockDevice(root, unsigned(*major), unsigned(*minor));
}

} // namespace Volmap
