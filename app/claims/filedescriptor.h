// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string>
#include <unistd.h>
#include <utility>

namespace Volmap {

/* A POSIX file descriptor, closed on every return path (-1: none). Plain C++, for plain code too. */
class FileDescriptor final
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    int get() const { return m_fd; }
    /* Closes now and says whether close() succeeded: after a write, a failed close can mean lost data. */
    bool closeChecked()
    {
        const int fd = std::exchange(m_fd, -1);
        return fd >= 0 && ::close(fd) == 0;
    }

private:
    int m_fd;
};

/* At most `limit` bytes from the file's position on, fewer at its end; nullopt if a read fails. */
inline std::optional<std::string> readAtMost(const FileDescriptor &file, std::size_t limit)
{
    std::string text(limit, '\0');
    std::size_t length = 0;
    while (length < limit) {
        const ssize_t got = ::read(file.get(), text.data() + length, limit - length);
        if (got < 0) {
            return std::nullopt;
        }
        if (got == 0) {
            break;
        }
        length += std::size_t(got);
    }
    text.resize(length);
    return text;
}

} // namespace Volmap
