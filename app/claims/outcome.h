// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "helperprotocol.h"
#include "result.h"

#include <QString>

namespace Volmap {

/* A named D-Bus error (HelperProtocol::Error) and a message for people. */
struct HelperError
{
    QString name;
    QString message;
};

inline HelperError invalidArgument(const QString &message)
{
    return {HelperProtocol::Error::invalidArgument(), message};
}

inline HelperError failure(const QString &message)
{
    return {HelperProtocol::Error::failed(), message};
}

/* The result of a privileged step: a value or the error that stopped it. */
template<typename T>
using Outcome = Result<T, HelperError>;

} // namespace Volmap
