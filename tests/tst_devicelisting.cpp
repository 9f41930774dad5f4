// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl devices prints its table without Qt (devicelisting.h): the
// same bytes as the table volmapctl printed through QString before, with
// sizes as formatSizeHuman writes them and text that is no UTF-8 read as
// QString::fromUtf8 reads it.

#include "blockdevicescanner.h"
#include "devicelisting.h"
#include "sizeunits.h"

#include <QTest>

using namespace Volmap;

using Devices = std::vector<ScannedDevice>;
Q_DECLARE_METATYPE(Devices)

namespace {

// What volmapctl printed before, through QString: the reference.
QByteArray throughQString(const Devices &scanned)
{
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("MAJ:MIN"),
                             QStringLiteral("SIZE"), QStringLiteral("FSTYPE"), QStringLiteral("LABEL"),
                             QStringLiteral("IN USE")}};
    for (const ScannedDevice &device : scanned) {
        const BlockDeviceInfo d = blockDeviceInfo(device);
        const QString name = (d.kind == DeviceKind::Partition ? QStringLiteral("  ") : QString())
                             + (d.dmName.isEmpty() ? d.kernelName
                                                   : d.kernelName + u' ' + u'(' + d.dmName + u')');
        rows.append({name, kindName(d.kind), d.number.toString(), formatSizeHuman(d.sizeInBytes()), d.fsType,
                     d.fsLabel, d.inUseReason()});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            widths[i] = qMax(widths[i], row[i].size());
        }
    }
    QString text;
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            text += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        }
        text += u'\n';
    }
    return text.toUtf8();
}

ScannedDevice device(const char *name, std::uint32_t minor, std::uint64_t sectors)
{
    ScannedDevice d;
    d.kernelName = name;
    d.node = std::string("/dev/") + name;
    d.major = 8;
    d.minor = minor;
    d.sizeInSectors = sectors;
    return d;
}

} // namespace

class TestDeviceListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameTableAsThroughQString_data();
    void sameTableAsThroughQString();
    void sizesAsFormatSizeHuman();
    void readsNoUtf8AsQtDoes();
};

void TestDeviceListing::sameTableAsThroughQString_data()
{
    QTest::addColumn<Devices>("devices");
    QTest::newRow("none") << Devices();

    ScannedDevice disk = device("sda", 0, 1953525168);
    disk.holders = {"dm-0"};
    ScannedDevice partition = device("sda1", 1, 2048 + 3);
    partition.kind = DeviceKind::Partition;
    partition.fsType = "ext4";
    partition.fsLabel = "root";
    partition.mountPoints = {"/", "/home dir"};
    ScannedDevice swap = device("sda2", 2, 1);
    swap.kind = DeviceKind::Partition;
    swap.swap = true;
    ScannedDevice dm = device("dm-0", 0, std::numeric_limits<std::uint64_t>::max() / 512);
    dm.major = 254;
    dm.kind = DeviceKind::DeviceMapper;
    dm.dmName = "vg-data";
    QTest::newRow("every column") << Devices{disk, partition, swap, dm};

    // Widths count what QString counts: UTF-16 code units.
    ScannedDevice wide = device("sdb", 16, 3 * 1024 * 1024 + 7);
    wide.fsLabel = "Ünïcødé 磁盘 \U0001F4BE";
    wide.fsType = "vfat";
    ScannedDevice broken = device("sdc", 32, 1023);
    broken.fsLabel = "a\xff\xe2\x82 \xf0\x9f\x98\x80";
    broken.mountPoints = {"/mnt/\xe9t\xe9"};
    QTest::newRow("not ASCII") << Devices{wide, broken, disk};
}

void TestDeviceListing::sameTableAsThroughQString()
{
    QFETCH(Devices, devices);
    QCOMPARE(QByteArray::fromStdString(devicesTableText(devices)), throughQString(devices));
}

void TestDeviceListing::sizesAsFormatSizeHuman()
{
    std::vector<std::uint64_t> sizes{0, 1, 512, 1023, std::numeric_limits<std::uint64_t>::max()};
    for (int shift = 10; shift <= 60; shift += 10) {
        const std::uint64_t unit = std::uint64_t(1) << shift;
        for (const std::uint64_t delta :
             {std::uint64_t(0), std::uint64_t(1), unit / 2, unit / 3, unit / 100}) {
            sizes.insert(sizes.end(), {unit + delta, unit - 1, 3 * unit + delta, 1000 * unit - delta});
        }
    }
    for (const std::uint64_t bytes : sizes) {
        QCOMPARE(QString::fromStdString(sizeText(bytes)), formatSizeHuman(bytes));
    }
}

void TestDeviceListing::readsNoUtf8AsQtDoes()
{
    // Every pair of bytes, and three and four byte sequences around the
    // edges of the valid ranges.
    std::vector<std::string> texts;
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            texts.push_back({char(first), char(second)});
        }
    }
    for (int lead = 0xe0; lead <= 0xf5; ++lead) {
        for (const int second : {0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0}) {
            for (const int third : {0x41, 0x80, 0xbf, 0xc0}) {
                texts.push_back({char(lead), char(second), char(third)});
                texts.push_back({char(lead), char(second), char(third), char(0x80)});
                texts.push_back({char(lead), char(second), char(third), 'x'});
            }
        }
    }
    for (const std::string &text : texts) {
        const QByteArray qt = QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8();
        if (QByteArray::fromStdString(validUtf8(text)) != qt) {
            QFAIL(qPrintable(QStringLiteral("differs from Qt for %1")
                                 .arg(QString::fromLatin1(QByteArray::fromStdString(text).toHex(' ')))));
        }
    }
}

QTEST_GUILESS_MAIN(TestDeviceListing)
#include "tst_devicelisting.moc"
