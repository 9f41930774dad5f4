// SPDX-License-Identifier: GPL-2.0-or-later
#include "libdevmapperbackend.h"

#include "helperlog.h"
#include "tablesecrets.h"
#include "tabletext.h"

#include <QElapsedTimer>
#include <QStringEncoder>

#include <libdevmapper.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <memory>

namespace Volmap {

namespace {

struct TaskDeleter
{
    void operator()(dm_task *task) const { dm_task_destroy(task); }
};
using Task = std::unique_ptr<dm_task, TaskDeleter>;

// libdevmapper reports through a log callback; keep its last error so a
// failure can say what the kernel or library said.
QString &lastLibraryError()
{
    static QString message;
    return message;
}

void logFromLibrary(int level, const char *, int, int, const char *format, ...)
{
    if ((level & 7) > 3) { // only _LOG_ERR and worse
        return;
    }
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    lastLibraryError() = QString::fromUtf8(buffer);
}

QString withLibraryError(const QString &message)
{
    const QString detail = lastLibraryError();
    return detail.isEmpty() ? message : QStringLiteral("%1: %2").arg(message, detail);
}

Task newTask(int type, const QString &name = QString())
{
    lastLibraryError().clear();
    Task task(dm_task_create(type));
    if (task && !name.isEmpty() && !dm_task_set_name(task.get(), name.toUtf8().constData())) {
        return Task();
    }
    return task;
}

HelperError errorFor(dm_task *task, const QString &what, const QString &name)
{
    const int error = task ? dm_task_get_errno(task) : ENOMEM;
    switch (error) {
    case ENXIO:
    case ENODEV:
        return {HelperProtocol::Error::notFound(), QStringLiteral("no mapping named '%1'").arg(name)};
    case EBUSY:
        return {HelperProtocol::Error::busy(),
                withLibraryError(QStringLiteral("%1 '%2': the device is busy").arg(what, name))};
    default:
        return failure(withLibraryError(QStringLiteral("%1 '%2' failed").arg(what, name)));
    }
}

// `parts` joined by blanks, as UTF-8 in `out`, whose buffer is reused.
void encodeJoined(QStringEncoder &utf8, const QStringList &parts, QByteArray &out)
{
    qsizetype longest = parts.size();
    for (const QString &part : parts) {
        longest += utf8.requiredSpace(part.size());
    }
    out.resize(longest);
    char *end = out.data();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            *end++ = ' ';
        }
        end = utf8.appendToBuffer(end, parts[i]);
    }
    out.resize(end - out.constData());
}

// dm_task_add_target copies what it is given: one buffer serves every
// segment, and a run of one target converts its name once (a 100 000-
// segment table cost 300 000 allocations here before).
bool addTargets(dm_task *task, const MappingTable &table)
{
    QStringEncoder utf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    QString lastTarget;
    QByteArray target;
    QByteArray parameters;
    for (const Segment &segment : table.segments) {
        if (target.isNull() || segment.target != lastTarget) {
            lastTarget = segment.target;
            target = segment.target.toUtf8();
        }
        encodeJoined(utf8, segment.args, parameters);
        if (!dm_task_add_target(task, segment.start, segment.length, target.constData(),
                                parameters.constData())) {
            return false;
        }
    }
    return true;
}

QList<KernelSegment> segmentsOf(dm_task *task)
{
    QList<KernelSegment> segments;
    void *next = nullptr;
    do {
        uint64_t start = 0;
        uint64_t length = 0;
        char *target = nullptr;
        char *parameters = nullptr;
        next = dm_get_next_target(task, next, &start, &length, &target, &parameters);
        if (target) {
            segments.append(
                {start, length, QString::fromUtf8(target), parametersWithoutSecrets(target, parameters)});
        }
    } while (next);
    return segments;
}

// Runs a task that adds, removes or renames nodes: with udev through a
// cookie, without it by letting libdevmapper update /dev/mapper itself.
bool runWithNodes(dm_task *task)
{
    uint32_t cookie = 0;
    if (!dm_task_set_cookie(task, &cookie, 0)) {
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const int ran = dm_task_run(task);
    const qint64 ioctl = timer.restart();
    dm_udev_wait(cookie);
    // In the calls log's step timings (debug level): the kernel's part and udev's.
    qCDebug(callsLog, "device-mapper %lld ms, then udev %lld ms", ioctl, timer.elapsed());
    return ran;
}

/*
 * Between suspend and resume, I/O to the mapping waits; if the helper
 * itself then waited for a page of its own from that device (a mapping
 * under / or swap), nothing would ever resume it. So, as LVM does, all of
 * the helper's memory is locked for that time (CAP_IPC_LOCK).
 */
class MemoryLock final
{
public:
    MemoryLock()
        : m_locked(::mlockall(MCL_CURRENT | MCL_FUTURE) == 0)
    {
        if (!m_locked) {
            qCWarning(helperLog, "cannot lock the helper's memory around the table swap: %s",
                      std::strerror(errno));
        }
    }
    ~MemoryLock()
    {
        if (m_locked) {
            ::munlockall();
        }
    }
    MemoryLock(const MemoryLock &) = delete;
    MemoryLock &operator=(const MemoryLock &) = delete;

private:
    bool m_locked;
};

Outcome<Done> runSimple(int type, const QString &name, const QString &what)
{
    Task task = newTask(type, name);
    if (!task || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), what, name));
    }
    return Done{};
}

