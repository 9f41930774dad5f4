// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttyauthenticationagent.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace Volmap {

TtyAuthenticationAgent::~TtyAuthenticationAgent()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
    }
}

bool TtyAuthenticationAgent::start()
{
    if (!::isatty(STDIN_FILENO)) {
        return false;
    }
    int notify[2];
    if (::pipe2(notify, O_CLOEXEC) != 0) {
        return false;
    }
    const std::string fd = std::to_string(notify[1]);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(notify[0]);
        ::close(notify[1]);
        return false;
    }
    if (pid == 0) {
        ::fcntl(notify[1], F_SETFD, 0); // the one descriptor the agent keeps
        // It asks on /dev/tty. Its own complaints (no session to register
        // for) would only precede the clearer message volmapctl prints when
        // a call then finds no agent.
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) {
            ::dup2(null, STDERR_FILENO);
        }
        ::execlp("pkttyagent", "pkttyagent", "--notify-fd", fd.c_str(), "--fallback",
                 static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::close(notify[1]);
    // The agent closes its end once registered (or by exiting): wait for it
    // before the first call, so polkit finds it.
    char byte;
    while (::read(notify[0], &byte, 1) < 0 && errno == EINTR) {
    }
    ::close(notify[0]);
    if (::waitpid(pid, nullptr, WNOHANG) == pid) {
        return false; // exited at once: not installed, or no terminal to ask on
    }
    m_pid = pid;
    return true;
}

} // namespace Volmap
