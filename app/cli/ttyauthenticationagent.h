// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <sys/types.h>

namespace Volmap {

/*
 * A polkit text agent for this client, as systemctl starts one: when the
 * helper needs a password, polkit asks on this terminal. Like systemctl's,
 * it registers for this login session, where polkit looks for the agent of
 * the helper's subject (our bus name): polkitd registers agents only for
 * sessions and processes, and a process agent is not used for a bus name.
 * Started only when standard input is a terminal. Plain C++: the Qt
 * helper commands and the plain commands module (no Qt) both start it.
 */
class TtyAuthenticationAgent
{
public:
    TtyAuthenticationAgent() = default;
    ~TtyAuthenticationAgent();
    TtyAuthenticationAgent(const TtyAuthenticationAgent &) = delete;
    TtyAuthenticationAgent &operator=(const TtyAuthenticationAgent &) = delete;

    /* Starts pkttyagent and waits until it is registered; false if it cannot run. */
    bool start();

private:
    pid_t m_pid = -1;
};

} // namespace Volmap
