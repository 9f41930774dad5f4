// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The set-up the window's test binaries share: the real helper service
// (fake kernel parts) on a private bus, a fake machine with the stack
// disks, and the main window on both. A test class inherits it and calls
// its steps from initTestCase(), init() and cleanup().

#include "fakes/fakehelperstack.h"
#include "fakes/fakesystem.h"
#include "mainwindow.h"

#include <memory>

namespace Volmap::Fakes {

class WindowFixture
{
protected:
    WindowFixture();
    ~WindowFixture();
    WindowFixture(const WindowFixture &) = delete;
    WindowFixture &operator=(const WindowFixture &) = delete;

    /*
     * initTestCase(): test-mode paths, no settings or draft from earlier
     * runs, the private bus, the machine. false if its device nodes cannot
     * be made (mknod needs root): the caller QSKIPs then.
     */
    [[nodiscard]] bool setUpMachine();
    /* init(), after m_helper.start(): the window on the helper's clients, not shown yet. */
    void createWindow();
    /* createWindow(), shown; false if it was not exposed or its device tree stayed empty. */
    [[nodiscard]] bool openWindow();
    /* cleanup(), before m_helper.stop(): closes what the window opened and the window, forgets its draft. */
    void closeWindow();

    FakeHelperStack m_helper;
    std::unique_ptr<FakeSystem> m_system;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Volmap::Fakes
