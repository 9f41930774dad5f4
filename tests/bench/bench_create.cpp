// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark (not a test): the table work of creating a 10 000-segment
// mapping, as vm-helper.sh's table is (`N 8 linear /dev/ram0 N`), without
// the bus, polkit or the kernel: what volmapctl checks before it sends the
// table, and what the helper admits and prepares. Devices come from a fake
// inspector, so this measures our code, not sysfs. Best of five per step;
// run it under callgrind for instruction counts.

#include "admission.h"
#include "besttime.h"
#include "deviceinspector.h"
#include "tablepreparation.h"
#include "tablevalidator.h"

#include <QCoreApplication>

#include <cstdio>
#include <functional>

using namespace Volmap;

namespace {

ResolvedDevice ramdisk()
{
    return {
        {DeviceNumber{1, 0}, quint64(1) << 30, 512, QStringLiteral("/dev/ram0")}, DeviceNumber{1, 0}, 0, {}};
}

// Every reference is the one ramdisk; nothing is claimed.
class OneDisk final : public DeviceInspector
{
public:
    Result<ResolvedDevice, QString> resolve(const DeviceReference &) override { return ramdisk(); }
    QList<DeviceClaim> systemClaims() override { return {}; }
    bool dependsOn(DeviceNumber device, DeviceNumber on) override { return device == on; }
    QList<DeviceClaim> foreignClaims(const QList<DeviceNumber> &) override { return {}; }
};

void report(const char *step, double ms, bool ok)
{
    std::printf("%-44s %8.2f ms%s\n", step, ms, ok ? "" : "  (FAILED)");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int segments = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    QString text;
    for (int i = 0; i < segments; ++i) {
        text += QString::number(i * 8) + QStringLiteral(" 8 linear /dev/ram0 ") + QString::number(i * 8)
                + u'\n';
    }
    std::printf("table of %d segments (%lld characters)\n", segments, qlonglong(text.size()));

    const DeviceResolver resolver = [](const DeviceReference &) -> Result<BlockDeviceGeometry, QString> {
        return ramdisk().geometry;
    };
    // Each step's result is read after it ran: arguments have no order.
    bool checked = false;
    const double check = bestOfFive([&] { checked = validateTableText(text, resolver).isEmpty(); });
    report("volmapctl: parse and check with devices", check, checked);

    bool admitted = false;
    const double admit = bestOfFive([&] { admitted = admitTable(text).has_value(); });
    report("helper: admit (parse, grammar, devices named)", admit, admitted);

    // One admitted table per run, as the helper hands its only copy on.
    OneDisk inspector;
    QList<AdmittedTable> tables;
    for (int run = 0; run < 5; ++run) {
        tables.append(admitTable(text).value_or(AdmittedTable{}));
    }
    bool prepared = true;
    const double prepare = bestOfFive(
        [&] { prepared = prepareAdmitted(tables.takeLast(), inspector).has_value() && prepared; });
    report("helper: prepare an admitted table", prepare, prepared);

    // As the helper's act does: the call keeps its admitted table (polkit
    // may ask again), so preparation works on a shared copy of it.
    const AdmittedTable kept = admitTable(text).value_or(AdmittedTable{});
    bool preparedShared = true;
    const double prepareShared = bestOfFive(
        [&] { preparedShared = prepareAdmitted(kept, inspector).has_value() && preparedShared; });
    report("helper: prepare a kept admitted table", prepareShared, preparedShared);
    return checked && admitted && prepared && preparedShared ? 0 : 1;
}
