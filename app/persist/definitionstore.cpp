// SPDX-License-Identifier: GPL-2.0-or-later
#include "definitionstore.h"

#include "filedescriptor.h"

#include "mappingname.h"
#include "persistlog.h"
#include "tabletext.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Volmap {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

Result<Done, QString> checkOwnership(const struct stat &status, uint owner)
{
    if (status.st_uid != owner) {
        return fail(QStringLiteral("owned by uid %1, not %2").arg(status.st_uid).arg(owner));
    }
    if (status.st_mode & (S_IWGRP | S_IWOTH)) {
        return fail(QStringLiteral("writable by group or others (mode %1)")
                        .arg(status.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    return Done{};
}

Result<Done, QString> writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return fail(errnoText());
        }
        done += n;
    }
    return Done{};
}

Result<Done, QString> syncDirectory(const QString &path)
{
    FileDescriptor dir(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
        return fail(QStringLiteral("cannot sync %1: %2").arg(path, errnoText()));
    }
    return Done{};
}

} // namespace

DefinitionStore::DefinitionStore(const QString &root, uint owner)
    : m_root(root)
    , m_owner(owner)
{}

QString DefinitionStore::directory() const
{
    return m_root + QStringLiteral("/etc/volmap/mappings.d");
}

QString DefinitionStore::pathOf(const QString &name) const
{
    return directory() + u'/' + name + Suffix.toString();
}

Result<Done, QString> DefinitionStore::checkDirectory() const
{
    struct stat status
    {
    };
    if (::lstat(QFile::encodeName(directory()).constData(), &status) != 0) {
        return fail(QStringLiteral("%1: %2").arg(directory(), errnoText()));
    }
    if (!S_ISDIR(status.st_mode)) {
        return fail(QStringLiteral("%1 is not a directory").arg(directory()));
    }
    if (const auto checked = checkOwnership(status, m_owner); !checked) {
        return fail(QStringLiteral("%1 is %2").arg(directory(), checked.error()));
    }
    return Done{};
}

Result<SavedDefinition, QString> DefinitionStore::readFile(const QString &name) const
{
    if (const auto checked = checkMappingName(name); !checked) {
        return fail(QStringLiteral("the file name is no mapping name: %1").arg(checked.error()));
    }
    const QByteArray path = QFile::encodeName(pathOf(name));
    // O_NOFOLLOW: a symlink is refused, not followed; O_NONBLOCK: a FIFO cannot hang us.
    FileDescriptor fd(::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        return fail(errno == ELOOP ? QStringLiteral("is a symlink") : errnoText());
    }
    struct stat status
    {
    };
    if (::fstat(fd.get(), &status) != 0) {
        return fail(errnoText());
    }
    if (!S_ISREG(status.st_mode)) {
        return fail(QStringLiteral("is not a regular file"));
    }
    if (const auto checked = checkOwnership(status, m_owner); !checked) {
        return fail(QStringLiteral("is %1").arg(checked.error()));
    }
    if (status.st_size > DefinitionFormat::MaxBytes) {
        return fail(QStringLiteral("is larger than %1 bytes").arg(DefinitionFormat::MaxBytes));
    }
    QByteArray bytes(DefinitionFormat::MaxBytes + 1, Qt::Uninitialized);
    qsizetype size = 0;
    while (size < bytes.size()) {
        const ssize_t n = ::read(fd.get(), bytes.data() + size, size_t(bytes.size() - size));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return fail(errnoText());
        }
        if (n == 0) {
            break;
        }
        size += n;
    }
    bytes.truncate(size);
    auto parsed = parseDefinition(QString::fromUtf8(bytes));
    if (parsed && parsed->name != name) {
        return fail(
            QStringLiteral("names mapping '%1', but the file name says '%2'").arg(parsed->name, name));
    }
    return parsed;
}

