// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Tables for the helper's table-fd option, and descriptors that are not
// what a table-fd must be, for the dbus tests.

#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFile>
#include <QString>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace Volmap::Fakes {

inline constexpr int AllTableSeals = F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL;

// A valid table of `segments` 8-sector segments on /dev/sdb.
inline QString tableOn(int segments)
{
    QString text;
    for (int i = 0; i < segments; ++i) {
        text += QStringLiteral("%1 8 linear /dev/sdb %1\n").arg(i * 8);
    }
    return text;
}

// Text no parser accepts, one problem per line, `characters` long.
inline QString junk(qsizetype characters)
{
    QString text;
    while (text.size() + 2 <= characters) {
        text += QStringLiteral("x\n");
    }
    return text;
}

// A memfd named `name` holding `bytes`, with `seals` added (0: none).
inline QDBusUnixFileDescriptor memfdWith(const QByteArray &bytes, int seals = AllTableSeals,
                                         const char *name = "volmap-test-table")
{
    const int fd = ::memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0 || ::write(fd, bytes.constData(), size_t(bytes.size())) != bytes.size()
        || (seals != 0 && ::fcntl(fd, F_ADD_SEALS, seals) != 0)) {
        return {};
    }
    QDBusUnixFileDescriptor descriptor(fd); // a duplicate
    ::close(fd);
    return descriptor;
}

inline QVariantMap withFd(const QDBusUnixFileDescriptor &fd, QVariantMap options = {})
{
    options.insert(QStringLiteral("table-fd"), QVariant::fromValue(fd));
    return options;
}

// How many descriptors of this process are memfds named `name`.
inline int openMemfds(const char *name = "volmap-test-table")
{
    int count = 0;
    const QByteArray wanted = QByteArray("/memfd:") + name;
    const QString fds = QStringLiteral("/proc/self/fd");
    for (const QString &entry : QDir(fds).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[256] = {};
        // QFileInfo::symLinkTarget() does not give a memfd's "/memfd:<name> (deleted)".
        if (::readlink(QFile::encodeName(fds + u'/' + entry).constData(), target, sizeof target - 1) > 0) {
            count += QByteArray(target).startsWith(wanted) ? 1 : 0;
        }
    }
    return count;
}

} // namespace Volmap::Fakes
