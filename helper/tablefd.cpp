// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablefd.h"

#include "admission.h"

#include <QByteArray>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Volmap::TableFd {

namespace {

constexpr int RequiredSeals = F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK;

HelperError notATableFd(const QString &why)
{
    return invalidArgument(QStringLiteral("invalid table-fd: %1; it must be a memfd of 1 byte to %2 bytes of "
                                          "UTF-8 text, opened for reading and sealed with F_SEAL_WRITE, "
                                          "F_SEAL_GROW and F_SEAL_SHRINK")
                               .arg(why)
                               .arg(Admission::MaxTableText));
}

} // namespace

Outcome<qsizetype> checkTableFd(int fd)
{
    struct stat status = {};
    if (fd < 0 || ::fstat(fd, &status) != 0) {
        return fail(notATableFd(QStringLiteral("it cannot be examined")));
    }
    if (!S_ISREG(status.st_mode)) {
        return fail(notATableFd(QStringLiteral("it is not a regular file (a pipe or a socket?)")));
    }
    if (status.st_size <= 0) {
        return fail(notATableFd(QStringLiteral("it is empty")));
    }
    if (status.st_size > Admission::MaxTableText) {
        return fail(notATableFd(QStringLiteral("it holds %1 bytes").arg(qint64(status.st_size))));
    }
    // Files on disk have no seals (F_GET_SEALS fails or gives none).
    const int seals = ::fcntl(fd, F_GET_SEALS);
    if (seals < 0 || (seals & RequiredSeals) != RequiredSeals) {
        return fail(notATableFd(QStringLiteral("it is not sealed")));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_WRONLY || (flags & O_PATH) != 0) {
        return fail(notATableFd(QStringLiteral("it is not open for reading")));
    }
    return qsizetype(status.st_size);
}

Outcome<QString> readTableFd(int fd, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    qsizetype done = 0;
    while (done < size) {
        const ssize_t got = ::pread(fd, bytes.data() + done, size_t(size - done), off_t(done));
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            // Sealed against shrinking, so only an I/O error can get here.
            return fail(failure(QStringLiteral("cannot read the table-fd: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(got < 0 ? errno : EIO)))));
        }
        done += got;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return fail(invalidArgument(QStringLiteral("invalid table: the table-fd's text is not UTF-8")));
    }
    return text;
}

} // namespace Volmap::TableFd
