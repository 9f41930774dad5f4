// SPDX-License-Identifier: GPL-2.0-or-later
// The helper commands module's entry points: everything volmapctl does
// through the helper, with Qt D-Bus, runs from here (helpercommands.h).
#include "helperclient.h"
#include "helpercommands.h"
#include "ttyauthenticationagent.h"
#include "volmapctl.h"

#include <QCoreApplication>
#include <QDBusConnection>

#include <memory>

extern "C" Q_DECL_EXPORT int volmapctl_run_helper_command(const Volmap::CtlOptions *options, bool interactive)
{
    using namespace Volmap;
    HelperClient client(QDBusConnection::systemBus());
    std::unique_ptr<TtyAuthenticationAgent> agent;
    if (!interactive) {
        client.setInteractive(false);
    } else {
        agent = std::make_unique<TtyAuthenticationAgent>();
        agent->start();
    }
    Volmapctl ctl(client, *options);
    QObject::connect(&ctl, &Volmapctl::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    ctl.start();
    return QCoreApplication::exec();
}
