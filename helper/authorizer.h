#pragma once

#include <QString>

#include <functional>

namespace Volmap {

enum class AuthorizationResult {
    Authorized,
    NotAuthorized,
    Dismissed,              // the user closed the authentication dialog
    NoAuthenticationAgent,  // authentication was possible but nobody could ask
    Failed,                 // polkit itself failed
};

/*
 * Asks whether the sender of a D-Bus call (its unique bus name, never its
 * pid) may perform an action. The answer comes later, through `done`, from
 * the event loop; the caller must not block on it.
 */
class Authorizer
{
public:
    virtual ~Authorizer() = default;
    virtual void check(const QString &actionId, const QString &busName, bool allowInteraction,
                       std::function<void(AuthorizationResult, const QString &detail)> done) = 0;
};

} // namespace Volmap
