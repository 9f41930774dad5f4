// SPDX-License-Identifier: GPL-2.0-or-later
#include "sealedtable.h"

#include "filedescriptor.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace Volmap {

namespace {

ClientError sealingFailed(int error)
{
    return {ClientErrorKind::Failed,
            QCoreApplication::translate("Volmap::SealedTable", "Cannot hand the table to the helper: %1")
                .arg(QString::fromLocal8Bit(std::strerror(error))),
            {}};
}

} // namespace

ClientResult<QDBusUnixFileDescriptor> sealedTable(const QString &table)
{
    const QByteArray bytes = table.toUtf8();
    FileDescriptor fd(::memfd_create("volmap-table", MFD_CLOEXEC | MFD_ALLOW_SEALING));
    if (fd.get() < 0) {
        return fail(sealingFailed(errno));
    }
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t done = ::write(fd.get(), bytes.constData() + written, size_t(bytes.size() - written));
        if (done < 0 && errno == EINTR) {
            continue;
        }
        if (done <= 0) {
            return fail(sealingFailed(done < 0 ? errno : EIO));
        }
        written += done;
    }
    if (::fcntl(fd.get(), F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) != 0) {
        return fail(sealingFailed(errno));
    }
    // The descriptor keeps a duplicate; ours closes here.
    QDBusUnixFileDescriptor sealed(fd.get());
    if (!sealed.isValid()) {
        return fail(sealingFailed(EMFILE));
    }
    return sealed;
}

} // namespace Volmap