QList<DefinitionStore::Entry> DefinitionStore::readAll() const
{
    QList<Entry> entries;
    if (!QFileInfo::exists(directory()) && !QFileInfo(directory()).isSymLink()) {
        return entries;
    }
    if (const auto checked = checkDirectory(); !checked) {
        qCWarning(persistLog, "not using saved definitions: %s", qPrintable(checked.error()));
        return entries;
    }
    QStringList files = QDir(directory())
                            .entryList({QStringLiteral("*.mapping")},
                                       QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
    for (const QString &file : std::as_const(files)) {
        if (file.startsWith(u'.')) {
            continue; // a temporary file of write(), or one an admin hid
        }
        if (entries.size() == MaxFiles) {
            qCWarning(persistLog, "more than %lld definitions in %s; the rest are ignored",
                      qlonglong(MaxFiles), qPrintable(directory()));
            break;
        }
        const QString name = file.chopped(Suffix.size());
        Entry entry{name, readFile(name)};
        if (!entry.definition) {
            qCWarning(persistLog, "refusing definition %s: %s", qPrintable(quotedInput(file)),
                      qPrintable(entry.definition.error()));
        }
        entries.append(std::move(entry));
    }
    return entries;
}

std::optional<Result<SavedDefinition, QString>> DefinitionStore::read(const QString &name) const
{
    struct stat status
    {
    };
    if (!checkMappingName(name) || ::lstat(QFile::encodeName(pathOf(name)).constData(), &status) != 0) {
        return std::nullopt;
    }
    if (const auto checked = checkDirectory(); !checked) {
        qCWarning(persistLog, "not using saved definitions: %s", qPrintable(checked.error()));
        return fail(checked.error());
    }
    auto definition = readFile(name);
    if (!definition) {
        qCWarning(persistLog, "refusing definition %s: %s", qPrintable(name), qPrintable(definition.error()));
    }
    return definition;
}

Result<Done, QString> DefinitionStore::write(const SavedDefinition &definition) const
{
    auto staged = stage(definition);
    if (!staged) {
        return fail(std::move(staged).error());
    }
    return commit(*staged);
}

Result<DefinitionStore::Staged, QString> DefinitionStore::stage(const SavedDefinition &definition) const
{
    if (const auto checked = checkMappingName(definition.name); !checked) {
        return fail(checked.error());
    }
    if (!QDir().mkpath(directory())) {
        return fail(QStringLiteral("cannot create %1").arg(directory()));
    }
    if (const auto checked = checkDirectory(); !checked) {
        return fail(checked.error());
    }
    QByteArray temporary = QFile::encodeName(directory() + QStringLiteral("/.") + definition.name)
                           + ".XXXXXX";
    FileDescriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
    if (fd.get() < 0) {
        return fail(QStringLiteral("cannot create a file in %1: %2").arg(directory(), errnoText()));
    }
    Result<Done, QString> written = writeAll(fd.get(), formatDefinition(definition).toUtf8());
    if (written && (::fchmod(fd.get(), 0644) != 0 || ::fsync(fd.get()) != 0 || !fd.closeChecked())) {
        written = fail(errnoText());
    }
    if (!written) {
        ::unlink(temporary.constData());
        return fail(QStringLiteral("cannot write %1: %2").arg(pathOf(definition.name), written.error()));
    }
    return Staged{definition.name, QFile::decodeName(temporary)};
}

Result<Done, QString> DefinitionStore::commit(const Staged &staged) const
{
    const QByteArray temporary = QFile::encodeName(staged.temporaryPath);
    if (::rename(temporary.constData(), QFile::encodeName(pathOf(staged.name)).constData()) != 0) {
        const QString problem = errnoText();
        ::unlink(temporary.constData());
        return fail(QStringLiteral("cannot write %1: %2").arg(pathOf(staged.name), problem));
    }
    return syncDirectory(directory());
}

void DefinitionStore::discard(const Staged &staged) const
{
    ::unlink(QFile::encodeName(staged.temporaryPath).constData());
}

Result<Done, QString> DefinitionStore::remove(const QString &name) const
{
    if (const auto checked = checkMappingName(name); !checked) {
        return fail(checked.error());
    }
    if (::unlink(QFile::encodeName(pathOf(name)).constData()) != 0) {
        if (errno == ENOENT) {
            return Done{};
        }
        return fail(QStringLiteral("cannot remove %1: %2").arg(pathOf(name), errnoText()));
    }
    return syncDirectory(directory());
}

} // namespace Volmap
