// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterrorkind.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

class QDBusError;

namespace Volmap {

struct ClientError
{
    Q_DECLARE_TR_FUNCTIONS(Volmap::ClientError)

public:
    ClientErrorKind kind = ClientErrorKind::Failed;
    QString message;  // what the helper (or the bus) said, for people
    QString dbusName; // the D-Bus error name, for logs and scripts

    static ClientError fromDBus(const QDBusError &error);
    /* A short heading, e.g. "Not authorized". */
    QString title() const;
    /* What a person can do about it, in one or two sentences. */
    QString advice() const;
};

/* A helper call's value, or why it failed. */
template<typename T>
using ClientResult = Result<T, ClientError>;

} // namespace Volmap
