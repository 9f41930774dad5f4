// SPDX-License-Identifier: GPL-2.0-or-later
#include "volmapctl.h"

#include "blockdeviceresolver.h"
#include "blockdevicescanner.h"
#include "ctloutput.h"
#include "datawarning.h"
#include "segmentsampler.h"
#include "sizeunits.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace Volmap {

int exitCodeFor(ClientErrorKind kind)
{
    switch (kind) {
    case ClientErrorKind::InvalidArgument:
    case ClientErrorKind::NoStableIdentity: // the table, or the choice to save it, has to change
        return ExitInvalid;
    case ClientErrorKind::NotAuthorized:
    case ClientErrorKind::Dismissed:
    case ClientErrorKind::NoAuthenticationAgent:
        return ExitNotAuthorized;
    case ClientErrorKind::NotFound:
        return ExitNotFound;
    case ClientErrorKind::Exists:
        return ExitExists;
    case ClientErrorKind::Busy:
    case ClientErrorKind::LimitsExceeded:
    case ClientErrorKind::DeviceInUse:
    case ClientErrorKind::Overlap:
    case ClientErrorKind::ReadOnlyDevice:
        return ExitInUse;
    case ClientErrorKind::HelperMissing:
    case ClientErrorKind::NoSystemBus:
    case ClientErrorKind::KernelUnsupported:
    case ClientErrorKind::ModuleUnavailable:
        return ExitUnavailable;
    case ClientErrorKind::Timeout:
    case ClientErrorKind::Failed:
        break;
    }
    return ExitFailed;
}

