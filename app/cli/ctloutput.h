// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace Volmap {

/* volmapctl's output, shared by its command files. */
QTextStream &out();
QTextStream &err();
void printJson(const QJsonValue &value);
/* "1.0 GiB": a size in sectors for people. */
QString bytesOfSectors(quint64 sectors);
/* Columns padded to their widest cell. */
void printTable(const QList<QStringList> &rows);

} // namespace Volmap
