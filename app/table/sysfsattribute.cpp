// SPDX-License-Identifier: GPL-2.0-or-later
#include "sysfsattribute.h"

#include <QFile>
#include <QFileInfo>
#include <QVarLengthArray>

#include <climits>
#include <fcntl.h>
#include <unistd.h>

namespace Volmap {

QString readSysfsAttribute(const QString &path, qsizetype limit)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return QString();
    }
    QVarLengthArray<char, 256> buffer(qMax<qsizetype>(limit, 1));
    const ssize_t length = ::read(fd, buffer.data(), size_t(buffer.size()));
    ::close(fd);
    if (length <= 0) {
        return QString();
    }
    QByteArrayView content(buffer.data(), length);
    if (const qsizetype end = content.indexOf('\n'); end >= 0) {
        content = content.first(end);
    }
    return QString::fromUtf8(content).trimmed();
}

QString sysfsKernelName(const QString &dir)
{
    char target[PATH_MAX];
    const ssize_t length = ::readlink(QFile::encodeName(dir).constData(), target, sizeof target);
    if (length <= 0 || length >= ssize_t(sizeof target)) {
        return QFileInfo(QFileInfo(dir).canonicalFilePath()).fileName();
    }
    const QByteArrayView path(target, length);
    return QFile::decodeName(path.sliced(path.lastIndexOf('/') + 1).toByteArray());
}

} // namespace Volmap
