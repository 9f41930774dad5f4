// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicenodewalk.h"

#include <deque>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace Volmap {

namespace {

// Enough for every chain udev makes (/dev/disk/by-*/..., /dev/mapper/...).
constexpr int MaxSymlinkHops = 16;

std::deque<std::string> componentsOf(std::string_view path)
{
    std::deque<std::string> components;
    std::size_t from = 0;
    while (from <= path.size()) {
        const std::size_t slash = std::min(path.find('/', from), path.size());
        if (slash > from) {
            components.emplace_back(path.substr(from, slash - from));
        }
        from = slash + 1;
    }
    return components;
}

std::string joined(const std::vector<std::string> &components)
{
    std::string path;
    for (const std::string &component : components) {
        path += '/';
        path += component;
    }
    return path;
}

} // namespace

/*
 * Walks the path one component at a time with lstat() and readlink(), so
 * the kernel never follows a link for us: a link leading out of /dev, or
 * through /dev/shm or /dev/mqueue (the two places under /dev where any
 * user can make files), ends the walk before anything outside /dev is
 * touched. So a link to a FUSE or NFS mount cannot block us and a caller
 * cannot learn anything about files elsewhere.
 */
std::optional<dev_t> blockDeviceNodeUnderDev(std::string_view root, std::string_view path)
{
    if (!path.starts_with("/dev/")) {
        return std::nullopt;
    }
    std::deque<std::string> pending = componentsOf(path.substr(5));
    std::vector<std::string> current{"dev"};
    int hops = 0;
    while (!pending.empty()) {
        const std::string component = std::move(pending.front());
        pending.pop_front();
        if (component == ".") {
            continue;
        }
        if (component == "..") {
            if (current.size() <= 1) {
                return std::nullopt; // would leave /dev
            }
            current.pop_back();
            continue;
        }
        if (current.size() == 1 && (component == "shm" || component == "mqueue")) {
            return std::nullopt;
        }
        const std::string native = std::string(root) + joined(current) + '/' + component;
        struct stat info = {};
        if (::lstat(native.c_str(), &info) != 0) {
            return std::nullopt;
        }
        if (!S_ISLNK(info.st_mode)) {
            if (pending.empty()) {
                return S_ISBLK(info.st_mode) ? std::optional<dev_t>(info.st_rdev) : std::nullopt;
            }
            if (!S_ISDIR(info.st_mode)) {
                return std::nullopt;
            }
            current.push_back(component);
            continue;
        }
        if (++hops > MaxSymlinkHops) {
            return std::nullopt;
        }
        char target[4096];
        const ssize_t length = ::readlink(native.c_str(), target, sizeof(target) - 1);
        if (length <= 0) {
            return std::nullopt;
        }
        const std::string_view link(target, std::size_t(length));
        std::deque<std::string> spliced;
        if (link.starts_with('/')) {
            if (link != "/dev" && !link.starts_with("/dev/")) {
                return std::nullopt;
            }
            current = {"dev"};
            spliced = componentsOf(link.substr(4));
        } else {
            spliced = componentsOf(link);
        }
        pending.insert(pending.begin(), spliced.begin(), spliced.end());
    }
    return std::nullopt; // "/dev/" itself
}

} // namespace Volmap
