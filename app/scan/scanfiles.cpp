// SPDX-License-Identifier: GPL-2.0-or-later
#include "scanfiles.h"

#include "tablegrammar.h"

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap::Scan {

namespace {

void appendUtf8(std::string &out, unsigned code)
{
    if (code < 0x80) {
        out += char(code);
    } else {
        out += char(0xc0 | (code >> 6));
        out += char(0x80 | (code & 0x3f));
    }
}

// mountinfo and swaps write blanks and backslashes in paths as \ooo.
std::string unescapeOctal(std::string_view text)
{
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size()) {
            const std::string_view digits = text.substr(i + 1, 3);
            if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '7'; })) {
                appendUtf8(result,
                           unsigned((digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0')));
                i += 3;
                continue;
            }
        }
        result += text[i];
    }
    return result;
}

std::string readFileAt(const std::string &path)
{
    return readWholeFile(AT_FDCWD, path.c_str()).value_or(std::string());
}

} // namespace

Fd::~Fd()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

// Hundreds of small sysfs reads per listing: plain syscalls relative to
// the device's directory, opened once (as lsblk reads them).
std::string readSmallFile(int directory, const char *name)
{
    const Fd fd(::openat(directory, name, O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return std::string();
    }
    char buffer[4096];
    const ssize_t length = ::read(fd.get(), buffer, sizeof buffer);
    return length > 0 ? std::string(buffer, std::size_t(length)) : std::string();
}

std::optional<std::string> readWholeFile(int directory, const char *name)
{
    const Fd opened(::openat(directory, name, O_RDONLY | O_CLOEXEC));
    const int fd = opened.get();
    if (fd < 0) {
        return std::nullopt;
    }
    std::string content;
    char buffer[4096];
    ssize_t length;
    while ((length = ::read(fd, buffer, sizeof buffer)) > 0) {
        content.append(buffer, std::size_t(length));
    }
    return content;
}

std::string readAttribute(int directory, const char *name)
{
    std::string content = readSmallFile(directory, name);
    content.resize(std::min(content.size(), content.find('\n')));
    const auto first = std::find_if_not(content.begin(), content.end(), Grammar::isBlank<char>);
    const auto last = std::find_if_not(content.rbegin(), content.rend(), Grammar::isBlank<char>).base();
    return first < last ? std::string(first, last) : std::string();
}

bool exists(int directory, const char *name)
{
    return ::faccessat(directory, name, F_OK, 0) == 0;
}

std::vector<std::string> directoryEntries(int parent, const char *name)
{
    std::vector<std::string> names;
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return names;
    }
    DIR *directory = ::fdopendir(fd);
    if (!directory) {
        ::close(fd);
        return names;
    }
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] != '.') {
            names.emplace_back(entry->d_name);
        }
    }
    ::closedir(directory);
    std::sort(names.begin(), names.end());
    return names;
}

int openDirectory(int parent, const std::string &name)
{
    return ::openat(parent, name.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

std::optional<std::uint64_t> parseDecimal(std::string_view text)
{
    return Grammar::parseDecimal<char>(text);
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string_view::npos; start = end + 1) {
        lines.push_back(text.substr(start, end - start));
    }
    lines.push_back(text.substr(start));
    return lines;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

std::map<std::string, std::vector<std::string>, std::less<>> readMountTable(const std::string &root)
{
    // "id parent major:minor root mountpoint options ..."
    std::map<std::string, std::vector<std::string>, std::less<>> mounts;
    const std::string text = readFileAt(root + "/proc/self/mountinfo");
    for (const std::string_view line : splitLines(text)) {
        std::vector<std::string_view> fields;
        std::size_t start = 0;
        for (std::size_t i = 0; i < 5 && start <= line.size(); ++i) {
            const std::size_t end = std::min(line.find(' ', start), line.size());
            fields.push_back(line.substr(start, end - start));
            start = end + 1;
        }
        if (fields.size() >= 5) {
            mounts[std::string(fields[2])].push_back(unescapeOctal(fields[4]));
        }
    }
    return mounts;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> readSwapNumbers(const std::string &root)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> numbers;
    const std::string text = readFileAt(root + "/proc/swaps");
    const std::vector<std::string_view> lines = splitLines(text);
    for (std::size_t i = 1; i < lines.size(); ++i) { // line 0 is the header
        const std::string_view line = lines[i];
        const std::size_t start = std::min(line.find_first_not_of(' '), line.size());
        const std::size_t end = std::min(line.find(' ', start), line.size());
        const std::string path = unescapeOctal(line.substr(start, end - start));
        struct stat info = {};
        if (!path.empty() && ::stat((root + path).c_str(), &info) == 0 && S_ISBLK(info.st_mode)) {
            numbers.emplace_back(::major(info.st_rdev), ::minor(info.st_rdev));
        }
    }
    return numbers;
}

} // namespace Volmap::Scan
