// SPDX-License-Identifier: GPL-2.0-or-later
#include "volmapctl.h"

#include "ctloutput.h"
#include "datawarning.h"
#include "segmentsampler.h"
#include "sizeunits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTime>

namespace Volmap {

Volmapctl::Volmapctl(HelperClient &client, CtlOptions options, QObject *parent)
    : CtlCommand(std::move(options), parent)
    , m_client(client)
{}

void Volmapctl::start()
{
    // The commands isHelperCommand names; main() runs the others itself.
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

void Volmapctl::fail(const ClientError &error)
{
    err() << "volmapctl: " << error.title() << ": " << error.message << '\n';
    finish(exitCodeFor(error.kind));
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
    const auto file = readTableFile();
    if (!file || !consentToData(file->table)) {
        return;
    }
    const HelperClient::CreateFlags flags{m_options.readOnly, m_options.persistent};
    m_client.create(m_options.arguments[0], file->text, flags, [this](const ClientResult<QString> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        out() << result.value() << '\n';
        finish(ExitOk);
    });
}

bool Volmapctl::consentToData(const MappingTable &table)
{
    // Creating writes nothing, but whatever then writes to the mapping
    // overwrites what is there: say what that is, and want --force for it.
    // With --force the answer changes nothing, and reading every range
    // of a large table costs seconds: do not read them.
    if (m_options.force) {
        return true;
    }
    const QList<RangeData> data = probeTableRanges(m_options.systemRoot, table);
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
