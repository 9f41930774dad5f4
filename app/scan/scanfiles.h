// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The small files the device scan reads, in plain C++ (devicescan.h):
// sysfs attributes relative to an opened directory, and the system-wide
// tables of mounts and swap devices.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Volmap::Scan {

/* A file descriptor closed when it goes (-1: none). */
class Fd final
{
public:
    explicit Fd(int fd)
        : m_fd(fd)
    {}
    Fd(Fd &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    Fd &operator=(Fd &&) = delete;
    ~Fd();

    int get() const { return m_fd; }

private:
    int m_fd;
};

/* Up to a page of a file (sysfs attributes); empty if it cannot be read. */
std::string readSmallFile(int directory, const char *name);
/* All of a file (udev's database); nullopt if it cannot be opened. */
std::optional<std::string> readWholeFile(int directory, const char *name);
/* An attribute's first line without surrounding blanks. */
std::string readAttribute(int directory, const char *name);
bool exists(int directory, const char *name);
/* The entries of a directory but . and .., sorted. */
std::vector<std::string> directoryEntries(int parent, const char *name);
/* A directory to read relative to: O_PATH, only a handle for openat(). */
int openDirectory(int parent, const std::string &name);

/* A decimal number of at most 20 digits, nothing else; nullopt otherwise. */
std::optional<std::uint64_t> parseDecimal(std::string_view text);
std::vector<std::string_view> splitLines(std::string_view text);
bool startsWith(std::string_view text, std::string_view prefix);

/* "major:minor" -> mount points, from <root>/proc/self/mountinfo. */
std::map<std::string, std::vector<std::string>, std::less<>> readMountTable(const std::string &root);
/* The swap devices' numbers (major, minor), from <root>/proc/swaps. */
std::vector<std::pair<std::uint32_t, std::uint32_t>> readSwapNumbers(const std::string &root);

} // namespace Volmap::Scan
