// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl's main() with Qt, for every command but the plain listing the
// program runs itself (main.cpp, ctlmodule.h). Both modules hold it: the
// commands module loads the helper commands module for a helper command
// (helpercommandsmodule.cpp), the helper commands module runs it directly
// (helpercommandsdirect.cpp).
#include "ctloutput.h"
#include "helpercommands.h"
#include "localcommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdlib>
#include <optional>

using namespace Volmap;

namespace {

/* What --help says besides the options: the commands and the exit status. */
void describeCommands(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Command-line client of Volume Mapper: device-mapper mappings through the volmap helper.\n"
        "\n"
        "Commands:\n"
        "  list                      every device-mapper mapping\n"
        "  table NAME                the live table of NAME (dmsetup format)\n"
        "  status NAME               per-segment status and basic_target counters\n"
        "  watch NAME                live I/O rates of NAME's basic_target segments\n"
        "  create NAME --table FILE  create NAME from a table file (- for stdin)\n"
        "  reload NAME --table FILE  swap NAME's live table\n"
        "  remove NAME               remove NAME (--deferred: when last closed)\n"
        "  reset-counters NAME       zero NAME's basic_target counters\n"
        "  persist NAME on|off       recreate NAME at startup, or no longer\n"
        "  assemble                  create the saved mappings whose devices are all there\n"
        "  load-module               load dm-mod and dm-basic-target\n"
        "  capabilities              what this kernel and helper support\n"
        "  check FILE                validate a table file offline (- for stdin)\n"
        "  devices                   the machine's block devices (no helper needed)\n"
        "\n"
        "Exit status: 0 ok, 1 failed, 2 usage, 3 invalid input, 4 not authorized,\n"
        "5 no such mapping, 6 mapping exists, 7 busy/in use/overlap,\n"
        "8 helper, device-mapper or module unavailable."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    parser.addPositionalArgument(QStringLiteral("arguments"), QStringLiteral("The command's arguments."),
                                 QStringLiteral("[arguments...]"));
}

/* The options; read back from the parser after process(). */
struct Options
{
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print JSON for scripts.")};
    const QCommandLineOption table{QStringLiteral("table"), QStringLiteral("Table file, - for stdin."),
                                   QStringLiteral("file")};
    const QCommandLineOption readOnly{QStringLiteral("read-only"),
                                      QStringLiteral("create: a read-only mapping.")};
    const QCommandLineOption deferred{QStringLiteral("deferred"),
                                      QStringLiteral("remove: if open, remove when last closed.")};
    const QCommandLineOption interval{QStringLiteral("interval"),
                                      QStringLiteral("watch: seconds between samples (default 1)."),
                                      QStringLiteral("seconds"), QStringLiteral("1")};
    const QCommandLineOption count{QStringLiteral("count"),
                                   QStringLiteral("watch, devices --follow: stop after N samples or "
                                                  "events (default: never)."),
                                   QStringLiteral("n"), QStringLiteral("0")};
    const QCommandLineOption follow{QStringLiteral("follow"),
                                    QStringLiteral("devices: print devices as they come, change and go.")};
    const QCommandLineOption noAsk{QStringLiteral("no-ask-password"),
                                   QStringLiteral("Never ask for a password; fail where one is needed.")};
    const QCommandLineOption force{QStringLiteral("force"),
                                   QStringLiteral("create: even over ranges that hold data.")};
    const QCommandLineOption persistent{QStringLiteral("persistent"),
                                        QStringLiteral("create: recreate the mapping at startup.")};
    const QCommandLineOption keepDefinition{
        QStringLiteral("keep-definition"),
        QStringLiteral("remove: keep the saved definition, so it is recreated at the next startup.")};

    QList<QCommandLineOption> all() const
    {
        return {json,   table, readOnly, deferred,   interval,      count,
                follow, noAsk, force,    persistent, keepDefinition};
    }
};

/* What volmapctl was asked to do; nullopt after saying on stderr why an option's value is wrong. */
std::optional<CtlOptions> ctlOptions(QCommandLineParser &parser, const Options &opt)
{
    CtlOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        parser.showHelp(ExitUsage);
    }
    options.command = positional.first();
    options.arguments = positional.mid(1);
    options.tableFile = parser.value(opt.table);
    options.json = parser.isSet(opt.json);
    options.readOnly = parser.isSet(opt.readOnly);
    options.deferred = parser.isSet(opt.deferred);
    options.follow = parser.isSet(opt.follow);
    options.force = parser.isSet(opt.force);
    options.persistent = parser.isSet(opt.persistent);
    options.keepDefinition = parser.isSet(opt.keepDefinition);
    bool ok = false;
    options.intervalSeconds = parser.value(opt.interval).toDouble(&ok);
    if (!ok || options.intervalSeconds <= 0) {
        err() << "volmapctl: --interval wants a positive number of seconds\n";
        return std::nullopt;
    }
    options.count = parser.value(opt.count).toInt(&ok);
    if (!ok || options.count < 0) {
        err() << "volmapctl: --count wants a number\n";
        return std::nullopt;
    }
    return options;
}

} // namespace

extern "C" Q_DECL_EXPORT int volmapctl_commands_main(int *argc, char **argv, const char *moduleDirectory)
{
    // Qt's own event loop instead of GLib's: volmapctl integrates with no
    // GLib code, and setting up GLib's main context costs about 40 system
    // calls per run. Unless the caller chose otherwise.
    ::setenv("QT_NO_GLIB", "1", 0);
    QCoreApplication app(*argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("volmapctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOLMAP_VERSION));

    QCommandLineParser parser;
    describeCommands(parser);
    const Options opt;
    parser.addOptions(opt.all());
    parser.process(app);
    const std::optional<CtlOptions> options = ctlOptions(parser, opt);
    if (!options) {
        return ExitUsage;
    }

    // Listing devices and checking a table offline never call the helper:
    // they run here, without D-Bus (no library of it is loaded). The
    // others run in the helper commands module, loaded for them alone.
    if (isLocalCommand(options->command)) {
        LocalCommands local(*options);
        QObject::connect(&local, &LocalCommands::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        local.start();
        return app.exec();
    }
    if (!isHelperCommand(options->command)) {
        err() << "volmapctl: unknown command '" << options->command << "' (see volmapctl --help)\n";
        err().flush();
        return ExitUsage;
    }
    return runHelperCommand(*options, !parser.isSet(opt.noAsk), moduleDirectory);
}
