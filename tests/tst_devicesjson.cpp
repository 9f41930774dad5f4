// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl devices --json writes its text itself, without Qt: it must be
// exactly what a QJsonDocument of the same objects (lsblk's keys) writes
// of the app's devices, for every kind of device, for strings that need
// escaping and for bytes that are no UTF-8.

#include "blockdevicescanner.h"
#include "devicelisting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Volmap;

namespace {

// What volmapctl printed before, through QJsonDocument: the reference.
QByteArray throughQJsonDocument(const std::vector<ScannedDevice> &scanned)
{
    QJsonArray array;
    for (const ScannedDevice &device : scanned) {
        const BlockDeviceInfo d = blockDeviceInfo(device);
        auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
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
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

ScannedDevice disk()
{
    ScannedDevice d;
    d.kernelName = "sda";
    d.node = "/dev/sda";
    d.major = 8;
    d.sizeInSectors = 1953525168;
    d.physicalBlockSize = 4096;
    d.model = "WDC WD10EZEX";
    d.serial = "WD-1234";
    d.partTableType = "gpt";
    d.holders = {"dm-0", "dm-1"};
    return d;
}

} // namespace

using Devices = std::vector<ScannedDevice>;
Q_DECLARE_METATYPE(Devices)

class TestDevicesJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQJsonDocument_data();
    void sameBytesAsQJsonDocument();
};

void TestDevicesJson::sameBytesAsQJsonDocument_data()
{
    QTest::addColumn<Devices>("devices");
    QTest::newRow("none") << Devices();
    QTest::newRow("disk") << Devices{disk()};

    ScannedDevice partition = disk();
    partition.kernelName = "sda1";
    partition.node = "/dev/sda1";
    partition.kind = DeviceKind::Partition;
    partition.parent = "sda";
    partition.partitionStart = 2048;
    partition.fsType = "ext4";
    partition.fsUuid = "5e1f-77";
    partition.partUuid = "0a-01";
    partition.mountPoints = {"/", "/mnt/a b"};
    partition.holders.clear();
    partition.readOnly = true;
    partition.removable = true;
    ScannedDevice swap = partition;
    swap.mountPoints.clear();
    swap.swap = true;
    ScannedDevice dm;
    dm.kernelName = "dm-0";
    dm.node = "/dev/dm-0";
    dm.kind = DeviceKind::DeviceMapper;
    dm.dmName = "data";
    dm.slaves = {"sda", "sdb"};
    ScannedDevice loop;
    loop.kernelName = "loop0";
    loop.kind = DeviceKind::Loop;
    loop.loopBackingFile = "/var/lib/image (deleted)";
    QTest::newRow("every kind") << Devices{disk(), partition, swap, dm, loop};

    // Labels come from udev's *_ENC values: anything may be in them.
    ScannedDevice odd = disk();
    for (int c = 1; c < 0x80; ++c) {
        odd.fsLabel += char(c);
    }
    odd.model = "Ünïcødé 磁盘 \U0001F4BE";
    odd.serial = "\"quoted\" \\ back\\slash";
    odd.mountPoints = {"/mnt/tab\there", "/mnt/new\nline"};
    odd.sizeInSectors = std::numeric_limits<qint64>::max() / 512;
    QTest::newRow("escapes and large numbers") << Devices{odd};

    // Bytes that are no UTF-8 (a label, a mount point): each one U+FFFD, as
    // Qt reads them; lone, truncated, overlong, surrogate, past U+10FFFF.
    ScannedDevice broken = disk();
    broken.fsLabel =
        "a\xff b\xc3 \xe2\x82( \xf0\x9f\x98 \xed\xa0\x80 \xc0\x80 \xf4\x90\x80\x80 \x80\xbf \xf0\x9f\x98\x80";
    broken.mountPoints = {"/mnt/\xe9t\xe9", "/mnt/\xc3"};
    QTest::newRow("not UTF-8") << Devices{broken};
}

void TestDevicesJson::sameBytesAsQJsonDocument()
{
    QFETCH(Devices, devices);
    QCOMPARE(QByteArray::fromStdString(devicesJsonText(devices)), throughQJsonDocument(devices));
}

QTEST_GUILESS_MAIN(TestDevicesJson)
#include "tst_devicesjson.moc"
