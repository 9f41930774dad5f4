// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What a command-line client writes to the process's stdout or stderr,
// caught in a file while it runs in the test's own process.

#include <QTemporaryFile>

#include <cstdio>
#include <unistd.h>

namespace Volmap::Fakes {

class CapturedOutput final
{
public:
    /* From now on, `stream` (stdout or stderr) goes to a file. */
    explicit CapturedOutput(std::FILE *stream)
        : m_stream(stream)
        , m_fd(::fileno(stream))
    {
        if (m_file.open()) {
            std::fflush(m_stream);
            m_saved = ::dup(m_fd);
            ::dup2(m_file.handle(), m_fd);
        }
    }
    ~CapturedOutput() { restore(); }
    CapturedOutput(const CapturedOutput &) = delete;
    CapturedOutput &operator=(const CapturedOutput &) = delete;

    /* The stream goes where it went before; what it wrote meanwhile. */
    QString finish()
    {
        restore();
        m_file.seek(0);
        return QString::fromUtf8(m_file.readAll());
    }

private:
    void restore()
    {
        if (m_saved >= 0) {
            std::fflush(m_stream);
            ::dup2(m_saved, m_fd);
            ::close(m_saved);
            m_saved = -1;
        }
    }

    std::FILE *m_stream;
    int m_fd;
    int m_saved = -1;
    QTemporaryFile m_file;
};

} // namespace Volmap::Fakes
