// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMap>
#include <QString>

#include <functional>

namespace Volmap {

enum class AuthorizationResult {
    Authorized,
    NotAuthorized,
    Dismissed,             // the user closed the authentication dialog
    NoAuthenticationAgent, // authentication was possible but nobody could ask
    Failed,                // polkit itself failed
};

/*
 * Details passed to polkit with a check: shown in the authentication
 * dialog (the policy's messages name them as $(volmap.name) ...) and
 * readable by administrators' rules through action.lookup(). The keys are
 * documented in volmap-helper(8).
 */
using AuthorizationDetails = QMap<QString, QString>;

/*
 * Asks whether the sender of a D-Bus call (its unique bus name, never its
 * pid) may perform an action. The answer comes later, through `done`, from
 * the event loop; the caller must not block on it. A check can be
 * cancelled (its caller left the bus): `done` is then never called.
 */
class Authorizer
{
public:
    using Ticket = quint64;

    virtual ~Authorizer() = default;
    virtual Ticket check(const QString &actionId, const QString &busName, const AuthorizationDetails &details,
                         bool allowInteraction,
                         std::function<void(AuthorizationResult, const QString &detail)> done) = 0;
    virtual void cancel(Ticket ticket) = 0;
};

} // namespace Volmap
