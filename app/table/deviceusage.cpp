// SPDX-License-Identifier: GPL-2.0-or-later
#include "deviceusage.h"

#include <QFile>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace Volmap {

namespace {

// mountinfo and swaps write blanks and backslashes in paths as \ooo.
QString unescapeOctal(QStringView text)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 3 < text.size()) {
            bool ok = false;
            const int code = text.sliced(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                result += QChar(code);
                i += 3;
                continue;
            }
        }
        result += text[i];
    }
    return result;
}

} // namespace

QList<QByteArray> readLinesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll().split('\n');
}

QHash<QString, QStringList> readMountPoints(const QString &root)
{
    // "id parent major:minor root mountpoint options ..."
    QHash<QString, QStringList> mounts;
    for (const QByteArray &line : readLinesOf(root + QStringLiteral("/proc/self/mountinfo"))) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() >= 5) {
            mounts[QString::fromUtf8(fields[2])].append(unescapeOctal(QString::fromUtf8(fields[4])));
        }
    }
    return mounts;
}

QList<DeviceNumber> readSwapDevices(const QString &root)
{
    QList<DeviceNumber> devices;
    const QList<QByteArray> lines = readLinesOf(root + QStringLiteral("/proc/swaps"));
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QString path = unescapeOctal(
            QString::fromUtf8(lines[i]).section(u' ', 0, 0, QString::SectionSkipEmpty));
        struct stat info = {};
        if (!path.isEmpty() && ::stat(QFile::encodeName(root + path).constData(), &info) == 0
            && S_ISBLK(info.st_mode)) {
            devices.append({::major(info.st_rdev), ::minor(info.st_rdev)});
        }
    }
    return devices;
}

} // namespace Volmap
