// SPDX-License-Identifier: GPL-2.0-or-later
#include "windowfixture.h"

#include "draftstore.h"
#include "fakes/windowdriver.h"

#include <QSettings>
#include <QStandardPaths>

namespace Volmap::Fakes {

WindowFixture::WindowFixture() = default;
WindowFixture::~WindowFixture() = default;

bool WindowFixture::setUpMachine()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    DraftStore().discard();
    m_helper.startBus();
    m_system = std::make_unique<FakeSystem>();
    return m_system->addStackDisks();
}

void WindowFixture::createWindow()
{
    m_window = std::make_unique<MainWindow>(m_helper.client.get(), m_helper.samplingClient.get(),
                                            m_system->root());
}

bool WindowFixture::openWindow()
{
    createWindow();
    return showAndWaitForDevices(m_window.get());
}

void WindowFixture::closeWindow()
{
    closeWindowAndDraft(m_window);
}

} // namespace Volmap::Fakes
