// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "authorizer.h"

#include <QHash>

typedef struct _PolkitAuthority PolkitAuthority;
typedef struct _GCancellable GCancellable;

namespace Volmap {

/*
 * Authorizer backed by polkitd through libpolkit-gobject-1 (Debian 12 has
 * no Qt 6 polkit-qt). The check is asynchronous; its callback runs from
 * the GLib main context, which Qt's event dispatcher iterates. Each check
 * has a GCancellable, so a check whose caller left can be dropped (polkit
 * then also withdraws its authentication dialog).
 */
class PolkitAuthorizer final : public Authorizer
{
public:
    PolkitAuthorizer();
    ~PolkitAuthorizer() override;
    PolkitAuthorizer(const PolkitAuthorizer &) = delete;
    PolkitAuthorizer &operator=(const PolkitAuthorizer &) = delete;

    Ticket check(const QString &actionId, const QString &busName, const AuthorizationDetails &details,
                 bool allowInteraction,
                 std::function<void(AuthorizationResult, const QString &detail)> done) override;
    void cancel(Ticket ticket) override;

    /* Called from the GLib callback: the check with `ticket` is over. */
    void forget(Ticket ticket);

private:
    PolkitAuthority *m_authority = nullptr;
    QString m_connectError;
    Ticket m_lastTicket = 0;
    QHash<Ticket, GCancellable *> m_running;
};

} // namespace Volmap
