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

std::optional<QString> ownershipProblem(const struct stat &status, uint owner)
{
    if (status.st_uid != owner) {
        return QStringLiteral("owned by uid %1, not %2").arg(status.st_uid).arg(owner);
    }
    if (status.st_mode & (S_IWGRP | S_IWOTH)) {
        return QStringLiteral("writable by group or others (mode %1)")
            .arg(status.st_mode & 07777, 4, 8, QLatin1Char('0'));
    }
    return std::nullopt;
}

std::optional<QString> writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return errnoText();
        }
        done += n;
    }
    return std::nullopt;
}

std::optional<QString> syncDirectory(const QString &path)
{
    FileDescriptor dir(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
        return QStringLiteral("cannot sync %1: %2").arg(path, errnoText());
    }
    return std::nullopt;
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

std::optional<QString> DefinitionStore::directoryProblem() const
{
    struct stat status
    {
    };
    if (::lstat(QFile::encodeName(directory()).constData(), &status) != 0) {
        return QStringLiteral("%1: %2").arg(directory(), errnoText());
    }
    if (!S_ISDIR(status.st_mode)) {
        return QStringLiteral("%1 is not a directory").arg(directory());
    }
    if (auto problem = ownershipProblem(status, m_owner)) {
        return QStringLiteral("%1 is %2").arg(directory(), *problem);
    }
    return std::nullopt;
}

std::variant<SavedDefinition, QString> DefinitionStore::readFile(const QString &name) const
{
    if (auto problem = mappingNameProblem(name)) {
        return QStringLiteral("the file name is no mapping name: %1").arg(*problem);
    }
    const QByteArray path = QFile::encodeName(pathOf(name));
    // O_NOFOLLOW: a symlink is refused, not followed; O_NONBLOCK: a FIFO cannot hang us.
    FileDescriptor fd(::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        return errno == ELOOP ? QStringLiteral("is a symlink") : errnoText();
    }
    struct stat status
    {
    };
    if (::fstat(fd.get(), &status) != 0) {
        return errnoText();
    }
    if (!S_ISREG(status.st_mode)) {
        return QStringLiteral("is not a regular file");
    }
    if (auto problem = ownershipProblem(status, m_owner)) {
        return QStringLiteral("is %1").arg(*problem);
    }
    if (status.st_size > DefinitionFormat::MaxBytes) {
        return QStringLiteral("is larger than %1 bytes").arg(DefinitionFormat::MaxBytes);
    }
    QByteArray bytes(DefinitionFormat::MaxBytes + 1, Qt::Uninitialized);
    qsizetype size = 0;
    while (size < bytes.size()) {
        const ssize_t n = ::read(fd.get(), bytes.data() + size, size_t(bytes.size() - size));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return errnoText();
        }
        if (n == 0) {
            break;
        }
        size += n;
    }
    bytes.truncate(size);
    auto parsed = parseDefinition(QString::fromUtf8(bytes));
    if (const auto *definition = std::get_if<SavedDefinition>(&parsed);
        definition && definition->name != name) {
        return QStringLiteral("names mapping '%1', but the file name says '%2'").arg(definition->name, name);
    }
    return parsed;
}

QList<DefinitionStore::Entry> DefinitionStore::readAll() const
{
    QList<Entry> entries;
    if (!QFileInfo::exists(directory()) && !QFileInfo(directory()).isSymLink()) {
        return entries;
    }
    if (auto problem = directoryProblem()) {
        qCWarning(persistLog, "not using saved definitions: %s", qPrintable(*problem));
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
        if (const auto *reason = std::get_if<QString>(&entry.definition)) {
            qCWarning(persistLog, "refusing definition %s: %s", qPrintable(quotedInput(file)),
                      qPrintable(*reason));
        }
        entries.append(std::move(entry));
    }
    return entries;
}

std::optional<std::variant<SavedDefinition, QString>> DefinitionStore::read(const QString &name) const
{
    struct stat status
    {
    };
    if (mappingNameProblem(name) || ::lstat(QFile::encodeName(pathOf(name)).constData(), &status) != 0) {
        return std::nullopt;
    }
    if (auto problem = directoryProblem()) {
        qCWarning(persistLog, "not using saved definitions: %s", qPrintable(*problem));
        return *problem;
    }
    auto definition = readFile(name);
    if (const auto *reason = std::get_if<QString>(&definition)) {
        qCWarning(persistLog, "refusing definition %s: %s", qPrintable(name), qPrintable(*reason));
    }
    return definition;
}

std::optional<QString> DefinitionStore::write(const SavedDefinition &definition) const
{
    auto staged = stage(definition);
    if (const auto *problem = std::get_if<QString>(&staged)) {
        return *problem;
    }
    return commit(std::get<Staged>(staged));
}

std::variant<DefinitionStore::Staged, QString> DefinitionStore::stage(const SavedDefinition &definition) const
{
    if (auto problem = mappingNameProblem(definition.name)) {
        return *problem;
    }
    if (!QDir().mkpath(directory())) {
        return QStringLiteral("cannot create %1").arg(directory());
    }
    if (auto problem = directoryProblem()) {
        return *problem;
    }
    QByteArray temporary = QFile::encodeName(directory() + QStringLiteral("/.") + definition.name)
                           + ".XXXXXX";
    FileDescriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
    if (fd.get() < 0) {
        return QStringLiteral("cannot create a file in %1: %2").arg(directory(), errnoText());
    }
    std::optional<QString> problem = writeAll(fd.get(), formatDefinition(definition).toUtf8());
    if (!problem && (::fchmod(fd.get(), 0644) != 0 || ::fsync(fd.get()) != 0 || !fd.closeChecked())) {
        problem = errnoText();
    }
    if (problem) {
        ::unlink(temporary.constData());
        return QStringLiteral("cannot write %1: %2").arg(pathOf(definition.name), *problem);
    }
    return Staged{definition.name, QFile::decodeName(temporary)};
}

std::optional<QString> DefinitionStore::commit(const Staged &staged) const
{
    const QByteArray temporary = QFile::encodeName(staged.temporaryPath);
    if (::rename(temporary.constData(), QFile::encodeName(pathOf(staged.name)).constData()) != 0) {
        const QString problem = errnoText();
        ::unlink(temporary.constData());
        return QStringLiteral("cannot write %1: %2").arg(pathOf(staged.name), problem);
    }
    return syncDirectory(directory());
}

void DefinitionStore::discard(const Staged &staged) const
{
    ::unlink(QFile::encodeName(staged.temporaryPath).constData());
}

std::optional<QString> DefinitionStore::remove(const QString &name) const
{
    if (auto problem = mappingNameProblem(name)) {
        return *problem;
    }
    if (::unlink(QFile::encodeName(pathOf(name)).constData()) != 0) {
        return errno == ENOENT
                   ? std::nullopt
                   : std::optional(QStringLiteral("cannot remove %1: %2").arg(pathOf(name), errnoText()));
    }
    return syncDirectory(directory());
}

} // namespace Volmap
