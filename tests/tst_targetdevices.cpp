// SPDX-License-Identifier: GPL-2.0-or-later
// The device ranges of dm tables as `dmsetup table` prints them, from the
// lines lvm2, cryptsetup and the kernel documentation's examples produce.

#include "tabletext.h"
#include "targetdevices.h"

#include <QTest>

using namespace Volmap;

Q_DECLARE_METATYPE(QList<Volmap::TargetDeviceUse>)

namespace {

TargetDeviceUse exact(quint32 major, quint32 minor, quint64 offset, quint64 length)
{
    return {DeviceReference{DeviceNumber{major, minor}}, offset, length, false};
}

TargetDeviceUse whole(quint32 major, quint32 minor)
{
    return {DeviceReference{DeviceNumber{major, minor}}, 0, std::nullopt, true};
}

Segment lineOf(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    return {parseDecimal(words[0]).value(), parseDecimal(words[1]).value(), words[2], words.mid(3), 0};
}

QString describe(const QList<TargetDeviceUse> &uses)
{
    QStringList parts;
    for (const TargetDeviceUse &use : uses) {
        parts.append(QStringLiteral("%1@%2+%3%4")
                         .arg(use.device.toString())
                         .arg(use.offset)
                         .arg(use.length ? QString::number(*use.length) : QStringLiteral("end"))
                         .arg(use.wholeDevice ? QStringLiteral(" whole") : QString()));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestTargetDevices final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsed_data();
    void parsed();
    void unreadable_data();
    void unreadable();
};

void TestTargetDevices::parsed_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QList<TargetDeviceUse>>("expected");

    // lvm2: a plain LV, and one striped over two PVs (64 KiB stripes).
    QTest::newRow("linear") << QStringLiteral("0 409600 linear 8:2 2048") << QList{exact(8, 2, 2048, 409600)};
    QTest::newRow("basic_target") << QStringLiteral("0 100 basic_target 8:16 8")
                                  << QList{exact(8, 16, 8, 100)};
    QTest::newRow("striped") << QStringLiteral("0 1048576 striped 2 128 8:16 2048 8:32 2048")
                             << QList{exact(8, 16, 2048, 524288), exact(8, 32, 2048, 524288)};
    // 1000 sectors over 3 stripes of 128: 334 per stripe, rounded up to 384.
    QTest::newRow("striped, partial chunk")
        << QStringLiteral("0 1000 striped 3 128 8:16 0 8:32 0 8:48 0")
        << QList{exact(8, 16, 0, 384), exact(8, 32, 0, 384), exact(8, 48, 0, 384)};
    // lvm2's old mirror: a core log and a disk log.
    QTest::newRow("mirror, core log")
        << QStringLiteral("0 204800 mirror core 1 1024 2 253:2 0 253:3 0 1 handle_errors")
        << QList{exact(253, 2, 0, 204800), exact(253, 3, 0, 204800)};
    QTest::newRow("mirror, disk log")
        << QStringLiteral("0 204800 mirror disk 2 253:1 1024 2 253:2 0 253:3 0")
        << QList{whole(253, 1), exact(253, 2, 0, 204800), exact(253, 3, 0, 204800)};
    // lvm2 raid1 with metadata sub-LVs; raid5 with one leg missing.
    QTest::newRow("raid1") << QStringLiteral(
        "0 204800 raid raid1 3 0 region_size 1024 2 253:2 253:3 253:4 253:5")
                           << QList{whole(253, 2), whole(253, 3), whole(253, 4), whole(253, 5)};
    QTest::newRow("raid5, missing leg")
        << QStringLiteral("0 409600 raid raid5_ls 3 128 region_size 1024 3 - 8:16 "
                          "- 8:32 - -")
        << QList{whole(8, 16), whole(8, 32)};
    // cryptsetup: LUKS2 with its 16 MiB header (key redacted by the helper), plain.
    QTest::newRow("crypt, LUKS2")
        << QStringLiteral("0 2064384 crypt aes-xts-plain64 - 0 8:16 32768 1 allow_discards")
        << QList{TargetDeviceUse{DeviceReference{DeviceNumber{8, 16}}, 32768, 2064384, true}};
    QTest::newRow("crypt, keyring")
        << QStringLiteral("0 1000 crypt aes-xts-plain64 :64:logon:cryptsetup:x 0 8:16 4096")
        << QList{TargetDeviceUse{DeviceReference{DeviceNumber{8, 16}}, 4096, 1000, true}};
    QTest::newRow("integrity") << QStringLiteral("0 1953120 integrity 8:16 0 4 J 6 journal_sectors:16368 "
                                                 "interleave_sectors:32768 buffer_sectors:128 "
                                                 "journal_watermark:50 commit_time:10000 fix_padding")
                               << QList{TargetDeviceUse{DeviceReference{DeviceNumber{8, 16}}, 0, std::nullopt,
                                                        true}};
    QTest::newRow("integrity, meta device")
        << QStringLiteral("0 1000 integrity 8:16 0 4 B 2 meta_device:8:32 block_size:4096")
        << QList{TargetDeviceUse{DeviceReference{DeviceNumber{8, 16}}, 0, std::nullopt, true}, whole(8, 32)};
    // lvm2 cache and writecache LVs, an era device.
    QTest::newRow("cache") << QStringLiteral(
        "0 409600 cache 253:3 253:2 253:4 128 2 metadata2 writethrough smq 0")
                           << QList{whole(253, 3), whole(253, 2), exact(253, 4, 0, 409600)};
    QTest::newRow("writecache") << QStringLiteral("0 409600 writecache s 253:4 253:2 4096 0")
                                << QList{exact(253, 4, 0, 409600), whole(253, 2)};
    QTest::newRow("era") << QStringLiteral("0 409600 era 253:5 253:6 4096")
                         << QList{whole(253, 5), exact(253, 6, 0, 409600)};
    // lvm2 thin pool and a thin LV on it.
    QTest::newRow("thin-pool") << QStringLiteral("0 409600 thin-pool 253:1 253:2 128 0 1 skip_block_zeroing")
                               << QList{whole(253, 1), whole(253, 2)};
    QTest::newRow("thin") << QStringLiteral("0 204800 thin 253:3 1") << QList{whole(253, 3)};
    QTest::newRow("thin, external origin")
        << QStringLiteral("0 204800 thin 253:3 1 253:7") << QList{whole(253, 3), whole(253, 7)};
    // The test targets of the kernel documentation.
    QTest::newRow("delay") << QStringLiteral("0 1000 delay 8:16 0 500") << QList{exact(8, 16, 0, 1000)};
    QTest::newRow("delay, writes apart") << QStringLiteral("0 1000 delay 8:16 0 0 8:32 100 400")
                                         << QList{exact(8, 16, 0, 1000), exact(8, 32, 100, 1000)};
    QTest::newRow("flakey") << QStringLiteral("0 1000 flakey 8:16 64 59 1 1 drop_writes")
                            << QList{exact(8, 16, 64, 1000)};
    QTest::newRow("dust") << QStringLiteral("0 1000 dust 8:16 0 512") << QList{exact(8, 16, 0, 1000)};
    QTest::newRow("snapshot") << QStringLiteral("0 409600 snapshot 253:2 253:3 P 8")
                              << QList{whole(253, 2), whole(253, 3)};
    QTest::newRow("snapshot-origin") << QStringLiteral("0 409600 snapshot-origin 253:2")
                                     << QList{whole(253, 2)};
    QTest::newRow("zero") << QStringLiteral("0 1000 zero") << QList<TargetDeviceUse>{};
    QTest::newRow("error") << QStringLiteral("0 1000 error") << QList<TargetDeviceUse>{};
}

void TestTargetDevices::parsed()
{
    QFETCH(QString, line);
    QFETCH(QList<TargetDeviceUse>, expected);
    const auto uses = deviceUsesOf(lineOf(line));
    QVERIFY2(uses, qPrintable(line));
    // Every field of every use, in order.
    QCOMPARE(describe(*uses), describe(expected));
}

void TestTargetDevices::unreadable_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("unknown target") << QStringLiteral("0 1000 multipath 0 0 1 1 round-robin 0 1 1 8:16 1000");
    QTest::newRow("redacted parameters") << QStringLiteral("0 1000 dust -");
    QTest::newRow("striped, a stripe short") << QStringLiteral("0 1000 striped 2 128 8:16 0");
    QTest::newRow("striped, no chunk") << QStringLiteral("0 1000 striped 2 0 8:16 0 8:32 0");
    QTest::newRow("mirror, userspace log")
        << QStringLiteral("0 1000 mirror userspace 2 uuid core 2 8:16 0 8:32 0");
    QTest::newRow("raid, legs missing") << QStringLiteral("0 1000 raid raid1 1 0 2 - 8:16");
    QTest::newRow("crypt, no device") << QStringLiteral("0 1000 crypt aes - 0");
    QTest::newRow("linear, not a device") << QStringLiteral("0 1000 linear banana 0");
    QTest::newRow("delay, odd arguments") << QStringLiteral("0 1000 delay 8:16 0 0 8:32");
    QTest::newRow("writecache, bad mode") << QStringLiteral("0 1000 writecache x 8:16 8:32 4096 0");
}

void TestTargetDevices::unreadable()
{
    QFETCH(QString, line);
    const auto uses = deviceUsesOf(lineOf(line));
    QVERIFY2(!uses, qPrintable(describe(uses.value_or(QList<TargetDeviceUse>{}))));
}

QTEST_APPLESS_MAIN(TestTargetDevices)

#include "tst_targetdevices.moc"
