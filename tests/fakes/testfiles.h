// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Building fake /sys, /proc and /run trees for tests.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace Volmap::Fakes {

/* Writes `content` to `path`, creating folders; a test failure if it cannot. */
inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

} // namespace Volmap::Fakes
