// SPDX-License-Identifier: GPL-2.0-or-later
#include "loadedmodules.h"

#include <QFile>

#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Volmap {

bool moduleInKernel(const QString &moduleName, const QString &root)
{
    QString name = moduleName;
    name.replace(u'-', u'_');
    const QByteArray dir = QFile::encodeName(root + QStringLiteral("/sys/module/") + name);
    struct stat info = {};
    if (::stat(dir.constData(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        return false;
    }
    const int fd = ::open((dir + "/initstate").constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return true; // built in: its folder has no initstate
    }
    char state[16] = {};
    const ssize_t length = ::read(fd, state, sizeof state - 1);
    ::close(fd);
    // "live" or "coming"; a module "going" away has to be loaded again.
    return length > 0 && std::string_view(state, size_t(length)).substr(0, 5) != "going";
}

} // namespace Volmap
