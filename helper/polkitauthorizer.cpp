// SPDX-License-Identifier: GPL-2.0-or-later
#include "polkitauthorizer.h"

// polkit's headers use `signals` as an identifier; Qt's keywords are off.
#include <polkit/polkit.h>

#include <memory>

namespace Volmap {

namespace {

template<typename T>
struct GObjectDeleter
{
    void operator()(T *object) const { g_object_unref(object); }
};
template<typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter<T>>;

struct PendingCheck
{
    PolkitAuthorizer *owner = nullptr;
    Authorizer::Ticket ticket = 0;
    GObjectPtr<GCancellable> cancellable;
    std::function<void(AuthorizationResult, const QString &)> done;
    bool allowInteraction = false;
};

void finished(GObject *source, GAsyncResult *asyncResult, gpointer userData)
{
    std::unique_ptr<PendingCheck> pending(static_cast<PendingCheck *>(userData));
    GError *error = nullptr;
    GObjectPtr<PolkitAuthorizationResult> result(
        polkit_authority_check_authorization_finish(POLKIT_AUTHORITY(source), asyncResult, &error));
    const bool cancelled = g_cancellable_is_cancelled(pending->cancellable.get());
    if (!cancelled) {
        // A cancelled check was forgotten by cancel(), and its owner may be gone.
        pending->owner->forget(pending->ticket);
    }
    if (!result) {
        const QString message = QString::fromUtf8(error ? error->message : "unknown polkit error");
        g_clear_error(&error);
        if (!cancelled) {
            pending->done(AuthorizationResult::Failed, message);
        }
        return;
    }
    if (cancelled) {
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
    // Checks still running finish into the void: their callbacks see the cancel.
    const auto running = m_running.keys();
    for (const Ticket ticket : running) {
        cancel(ticket);
    }
    if (m_authority) {
        g_object_unref(m_authority);
    }
}

Authorizer::Ticket PolkitAuthorizer::check(const QString &actionId, const QString &busName,
                                           const AuthorizationDetails &details, bool allowInteraction,
                                           std::function<void(AuthorizationResult, const QString &)> done)
{
    const Ticket ticket = ++m_lastTicket;
    if (!m_authority) {
        done(AuthorizationResult::Failed, m_connectError);
        return ticket;
    }
    GObjectPtr<PolkitSubject> subject(polkit_system_bus_name_new(busName.toUtf8().constData()));
    GObjectPtr<PolkitDetails> polkitDetails(polkit_details_new());
    for (auto it = details.cbegin(); it != details.cend(); ++it) {
        polkit_details_insert(polkitDetails.get(), it.key().toUtf8().constData(),
                              it.value().toUtf8().constData());
    }
    const auto flags = allowInteraction ? POLKIT_CHECK_AUTHORIZATION_FLAGS_ALLOW_USER_INTERACTION
                                        : POLKIT_CHECK_AUTHORIZATION_FLAGS_NONE;
    auto *pending = new PendingCheck{this, ticket, GObjectPtr<GCancellable>(g_cancellable_new()),
                                     std::move(done), allowInteraction};
    m_running.insert(ticket, pending->cancellable.get());
    polkit_authority_check_authorization(m_authority, subject.get(), actionId.toUtf8().constData(),
                                         polkitDetails.get(), flags, pending->cancellable.get(), finished,
                                         pending);
    return ticket;
}

void PolkitAuthorizer::cancel(Ticket ticket)
{
    if (GCancellable *cancellable = m_running.take(ticket)) {
        g_cancellable_cancel(cancellable);
    }
}

void PolkitAuthorizer::forget(Ticket ticket)
{
    m_running.remove(ticket);
}

} // namespace Volmap
