#pragma once

#include "authorizer.h"

typedef struct _PolkitAuthority PolkitAuthority;

namespace Volmap {

/*
 * Authorizer backed by polkitd through libpolkit-gobject-1 (Debian 12 has
 * no Qt 6 polkit-qt). The check is asynchronous; its callback runs from
 * the GLib main context, which Qt's event dispatcher iterates.
 */
class PolkitAuthorizer final : public Authorizer
{
public:
    PolkitAuthorizer();
    ~PolkitAuthorizer() override;
    PolkitAuthorizer(const PolkitAuthorizer &) = delete;
    PolkitAuthorizer &operator=(const PolkitAuthorizer &) = delete;

    void check(const QString &actionId, const QString &busName, bool allowInteraction,
               std::function<void(AuthorizationResult, const QString &detail)> done) override;

private:
    PolkitAuthority *m_authority = nullptr;
    QString m_connectError;
};

} // namespace Volmap
