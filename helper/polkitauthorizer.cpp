#include "polkitauthorizer.h"

// polkit's headers use `signals` as an identifier; Qt's keywords are off.
#include <polkit/polkit.h>

#include <memory>

namespace Volmap {

namespace {

struct PendingCheck
{
    std::function<void(AuthorizationResult, const QString &)> done;
    bool allowInteraction = false;
};

template<typename T>
struct GObjectDeleter
{
    void operator()(T *object) const { g_object_unref(object); }
};
template<typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter<T>>;

void finished(GObject *source, GAsyncResult *asyncResult, gpointer userData)
{
    std::unique_ptr<PendingCheck> pending(static_cast<PendingCheck *>(userData));
    GError *error = nullptr;
    GObjectPtr<PolkitAuthorizationResult> result(
        polkit_authority_check_authorization_finish(POLKIT_AUTHORITY(source), asyncResult, &error));
    if (!result) {
        const QString message = QString::fromUtf8(error ? error->message : "unknown polkit error");
        g_clear_error(&error);
        pending->done(AuthorizationResult::Failed, message);
        return;
    }
    if (polkit_authorization_result_get_is_authorized(result.get())) {
        pending->done(AuthorizationResult::Authorized, QString());
    } else if (polkit_authorization_result_get_dismissed(result.get())) {
        pending->done(AuthorizationResult::Dismissed, QString());
    } else if (pending->allowInteraction && polkit_authorization_result_get_is_challenge(result.get())) {
        // Interaction was allowed and still only a challenge came back: no
        // agent could ask the user (pkexec reads it the same way).
        pending->done(AuthorizationResult::NoAuthenticationAgent, QString());
    } else {
        pending->done(AuthorizationResult::NotAuthorized, QString());
    }
}

} // namespace

PolkitAuthorizer::PolkitAuthorizer()
{
    GError *error = nullptr;
    m_authority = polkit_authority_get_sync(nullptr, &error);
    if (!m_authority) {
        m_connectError = QString::fromUtf8(error ? error->message : "cannot reach polkit");
        g_clear_error(&error);
    }
}

PolkitAuthorizer::~PolkitAuthorizer()
{
    if (m_authority) {
        g_object_unref(m_authority);
    }
}

void PolkitAuthorizer::check(const QString &actionId, const QString &busName, bool allowInteraction,
                             std::function<void(AuthorizationResult, const QString &)> done)
{
    if (!m_authority) {
        done(AuthorizationResult::Failed, m_connectError);
        return;
    }
    GObjectPtr<PolkitSubject> subject(polkit_system_bus_name_new(busName.toUtf8().constData()));
    const auto flags = allowInteraction ? POLKIT_CHECK_AUTHORIZATION_FLAGS_ALLOW_USER_INTERACTION
                                        : POLKIT_CHECK_AUTHORIZATION_FLAGS_NONE;
    auto *pending = new PendingCheck{std::move(done), allowInteraction};
    polkit_authority_check_authorization(m_authority, subject.get(), actionId.toUtf8().constData(), nullptr, flags,
                                         nullptr, finished, pending);
}

} // namespace Volmap
