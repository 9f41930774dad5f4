#pragma once

#include <QString>

#include <sys/types.h>

namespace Volmap {

/*
 * A polkit text agent for this client, as systemctl starts one: when the
 * helper needs a password, polkit asks on this terminal. It is registered
 * for our system-bus name, the subject the helper checks, and only when
 * standard input is a terminal.
 */
class TtyAuthenticationAgent
{
public:
    TtyAuthenticationAgent() = default;
    ~TtyAuthenticationAgent();
    TtyAuthenticationAgent(const TtyAuthenticationAgent &) = delete;
    TtyAuthenticationAgent &operator=(const TtyAuthenticationAgent &) = delete;

    /* Starts pkttyagent and waits until it is registered; false if it cannot run. */
    bool start(const QString &busName);

private:
    pid_t m_pid = -1;
};

} // namespace Volmap
