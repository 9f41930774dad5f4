// SPDX-License-Identifier: GPL-2.0-or-later
#include "helper1adaptor.h"
#include "helperlog.h"
#include "helperservice.h"
#include "kmodloader.h"
#include "libdevmapperbackend.h"
#include "polkitauthorizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/file.h>

#include <unistd.h>

using namespace Volmap;

namespace {

// `volmap-helper --assemble`: what udev and volmap-assemble.service run.
// No bus is needed: it works at boot with nobody logged in, and as root
// nothing needs authorizing.
int assembleSaved(MappingActions &actions, ModuleLoader &modules)
{
    // One assembly at a time: udev starts one per device that appears, and
    // each must see what the one before it created. Held until exit.
    const int lock = ::open("/run/volmap-assemble.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
        qCCritical(helperLog, "cannot lock /run/volmap-assemble.lock: %s", std::strerror(errno));
        return 1;
    }
    if (const auto loaded = modules.load(QStringLiteral("dm-mod")); !loaded) {
        qCInfo(helperLog, "device-mapper is not available yet: %s", qPrintable(loaded.error().message));
    }
    const MappingActions::AssemblyResult result = actions.assembleAll();
    for (const QVariantMap &map : result.saved) {
        const auto [name, state, reason] = SavedMappingState::fromMap(map);
        const bool now = result.created.contains(name);
        std::printf("%s: %s%s%s\n", qPrintable(name), qPrintable(state), now ? " (now)" : "",
                    reason.isEmpty() ? "" : qPrintable(QStringLiteral(": ") + reason));
    }
    std::fflush(stdout);
    return result.broke ? 1 : 0;
}

/* What the command line asks for. */
struct CommandLine
{
    int idleSeconds = 60;
    bool assemble = false;
};

/* nullopt (logged) if --idle-timeout is not a number of seconds. */
std::optional<CommandLine> parseCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Volume Mapper's privileged helper, org.volmap.Helper1 on the system bus. "
                       "Started by D-Bus activation; not meant to be run by hand."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption idleOption(QStringLiteral("idle-timeout"),
                                        QStringLiteral("Exit after <seconds> without calls (0: never)."),
                                        QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOption(idleOption);
    const QCommandLineOption assembleOption(
        QStringLiteral("assemble"),
        QStringLiteral("Create every saved mapping whose devices are all present and free, report the others "
                       "with their reason, and exit (0 unless something broke)."));
    parser.addOption(assembleOption);
    parser.process(app);
    CommandLine commandLine;
    bool idleOk = false;
    commandLine.idleSeconds = parser.value(idleOption).toInt(&idleOk);
    if (!idleOk || commandLine.idleSeconds < 0) {
        qCCritical(helperLog, "--idle-timeout wants a number of seconds");
        return std::nullopt;
    }
    commandLine.assemble = parser.isSet(assembleOption);
    return commandLine;
}

/* The service at its path and under its name on the system bus; false (logged) if the bus refuses. */
bool publish(HelperService &service, QDBusConnection &bus)
{
    if (!bus.isConnected()) {
        qCCritical(helperLog, "cannot connect to the system bus: %s", qPrintable(bus.lastError().message()));
        return false;
    }
    if (!bus.registerObject(HelperProtocol::objectPath(), &service)) {
        qCCritical(helperLog, "cannot register %s", qPrintable(HelperProtocol::objectPath()));
        return false;
    }
    if (!bus.registerService(HelperProtocol::serviceName())) {
        qCCritical(helperLog, "cannot own %s: %s", qPrintable(HelperProtocol::serviceName()),
                   qPrintable(bus.lastError().message()));
        return false;
    }
    return true;
}

// Like kpmcore's helper: nobody needs a root process lingering. And a
// helper the bus dropped can never be called again, while it keeps
// D-Bus from starting a new one: it must go too.
void exitWhenIdleOrDropped(QTimer &lifeCheck, const HelperService &service, const QDBusConnection &bus,
                           int idleSeconds)
{
    QObject::connect(&lifeCheck, &QTimer::timeout, QCoreApplication::instance(),
                     [&service, &bus, idleSeconds]() {
                         if (!bus.isConnected()) {
                             qCWarning(helperLog, "lost the connection to the system bus, exiting");
                             QCoreApplication::exit(1);
                         } else if (idleSeconds > 0 && service.pendingCalls() == 0
                                    && service.idleMilliseconds() >= idleSeconds * 1000LL) {
                             qCInfo(helperLog, "idle for %d s, exiting", idleSeconds);
                             QCoreApplication::quit();
                         }
                     });
    lifeCheck.start(1000);
}

} // namespace

int main(int argc, char *argv[])
{
    // Lines read as they did before the logging categories: the call log's
    // "uid U (:1.7): ..." starts the line in the journal and in bus logs.
    // QT_MESSAGE_PATTERN="%{category}: %{message}" shows the categories.
    qSetMessagePattern(QStringLiteral("%{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("volmap-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOLMAP_VERSION));
    const std::optional<CommandLine> commandLine = parseCommandLine(app);
    if (!commandLine) {
        return 2;
    }
    if (::geteuid() != 0) {
        qCCritical(
            helperLog,
            "volmap-helper must run as root (it is started by D-Bus activation, or with --assemble by root)");
        return 1;
    }

    qDBusRegisterMetaType<QList<QVariantMap>>();

    LibDevmapperBackend backend;
    KmodLoader modules;
    SystemDeviceInspector devices;
    PolkitAuthorizer authorizer;
    HelperService service(backend, modules, devices, authorizer);
    SavedMappings saved(backend, devices, DefinitionStore(), []() { return scanDevices(); });
    service.setSavedMappings(&saved);
    if (commandLine->assemble) {
        return assembleSaved(service.actions(), modules);
    }
    new Helper1Adaptor(&service);

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!publish(service, bus)) {
        return 1;
    }
    service.watchCallersOn(bus);
    // Before libdevmapper's first call: when that finds no device-mapper,
    // libdevmapper remembers it for the life of the process, and a later
    // LoadTargetModule or CreateMapping would load dm-mod in vain.
    if (const auto loaded = modules.load(QStringLiteral("dm-mod")); !loaded) {
        qCInfo(helperLog, "device-mapper is not available yet: %s", qPrintable(loaded.error().message));
    }
    // Only after owning the name: no other helper can be creating a
    // mapping now, so one without a table really was abandoned. Calls
    // wait until the event loop runs.
    service.cleanUpAbandoned();

    QTimer lifeCheck;
    exitWhenIdleOrDropped(lifeCheck, service, bus, commandLine->idleSeconds);
    return app.exec();
}