Outcome<Done> resume(const QString &name)
{
    Task task = newTask(DM_DEVICE_RESUME, name);
    if (!task || !runWithNodes(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("resuming"), name));
    }
    return Done{};
}

// The kernel takes a table's read-only flag from each load, so a reload
// must repeat it or a read-only mapping turns writable.
Outcome<Done> loadTable(const QString &name, const MappingTable &table, bool readOnly)
{
    Task task = newTask(DM_DEVICE_RELOAD, name);
    if (!task || (readOnly && !dm_task_set_ro(task.get())) || !addTargets(task.get(), table)
        || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("loading the table of"), name));
    }
    return Done{};
}

MappingTable tableFrom(const QList<KernelSegment> &segments)
{
    MappingTable table;
    for (const KernelSegment &segment : segments) {
        table.segments.append({segment.start, segment.length, segment.target,
                               segment.parameters.split(u' ', Qt::SkipEmptyParts), 0});
    }
    return table;
}

} // namespace

LibDevmapperBackend::LibDevmapperBackend()
{
    dm_log_with_errno_init(logFromLibrary);
    // Nodes follow udev when it runs; otherwise libdevmapper makes them.
    dm_udev_set_sync_support(1);
}

Outcome<QString> LibDevmapperBackend::driverVersion()
{
    char version[64] = {};
    if (!dm_driver_version(version, sizeof version)) {
        return fail(
            HelperError{HelperProtocol::Error::kernelUnsupported(),
                        QStringLiteral("the running kernel has no device-mapper (the dm-mod module is not "
                                       "loaded and could not be loaded)")});
    }
    return QString::fromUtf8(version);
}

Outcome<QMap<QString, QString>> LibDevmapperBackend::targetVersions()
{
    Task task = newTask(DM_DEVICE_LIST_VERSIONS);
    if (!task || !dm_task_run(task.get())) {
        return fail(HelperError{HelperProtocol::Error::kernelUnsupported(),
                                withLibraryError(QStringLiteral("cannot list device-mapper targets"))});
    }
    QMap<QString, QString> targets;
    dm_versions *versions = dm_task_get_versions(task.get());
    for (dm_versions *entry = versions;;
         entry = reinterpret_cast<dm_versions *>(reinterpret_cast<char *>(entry) + entry->next)) {
        targets.insert(
            QString::fromUtf8(entry->name),
            QStringLiteral("%1.%2.%3").arg(entry->version[0]).arg(entry->version[1]).arg(entry->version[2]));
        if (!entry->next) {
            break;
        }
    }
    return targets;
}

Outcome<QStringList> LibDevmapperBackend::mappingNames()
{
    Task task = newTask(DM_DEVICE_LIST);
    if (!task || !dm_task_run(task.get())) {
        return fail(HelperError{HelperProtocol::Error::kernelUnsupported(),
                                withLibraryError(QStringLiteral("cannot list device-mapper devices"))});
    }
    QStringList names;
    dm_names *entry = dm_task_get_names(task.get());
    if (!entry || !entry->dev) {
        return names;
    }
    for (;;) {
        names.append(QString::fromUtf8(entry->name));
        if (!entry->next) {
            break;
        }
        entry = reinterpret_cast<dm_names *>(reinterpret_cast<char *>(entry) + entry->next);
    }
    return names;
}

namespace {

Outcome<MappingState> stateOf(dm_task *task, const QString &name)
{
    dm_info info = {};
    if (!dm_task_get_info(task, &info) || !info.exists) {
        return fail(HelperError{HelperProtocol::Error::notFound(),
                                QStringLiteral("no mapping named '%1'").arg(name)});
    }
    MappingState state;
    state.name = name;
    state.uuid = QString::fromUtf8(dm_task_get_uuid(task));
    state.major = info.major;
    state.minor = info.minor;
    state.openCount = info.open_count;
    state.suspended = info.suspended;
    state.readOnly = info.read_only;
    state.deferredRemove = info.deferred_remove;
    state.liveTable = info.live_table;
    return state;
}

} // namespace

Outcome<MappingState> LibDevmapperBackend::info(const QString &name)
{
    Task task = newTask(DM_DEVICE_INFO, name);
    if (!task || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("reading"), name));
    }
    return stateOf(task.get(), name);
}

Outcome<MappingState> LibDevmapperBackend::mapping(const QString &name)
{
    Task task = newTask(DM_DEVICE_TABLE, name);
    // A foreign table may hold a key: the kernel and libdevmapper wipe
    // their buffers of it, and segmentsOf() never copies it.
    if (!task || !dm_task_secure_data(task.get()) || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("reading"), name));
    }
    auto state = stateOf(task.get(), name);
    if (!state) {
        return state;
    }
    if (state.value().liveTable) {
        state.value().table = segmentsOf(task.get());
    }

    Task deps = newTask(DM_DEVICE_DEPS, name);
    if (deps && dm_task_run(deps.get())) {
        if (const dm_deps *list = dm_task_get_deps(deps.get())) {
            for (uint32_t i = 0; i < list->count; ++i) {
                state.value().dependencies.append({::major(list->device[i]), ::minor(list->device[i])});
            }
        }
    }
    return state;
}