Volmapctl::Volmapctl(HelperClient &client, CtlOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{}

void Volmapctl::start()
{
    const QHash<QString, void (Volmapctl::*)()> commands = {
        {QStringLiteral("capabilities"), &Volmapctl::capabilities},
        {QStringLiteral("list"), &Volmapctl::list},
        {QStringLiteral("table"), &Volmapctl::table},
        {QStringLiteral("status"), &Volmapctl::status},
        {QStringLiteral("create"), &Volmapctl::create},
        {QStringLiteral("reload"), &Volmapctl::reload},
        {QStringLiteral("remove"), &Volmapctl::remove},
        {QStringLiteral("reset-counters"), &Volmapctl::resetCounters},
        {QStringLiteral("persist"), &Volmapctl::persist},
        {QStringLiteral("assemble"), &Volmapctl::assemble},
        {QStringLiteral("load-module"), &Volmapctl::loadModule},
        {QStringLiteral("check"), &Volmapctl::check},
        {QStringLiteral("devices"), &Volmapctl::devices},
        {QStringLiteral("watch"), &Volmapctl::watch},
    };
    const auto command = commands.value(m_options.command);
    if (!command) {
        err() << "volmapctl: unknown command '" << m_options.command << "' (see volmapctl --help)\n";
        finish(ExitUsage);
        return;
    }
    (this->*command)();
}

void Volmapctl::finish(int code)
{
    out().flush();
    err().flush();
    // Queued: main() quits on it, and exit() from inside a callback would
    // be lost before exec() runs.
    QMetaObject::invokeMethod(
        this, [this, code]() { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

void Volmapctl::fail(const ClientError &error)
{
    err() << "volmapctl: " << error.title() << ": " << error.message << '\n';
    finish(exitCodeFor(error.kind));
}

bool Volmapctl::needArguments(int count, const QString &usage)
{
    if (m_options.arguments.size() == count) {
        return true;
    }
    err() << "usage: volmapctl " << usage << '\n';
    finish(ExitUsage);
    return false;
}

std::optional<QString> Volmapctl::readTable()
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
    const QString text = QString::fromUtf8(file.readAll());
    // Check here first: the same grammar as the helper, with line numbers.
    const TableIssues issues = validateTableText(text,
                                                 BlockDeviceResolver(m_options.systemRoot).tableResolver());
    if (!issues.isEmpty()) {
        const QString source = m_options.tableFile == u"-" ? QStringLiteral("<stdin>") : m_options.tableFile;
        for (const TableIssue &issue : issues) {
            err() << source << ':' << (issue.line > 0 ? QString::number(issue.line) + u':' : QString()) << ' '
                  << issue.message << '\n';
        }
        finish(ExitInvalid);
        return std::nullopt;
    }
    return text;
}

void Volmapctl::capabilities()
{
    if (!needArguments(0, QStringLiteral("capabilities [--json]"))) {
        return;
    }
    m_client.capabilities([this](const ClientResult<QVariantMap> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        const QVariantMap &caps = result.value();
        if (m_options.json) {
            printJson(QJsonObject::fromVariantMap(caps));
        } else {
            QStringList targets;
            namespace Capability = HelperProtocol::Capability;
            const QVariantMap versions = caps.value(Capability::targets()).toMap();
            for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
                targets.append(it.key() + u' ' + it.value().toString());
            }
            auto yesNo = [&](const QString &key) { return caps.value(key).toBool() ? "yes" : "no"; };
            out() << "helper version:         " << caps.value(Capability::helperVersion()).toString() << '\n'
                  << "kernel release:         " << caps.value(Capability::kernelRelease()).toString() << '\n'
                  << "device-mapper:          " << yesNo(Capability::deviceMapper()) << ' '
                  << caps.value(Capability::driverVersion()).toString() << '\n'
                  << "basic_target loaded:    " << yesNo(Capability::basicTargetLoaded()) << '\n'
                  << "basic_target available: " << yesNo(Capability::basicTargetAvailable()) << '\n'
                  << "targets:                " << targets.join(QStringLiteral(", ")) << '\n';
        }
        finish(ExitOk);
    });
}

void Volmapctl::list()
{
    if (!needArguments(0, QStringLiteral("list [--json]"))) {
        return;
    }
    m_client.listMappings([this](const ClientResult<QList<MappingSummary>> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        // Then the saved definitions; a helper without them lists the live mappings alone.
        m_client.listSaved(
            [this, mappings = result.value()](const ClientResult<QList<SavedMappingState>> &saved) {
                printMappings(mappings, saved.value_or(QList<SavedMappingState>()));
                finish(ExitOk);
            });
    });
}

void Volmapctl::table()
{
    if (!needArguments(1, QStringLiteral("table NAME"))) {
        return;
    }
    m_client.table(m_options.arguments[0], [this](const ClientResult<QString> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        out() << result.value();
        finish(ExitOk);
    });
}

void Volmapctl::status()
{
    if (!needArguments(1, QStringLiteral("status NAME [--json]"))) {
        return;
    }
    m_client.status(m_options.arguments[0], [this](const ClientResult<QList<SegmentStatus>> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        const auto &segments = result.value();
        if (m_options.json) {
            QJsonArray array;
            for (const SegmentStatus &s : segments) {
                namespace Key = HelperProtocol::Key;
                QJsonObject object{{Key::start(), qint64(s.start)},
                                   {Key::length(), qint64(s.length)},
                                   {Key::target(), s.target},
                                   {Key::status(), s.status}};
                if (s.hasCounters) {
                    object.insert(Key::reads(), qint64(s.reads));
                    object.insert(Key::writes(), qint64(s.writes));
                    object.insert(Key::readSectors(), qint64(s.readSectors));
                    object.insert(Key::writeSectors(), qint64(s.writeSectors));
                    object.insert(Key::flushes(), qint64(s.flushes));
                    object.insert(Key::discards(), qint64(s.discards));
                    if (s.errors) {
                        object.insert(Key::errors(), qint64(*s.errors));
                    }
                }
                array.append(object);
            }
            printJson(array);
        } else {
            QList<QStringList> rows{
                {QStringLiteral("START"), QStringLiteral("LENGTH"), QStringLiteral("TARGET"),
                 QStringLiteral("READS"), QStringLiteral("READ"), QStringLiteral("WRITES"),
                 QStringLiteral("WRITTEN"), QStringLiteral("FLUSHES"), QStringLiteral("DISCARDS")}};
            for (const SegmentStatus &s : segments) {
                if (!s.hasCounters) {
                    rows.append({QString::number(s.start), QString::number(s.length), s.target,
                                 QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                                 QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-")});
                    continue;
                }
                rows.append({QString::number(s.start), QString::number(s.length), s.target,
                             QString::number(s.reads), bytesOfSectors(s.readSectors),
                             QString::number(s.writes), bytesOfSectors(s.writeSectors),
                             QString::number(s.flushes), QString::number(s.discards)});
            }
            printTable(rows);
        }
        finish(ExitOk);
    });
}

void Volmapctl::create()
{
    if (!needArguments(1,
                       QStringLiteral("create NAME --table FILE|- [--read-only] [--force] [--persistent]"))) {
        return;
    }
    const auto text = readTable();
    if (!text || !consentToData(*text)) {
        return;
    }
    const HelperClient::CreateFlags flags{m_options.readOnly, m_options.persistent};
    m_client.create(m_options.arguments[0], *text, flags, [this](const ClientResult<QString> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        out() << result.value() << '\n';
        finish(ExitOk);
    });
}

bool Volmapctl::consentToData(const QString &text)
{
    // Creating writes nothing, but whatever then writes to the mapping
    // overwrites what is there: say what that is, and want --force for it.
    // With --force the answer changes nothing, and reading every range
    // of a large table costs seconds: do not read them.
    if (m_options.force) {
        return true;
    }
    const QList<RangeData> data = probeTableRanges(m_options.systemRoot, parseTable(text).table);
    if (!anyHoldsData(data)) {
        return true;
    }
    err() << "volmapctl: not creating " << m_options.arguments[0]
          << ": these ranges hold data that writes to the mapping would destroy:\n";
    for (const QString &line : describeRangeData(data)) {
        err() << "  " << line << '\n';
    }
    err() << "volmapctl: use --force to create it anyway\n";
    finish(ExitInUse);
    return false;
}

void Volmapctl::reload()
{
    if (!needArguments(1, QStringLiteral("reload NAME --table FILE|-"))) {
        return;
    }
    const auto text = readTable();
    if (!text) {
        return;
    }
    m_client.reload(m_options.arguments[0], *text, [this](const ClientResult<Done> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        finish(ExitOk);
    });
}

void Volmapctl::remove()
{
    if (!needArguments(1, QStringLiteral("remove NAME [--deferred] [--keep-definition]"))) {
        return;
    }
    m_client.remove(m_options.arguments[0], m_options.deferred, m_options.keepDefinition,
                    [this](const ClientResult<Done> &result) {
                        if (!result) {
                            fail(result.error());
                            return;
                        }
                        finish(ExitOk);
                    });
}

void Volmapctl::resetCounters()
{
    if (!needArguments(1, QStringLiteral("reset-counters NAME"))) {
        return;
    }
    m_client.resetCounters(m_options.arguments[0], [this](const ClientResult<Done> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        finish(ExitOk);
    });
}

void Volmapctl::loadModule()
{
    if (!needArguments(0, QStringLiteral("load-module"))) {
        return;
    }
    m_client.loadTargetModule([this](const ClientResult<Done> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        finish(ExitOk);
    });
}

void Volmapctl::check()
{
    if (!needArguments(1, QStringLiteral("check FILE|-"))) {
        return;
    }
    m_options.tableFile = m_options.arguments[0];
    const auto text = readTable();
    if (!text) {
        return;
    }
    const ParsedTable parsed = parseTable(*text);
    const quint64 sectors = parsed.table.lengthInSectors();
    if (m_options.json) {
        printJson(QJsonObject{{QStringLiteral("valid"), true},
                              {QStringLiteral("segments"), int(parsed.table.segments.size())},
                              {QStringLiteral("sectors"), qint64(sectors)}});
    } else {
        out() << m_options.tableFile << ": valid, " << parsed.table.segments.size() << " segments, "
              << sectors << " sectors (" << bytesOfSectors(sectors) << ")\n";
    }
    finish(ExitOk);
}

void Volmapctl::devices()
{
    if (!needArguments(0, QStringLiteral("devices [--json] [--follow [--count N]]"))) {
        return;
    }
    if (m_options.follow) {
        followDevices();
        return;
    }
    const QList<BlockDeviceInfo> devices = BlockDeviceScanner().scanAll();
    if (m_options.json) {
        // lsblk's key names where the meaning is the same.
        QJsonArray array;
        for (const BlockDeviceInfo &d : devices) {
            auto orNull = [](const QString &text) {
                return text.isEmpty() ? QJsonValue() : QJsonValue(text);
            };
            array.append(QJsonObject{
                {QStringLiteral("name"), d.kernelName},
                {QStringLiteral("path"), d.node},
                {QStringLiteral("maj:min"), d.number.toString()},
                {QStringLiteral("type"), kindName(d.kind)},
                {QStringLiteral("pkname"), orNull(d.parent.isEmpty() ? d.slaves.value(0) : d.parent)},
                {QStringLiteral("slaves"), QJsonArray::fromStringList(d.slaves)},
                {QStringLiteral("size"), qint64(d.sizeInBytes())},
                {QStringLiteral("start"),
                 d.kind == DeviceKind::Partition ? QJsonValue(qint64(d.partitionStart)) : QJsonValue()},
                {QStringLiteral("log-sec"), int(d.logicalBlockSize)},
                {QStringLiteral("phy-sec"), int(d.physicalBlockSize)},
                {QStringLiteral("ro"), d.readOnly},
                {QStringLiteral("rm"), d.removable},
                {QStringLiteral("model"), orNull(d.model)},
                {QStringLiteral("serial"), orNull(d.serial)},
                {QStringLiteral("fstype"), orNull(d.fsType)},
                {QStringLiteral("label"), orNull(d.fsLabel)},
                {QStringLiteral("uuid"), orNull(d.fsUuid)},
                {QStringLiteral("partuuid"), orNull(d.partUuid)},
                {QStringLiteral("pttype"), orNull(d.partTableType)},
                {QStringLiteral("mountpoints"), QJsonArray::fromStringList(d.mountPoints)},
                {QStringLiteral("swap"), d.swap},
                {QStringLiteral("holders"), QJsonArray::fromStringList(d.holders)},
                {QStringLiteral("dm-name"), orNull(d.dmName)},
                {QStringLiteral("back-file"), orNull(d.loopBackingFile)},
                {QStringLiteral("in-use"), orNull(d.inUseReason())}});
        }
        printJson(array);
    } else {
        QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("MAJ:MIN"),
                                 QStringLiteral("SIZE"), QStringLiteral("FSTYPE"), QStringLiteral("LABEL"),
                                 QStringLiteral("IN USE")}};
        for (const BlockDeviceInfo &d : devices) {
            const QString name = (d.kind == DeviceKind::Partition ? QStringLiteral("  ") : QString())
                                 + (d.dmName.isEmpty() ? d.kernelName
                                                       : d.kernelName + u' ' + u'(' + d.dmName + u')');
            rows.append({name, kindName(d.kind), d.number.toString(), formatSizeHuman(d.sizeInBytes()),
                         d.fsType, d.fsLabel, d.inUseReason()});
        }
        printTable(rows);
    }
    finish(ExitOk);
}

void Volmapctl::reportDevice(const QString &what, const BlockDeviceInfo &device)
{
    out() << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << ' ' << what << ' '
          << device.kernelName << ' ' << device.number.toString() << ' ' << kindName(device.kind) << ' '
          << formatSizeHuman(device.sizeInBytes());
    if (!device.fsType.isEmpty()) {
        out() << ' ' << device.fsType;
    }
    if (const QString usage = device.inUseReason(); !usage.isEmpty()) {
        out() << " (" << usage << ')';
    }
    out() << '\n';
    out().flush();
    ++m_samples;
    if (m_options.count > 0 && m_samples >= m_options.count) {
        finish(ExitOk);
    }
}

void Volmapctl::followDevices()
{
    m_monitor = std::make_unique<DeviceMonitor>();
    // The monitor scans on its own thread: the first listing arrives later.
    auto announced = std::make_shared<bool>(false);
    connect(m_monitor.get(), &DeviceMonitor::rescanned, this,
            [this, announced](const QList<BlockDeviceInfo> &devices) {
                if (!*announced) {
                    *announced = true;
                    out() << "following " << devices.size() << " block devices ("
                          << (m_monitor->usesUdev() ? "udev events" : "polling") << ")\n";
                    out().flush();
                }
                QHash<QString, BlockDeviceInfo> now;
                for (const BlockDeviceInfo &device : devices) {
                    now.insert(device.kernelName, device);
                }
                const bool first = m_known.isEmpty() && m_samples == 0;
                for (const BlockDeviceInfo &device : devices) {
                    if (first) {
                        continue;
                    }
                    if (!m_known.contains(device.kernelName)) {
                        reportDevice(QStringLiteral("added"), device);
                    } else if (!(m_known.value(device.kernelName) == device)) {
                        reportDevice(QStringLiteral("changed"), device);
                    }
                }
                for (const BlockDeviceInfo &gone : std::as_const(m_known)) {
                    if (!now.contains(gone.kernelName)) {
                        reportDevice(QStringLiteral("removed"), gone);
                    }
                }
                m_known = now;
            });
    connect(m_monitor.get(), &DeviceMonitor::deviceChanged, this, [this](const BlockDeviceInfo &device) {
        const auto known = m_known.constFind(device.kernelName);
        if (known != m_known.cend() && *known == device) {
            return; // udev often says "change" twice
        }
        const bool added = known == m_known.cend();
        m_known.insert(device.kernelName, device);
        reportDevice(added ? QStringLiteral("added") : QStringLiteral("changed"), device);
    });
    connect(m_monitor.get(), &DeviceMonitor::deviceRemoved, this, [this](const QString &name) {
        if (m_known.contains(name)) {
            reportDevice(QStringLiteral("removed"), m_known.take(name));
        }
    });
    m_monitor->start();
}

void Volmapctl::watch()
{
    if (!needArguments(1, QStringLiteral("watch NAME [--interval SECONDS] [--count N]"))) {
        return;
    }
    // The app's sampler, so volmapctl gets its one-request-at-a-time guard
    // and its rates; volmapctl keeps its own timer for its shorter minimum.
    m_sampler = std::make_unique<SegmentSampler>(m_client);
    m_sampler->watch(m_options.arguments[0]);
    connect(m_sampler.get(), &SegmentSampler::sampled, this, &Volmapctl::printSample);
    connect(m_sampler.get(), &SegmentSampler::failed, this,
            [this](const QString &, const ClientError &error) {
                m_watchTimer.stop();
                fail(error);
            });
    m_watchTimer.setInterval(qMax(50, int(m_options.intervalSeconds * 1000)));
    connect(&m_watchTimer, &QTimer::timeout, m_sampler.get(), &SegmentSampler::sampleNow);
    m_sampler->sampleNow();
    m_watchTimer.start();
}

void Volmapctl::printSample(const QString &name)
{
    const QList<SegmentStatus> segments = m_sampler->latest(name);
    // The first sample has nothing to compare with: show totals.
    const QList<SegmentRates> rates = m_sampler->latestHasRates(name) ? m_sampler->history(name).constLast()
                                                                      : QList<SegmentRates>();
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    qsizetype counted = 0; // rates hold the basic_target segments only, in table order
    for (int i = 0; i < segments.size(); ++i) {
        const SegmentStatus &now = segments[i];
        if (!now.hasCounters) {
            continue;
        }
        out() << time << ' ' << name << " segment " << i << " (" << now.start << '+' << now.length << ' '
              << now.target << "): ";
        if (counted < rates.size()) {
            const SegmentRates &r = rates[counted];
            out() << QString::number(r.readIops, 'f', 1) << " r/s " << formatRateHuman(r.readBytesPerSecond)
                  << ", " << QString::number(r.writeIops, 'f', 1) << " w/s "
                  << formatRateHuman(r.writeBytesPerSecond) << ", " << r.flushes << " flushes, " << r.discards
                  << " discards\n";
        } else {
            out() << now.reads << " reads (" << bytesOfSectors(now.readSectors) << "), " << now.writes
                  << " writes (" << bytesOfSectors(now.writeSectors) << "), " << now.flushes << " flushes, "
                  << now.discards << " discards in total\n";
        }
        ++counted;
    }
    out().flush();
    ++m_samples;
    if (m_options.count > 0 && m_samples >= m_options.count) {
        m_watchTimer.stop();
        finish(ExitOk);
    }
}

} // namespace Volmap
