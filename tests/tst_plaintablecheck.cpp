// SPDX-License-Identifier: GPL-2.0-or-later
// volmapctl's plain create checks a table against its devices before it
// sends it (plainTableRanges), so that nobody is asked for a password for a
// table the helper refuses afterwards. On generated tables over a few fake
// devices it must pass exactly the tables validateTable() passes with the
// same devices, and hand back each device segment's range.
#include "plaintablecheck.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QTest>

#include <random>

using namespace Volmap;

namespace {

struct FakeDevice
{
    const char *reference; // as a table names it
    unsigned major, minor;
    quint64 sizeInSectors;
    quint32 logicalBlockSize;
};

// Two names for 8:1, a 4 KiB-block disk, a small one; "/dev/gone" resolves to nothing.
const FakeDevice Devices[] = {
    {"/dev/sda1", 8, 1, 2048, 512},        {"8:1", 8, 1, 2048, 512},
    {"/dev/big4k", 8, 16, 8192, 4096},     {"/dev/small", 7, 0, 100, 512},
    {"/dev/disk/by-id/x", 7, 0, 100, 512},
};
const char *const References[] = {"/dev/sda1",         "8:1",      "/dev/big4k", "/dev/small",
                                  "/dev/disk/by-id/x", "/dev/gone"};

const FakeDevice *deviceNamed(std::string_view reference)
{
    for (const FakeDevice &device : Devices) {
        if (reference == device.reference) {
            return &device;
        }
    }
    return nullptr;
}

std::optional<PlainBlockDevice> plainResolve(std::string_view reference)
{
    const FakeDevice *device = deviceNamed(reference);
    if (!device) {
        return std::nullopt;
    }
    return PlainBlockDevice{device->major, device->minor, device->sizeInSectors, device->logicalBlockSize,
                            "x"};
}

Result<BlockDeviceGeometry, QString> qtResolve(const DeviceReference &reference)
{
    const FakeDevice *device = deviceNamed(reference.toString().toStdString());
    if (!device) {
        return fail(QStringLiteral("no such device"));
    }
    return BlockDeviceGeometry{DeviceNumber{device->major, device->minor}, device->sizeInSectors,
                               device->logicalBlockSize, QString::fromLatin1(device->reference)};
}

// A table of 1-6 segments, mostly valid, each rule broken now and then.
QByteArray generatedTable(std::mt19937 &random)
{
    const auto chance = [&random](int percent) { return int(random() % 100) < percent; };
    const char *const targets[] = {"basic_target", "linear", "zero", "error", "striped"};
    QByteArray text;
    const int segments = chance(3) ? 0 : 1 + int(random() % 6);
    quint64 start = chance(3) ? 8 : 0;
    for (int i = 0; i < segments; ++i) {
        const quint64 length = chance(3) ? 0 : 8 * (1 + random() % 32) - (chance(10) ? 1 : 0);
        const char *target = targets[chance(90) ? random() % 2 : 2 + random() % 3];
        text += QByteArray::number(start) + ' ' + QByteArray::number(length) + ' ' + target;
        if (std::string_view(target) == "basic_target" || std::string_view(target) == "linear" || chance(3)) {
            if (!chance(3)) {
                text += ' ';
                text += References[random() % std::size(References)];
            }
            const quint64 offset = chance(5) ? 4 + random() % 2000 : 8 * (random() % 260);
            text += ' ' + (chance(3) ? QByteArray("x") : QByteArray::number(offset));
        }
        text += '\n';
        start += length;
        if (chance(4)) {
            start += chance(50) ? 8 : -8;
        }
    }
    return text;
}

} // namespace

class TestPlainTableCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithValidateTable();
    void handsBackTheRanges();
};

void TestPlainTableCheck::agreesWithValidateTable()
{
    std::mt19937 random(20261201);
    int valid = 0;
    const int tables = 20000;
    for (int i = 0; i < tables; ++i) {
        const QByteArray text = generatedTable(random);
        const ParsedTable qt = parseTable(QString::fromLatin1(text));
        const bool qtValid = qt.issues.isEmpty() && validateTable(qt.table, qtResolve).isEmpty();
        const Grammar::PlainParsedTable plain = Grammar::parsePlainTable(
            std::string_view(text.constData(), std::size_t(text.size())));
        const auto ranges = plainTableRanges(plain, plainResolve);
        QVERIFY2(ranges.has_value() == qtValid, text.constData());
        valid += qtValid;
    }
    // Both kinds are well represented, or the comparison says little.
    QVERIFY2(valid > tables / 10 && valid < tables * 9 / 10, qPrintable(QString::number(valid)));
}

void TestPlainTableCheck::handsBackTheRanges()
{
    const std::string text = "0 8 zero\n8 16 linear /dev/sda1 100\n24 8 basic_target 8:1 0\n32 8 error\n";
    const auto ranges = plainTableRanges(Grammar::parsePlainTable(text), plainResolve);
    QVERIFY(ranges);
    QCOMPARE(ranges->size(), std::size_t(2));
    QCOMPARE((*ranges)[0].device.major, 8u);
    QCOMPARE((*ranges)[0].device.minor, 1u);
    QCOMPARE((*ranges)[0].offset, quint64(100));
    QCOMPARE((*ranges)[0].length, quint64(16));
    QCOMPARE((*ranges)[1].offset, quint64(0));
    QCOMPARE((*ranges)[1].length, quint64(8));
    // One device by two names, the same sectors twice: refused.
    const std::string twice = "0 16 linear /dev/sda1 0\n16 8 basic_target 8:1 8\n";
    QVERIFY(!plainTableRanges(Grammar::parsePlainTable(twice), plainResolve));
}

QTEST_GUILESS_MAIN(TestPlainTableCheck)
#include "tst_plaintablecheck.moc"