Outcome<QList<KernelSegment>> LibDevmapperBackend::status(const QString &name)
{
    Task task = newTask(DM_DEVICE_STATUS, name);
    if (!task || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("reading the status of"), name));
    }
    dm_info info = {};
    if (!dm_task_get_info(task.get(), &info) || !info.exists) {
        return fail(HelperError{HelperProtocol::Error::notFound(),
                                QStringLiteral("no mapping named '%1'").arg(name)});
    }
    return segmentsOf(task.get());
}

Outcome<QString> LibDevmapperBackend::create(const QString &name, const QString &uuid,
                                             const MappingTable &table, bool readOnly)
{
    if (info(name)) {
        return fail(HelperError{HelperProtocol::Error::exists(),
                                QStringLiteral("a mapping named '%1' exists").arg(name)});
    }
    // One task: libdevmapper creates, loads and resumes, and removes the
    // new device again if loading or resuming fails.
    Task task = newTask(DM_DEVICE_CREATE, name);
    const bool ran = task && dm_task_set_uuid(task.get(), uuid.toUtf8().constData())
                     && (!readOnly || dm_task_set_ro(task.get())) && addTargets(task.get(), table)
                     && runWithNodes(task.get());
    if (!ran) {
        HelperError error = errorFor(task.get(), QStringLiteral("creating"), name);
        if (error.name == HelperProtocol::Error::notFound()) {
            error = failure(withLibraryError(QStringLiteral("creating '%1' failed").arg(name)));
        } else if (error.name == HelperProtocol::Error::busy()) {
            // The name was free, so the kernel means a backing device.
            error = {HelperProtocol::Error::deviceInUse(),
                     withLibraryError(
                         QStringLiteral("a device in the table of '%1' is held exclusively by something "
                                        "else")
                             .arg(name))};
        }
        // Belt and braces: never leave a half-made device of ours behind.
        if (auto leftover = info(name); leftover && leftover.value().uuid == uuid) {
            remove(name, false);
        }
        return fail(error);
    }
    return QStringLiteral("/dev/mapper/") + name;
}

Outcome<Done> LibDevmapperBackend::reload(const QString &name, const MappingTable &table)
{
    const auto old = mapping(name);
    if (!old) {
        return fail(old.error());
    }
    // Load inactive: a refused table changes nothing.
    if (auto loaded = loadTable(name, table, old.value().readOnly); !loaded) {
        return fail(loaded.error());
    }
    const MemoryLock locked;
    if (auto suspended = runSimple(DM_DEVICE_SUSPEND, name, QStringLiteral("suspending")); !suspended) {
        runSimple(DM_DEVICE_CLEAR, name, QStringLiteral("clearing the inactive table of"));
        resume(name);
        return fail(suspended.error());
    }
    auto resumed = resume(name);
    if (resumed) {
        return Done{};
    }
    // The swap failed: put the old table back and make it live again.
    runSimple(DM_DEVICE_CLEAR, name, QStringLiteral("clearing the inactive table of"));
    if (old.value().liveTable) {
        loadTable(name, tableFrom(old.value().table), old.value().readOnly);
    }
    resume(name);
    return fail(resumed.error());
}

Outcome<Done> LibDevmapperBackend::remove(const QString &name, bool deferred)
{
    const auto state = info(name);
    if (!state) {
        return fail(state.error());
    }
    if (state.value().openCount > 0 && !deferred) {
        return fail(
            HelperError{HelperProtocol::Error::deviceInUse(),
                        QStringLiteral("'%1' is open (%2 users): close it first, or remove it deferred")
                            .arg(name, QString::number(state.value().openCount))});
    }
    Task task = newTask(DM_DEVICE_REMOVE, name);
    if (!task) {
        return fail(failure(QStringLiteral("out of memory")));
    }
    if (deferred) {
        dm_task_deferred_remove(task.get());
    }
    // Transient openers such as udev's blkid make the first try fail.
    dm_task_retry_remove(task.get());
    if (!runWithNodes(task.get())) {
        HelperError error = errorFor(task.get(), QStringLiteral("removing"), name);
        if (error.name == HelperProtocol::Error::busy()) {
            error.name = HelperProtocol::Error::deviceInUse();
        }
        return fail(error);
    }
    return Done{};
}

Outcome<Done> LibDevmapperBackend::sendMessage(const QString &name, quint64 sector, const QString &message)
{
    Task task = newTask(DM_DEVICE_TARGET_MSG, name);
    if (!task || !dm_task_set_sector(task.get(), sector)
        || !dm_task_set_message(task.get(), message.toUtf8().constData()) || !dm_task_run(task.get())) {
        return fail(errorFor(task.get(), QStringLiteral("sending '%1' to").arg(message), name));
    }
    return Done{};
}

} // namespace Volmap
