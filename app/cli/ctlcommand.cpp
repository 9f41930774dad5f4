// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommand.h"

#include "blockdeviceresolver.h"
#include "ctlmodule.h"
#include "ctloutput.h"
#include "tablevalidator.h"

#include <QFile>

#include <cstdio>

namespace Volmap {

bool isLocalCommand(const QString &command)
{
    return command == u"check" || command == u"devices";
}

bool isHelperCommand(const QString &command)
{
    return isHelperCommandWord(command.toUtf8().constData());
}

CtlCommand::CtlCommand(CtlOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

void CtlCommand::finish(int code)
{
    out().flush();
    err().flush();
    // Queued: main() quits on it, and exit() from inside a callback would
    // be lost before exec() runs.
    QMetaObject::invokeMethod(
        this, [this, code]() { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

bool CtlCommand::needArguments(int count, const QString &usage)
{
    if (m_options.arguments.size() == count) {
        return true;
    }
    err() << "usage: volmapctl " << usage << '\n';
    finish(ExitUsage);
    return false;
}

std::optional<QString> CtlCommand::readTable()
{
    auto file = readTableFile();
    return file ? std::optional(std::move(file->text)) : std::nullopt;
}

std::optional<CtlCommand::TableFile> CtlCommand::readTableFile()
{
    if (m_options.tableFile.isEmpty()) {
        err() << "volmapctl: " << m_options.command
              << " needs --table FILE (or --table - for standard input)\n";
        finish(ExitUsage);
        return std::nullopt;
    }
    QFile file;
    const bool opened = m_options.tableFile == u"-"
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(m_options.tableFile), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << "volmapctl: cannot read " << m_options.tableFile << ": " << file.errorString() << '\n';
        finish(ExitFailed);
        return std::nullopt;
    }
    QString text = QString::fromUtf8(file.readAll());
    // Check here first: the same grammar as the helper, with line numbers.
    ParsedTable checked = checkTableText(text, BlockDeviceResolver(m_options.systemRoot).tableResolver());
    const TableIssues &issues = checked.issues;
    if (!issues.isEmpty()) {
        const QString source = m_options.tableFile == u"-" ? QStringLiteral("<stdin>") : m_options.tableFile;
        for (const TableIssue &issue : issues) {
            err() << source << ':' << (issue.line > 0 ? QString::number(issue.line) + u':' : QString()) << ' '
                  << issue.message << '\n';
        }
        finish(ExitInvalid);
        return std::nullopt;
    }
    return TableFile{std::move(text), std::move(checked.table)};
}

} // namespace Volmap
