// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl devices --json writes its text itself: it must be exactly what
// a QJsonDocument of the same objects (lsblk's keys) writes, for every
// kind of device and for strings that need escaping.

#include "devicesjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Volmap;

namespace {

// What volmapctl printed before, through QJsonDocument: the reference.
QByteArray throughQJsonDocument(const QList<BlockDeviceInfo> &devices)
{
    QJsonArray array;
    for (const BlockDeviceInfo &d : devices) {
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

BlockDeviceInfo disk()
{
    BlockDeviceInfo d;
    d.kernelName = QStringLiteral("sda");
    d.node = QStringLiteral("/dev/sda");
    d.number = DeviceNumber{8, 0};
    d.sizeInSectors = 1953525168;
    d.physicalBlockSize = 4096;
    d.model = QStringLiteral("WDC WD10EZEX");
    d.serial = QStringLiteral("WD-1234");
    d.partTableType = QStringLiteral("gpt");
    d.holders = {QStringLiteral("dm-0"), QStringLiteral("dm-1")};
    return d;
}

} // namespace

class TestDevicesJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQJsonDocument_data();
    void sameBytesAsQJsonDocument();
};

void TestDevicesJson::sameBytesAsQJsonDocument_data()
{
    QTest::addColumn<QList<BlockDeviceInfo>>("devices");
    QTest::newRow("none") << QList<BlockDeviceInfo>();
    QTest::newRow("disk") << QList<BlockDeviceInfo>{disk()};

    BlockDeviceInfo partition = disk();
    partition.kernelName = QStringLiteral("sda1");
    partition.node = QStringLiteral("/dev/sda1");
    partition.kind = DeviceKind::Partition;
    partition.parent = QStringLiteral("sda");
    partition.partitionStart = 2048;
    partition.fsType = QStringLiteral("ext4");
    partition.fsUuid = QStringLiteral("5e1f-77");
    partition.partUuid = QStringLiteral("0a-01");
    partition.mountPoints = {QStringLiteral("/"), QStringLiteral("/mnt/a b")};
    partition.holders.clear();
    partition.readOnly = true;
    partition.removable = true;
    BlockDeviceInfo swap = partition;
    swap.mountPoints.clear();
    swap.swap = true;
    BlockDeviceInfo dm;
    dm.kernelName = QStringLiteral("dm-0");
    dm.node = QStringLiteral("/dev/dm-0");
    dm.kind = DeviceKind::DeviceMapper;
    dm.dmName = QStringLiteral("data");
    dm.slaves = {QStringLiteral("sda"), QStringLiteral("sdb")};
    BlockDeviceInfo loop;
    loop.kernelName = QStringLiteral("loop0");
    loop.kind = DeviceKind::Loop;
    loop.loopBackingFile = QStringLiteral("/var/lib/image (deleted)");
    QTest::newRow("every kind") << QList<BlockDeviceInfo>{disk(), partition, swap, dm, loop};

    // Labels come from udev's *_ENC values: anything may be in them.
    BlockDeviceInfo odd = disk();
    QString every;
    for (char16_t c = 1; c < 0x80; ++c) {
        every += QChar(c);
    }
    odd.fsLabel = every;
    odd.model = QStringLiteral("Ünïcødé 磁盘 \U0001F4BE");
    odd.serial = QStringLiteral("\"quoted\" \\ back\\slash");
    odd.mountPoints = {QStringLiteral("/mnt/tab\there"), QStringLiteral("/mnt/new\nline")};
    odd.sizeInSectors = std::numeric_limits<qint64>::max() / 512;
    QTest::newRow("escapes and large numbers") << QList<BlockDeviceInfo>{odd};
}

void TestDevicesJson::sameBytesAsQJsonDocument()
{
    QFETCH(QList<BlockDeviceInfo>, devices);
    QCOMPARE(devicesJson(devices), throughQJsonDocument(devices));
}

QTEST_GUILESS_MAIN(TestDevicesJson)
#include "tst_devicesjson.moc"
