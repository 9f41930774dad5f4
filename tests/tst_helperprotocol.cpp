// SPDX-License-Identifier: GPL-2.0-or-later
// The wire format of org.volmap.Helper1 against its contract: each
// dictionary type survives toMap/fromMap, carries the D-Bus types the
// contract names, and every key and every named error is documented in
// resources/dbus/org.volmap.Helper1.xml, method by method.

#include "helperprotocol.h"

#include <QFile>
#include <QMetaType>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Volmap;

namespace {

MappingSummary fullSummary()
{
    MappingSummary summary;
    summary.name = QStringLiteral("data");
    summary.uuid = QStringLiteral("VOLMAP-U1000-0f6c");
    summary.major = 253;
    summary.minor = 4;
    summary.openCount = 2;
    summary.suspended = true;
    summary.readOnly = true;
    summary.createdByVolmap = true;
    summary.deferredRemove = true;
    summary.liveTable = true;
    summary.targets = {QStringLiteral("basic_target"), QStringLiteral("zero")};
    summary.segmentCount = 3;
    summary.length = Q_UINT64_C(1) << 40;
    return summary;
}

SegmentStatus countingSegment()
{
    SegmentStatus segment;
    segment.start = 2048;
    segment.length = 4096;
    segment.target = QStringLiteral("basic_target");
    segment.status = QStringLiteral("1 2 3 4 5 6 7");
    segment.hasCounters = true;
    segment.reads = 1;
    segment.writes = 2;
    segment.readSectors = 3;
    segment.writeSectors = Q_UINT64_C(1) << 62; // beyond what a double holds exactly
    segment.flushes = 5;
    segment.discards = 6;
    segment.errors = 7;
    return segment;
}

QString contractText()
{
    QFile file(QStringLiteral(VOLMAP_DBUS_XML));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Each method's name and the comment right before it.
QList<std::pair<QString, QString>> documentedMethods()
{
    QList<std::pair<QString, QString>> methods;
    QXmlStreamReader xml(contractText());
    QString comment;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isComment()) {
            comment = xml.text().toString();
        } else if (xml.isStartElement() && xml.name() == u"method") {
            methods.append({xml.attributes().value(QStringLiteral("name")).toString(), comment});
            comment.clear(); // a method without its own comment documents nothing
        }
    }
    return xml.hasError() ? QList<std::pair<QString, QString>>() : methods;
}

// "Errors: A, B,\n  C." -> the full names; an empty list when there is none.
QStringList documentedErrors(const QString &comment)
{
    const qsizetype at = comment.indexOf(u"Errors:");
    if (at < 0) {
        return {};
    }
    const qsizetype end = comment.indexOf(u'.', at);
    const QString list = comment.mid(at + 7, end - at - 7);
    QStringList names;
    for (const QString &word :
         list.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        names.append(QStringLiteral("org.volmap.Helper1.Error.") + word);
    }
    return names;
}

} // namespace

class TestHelperProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mappingSummaryRoundTrips();
    void segmentStatusRoundTrips();
    void savedMappingStateRoundTrips();
    void dictionariesCarryTheContractsTypes();
    void everyKeyIsDocumented();
    void everyMethodDocumentsItsErrors();
};

void TestHelperProtocol::mappingSummaryRoundTrips()
{
    const MappingSummary summary = fullSummary();
    QCOMPARE(MappingSummary::fromMap(summary.toMap()), summary);
    QCOMPARE(MappingSummary::fromMap(MappingSummary().toMap()), MappingSummary());
    QCOMPARE(summary.toMap().size(), 13);
}

void TestHelperProtocol::segmentStatusRoundTrips()
{
    const SegmentStatus counting = countingSegment();
    QCOMPARE(SegmentStatus::fromMap(counting.toMap()), counting);

    // basic_target 1.0 counts no errors: absent, not 0.
    SegmentStatus older = counting;
    older.errors.reset();
    QVERIFY(!older.toMap().contains(QStringLiteral("errors")));
    QCOMPARE(SegmentStatus::fromMap(older.toMap()), older);

    // Other targets carry no counters at all.
    SegmentStatus zero;
    zero.length = 8;
    zero.target = QStringLiteral("zero");
    QCOMPARE(zero.toMap().keys(), QStringList({QStringLiteral("length"), QStringLiteral("start"),
                                               QStringLiteral("status"), QStringLiteral("target")}));
    QCOMPARE(SegmentStatus::fromMap(zero.toMap()), zero);
}

void TestHelperProtocol::savedMappingStateRoundTrips()
{
    const SavedMappingState waiting{QStringLiteral("data"), QStringLiteral("waiting"),
                                    QStringLiteral("waiting for loop device on /srv/a.img")};
    QCOMPARE(SavedMappingState::fromMap(waiting.toMap()), waiting);
    QCOMPARE(waiting.toMap().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
}

// The contract's signatures: u for quint32, i for int, t for quint64.
void TestHelperProtocol::dictionariesCarryTheContractsTypes()
{
    const QVariantMap summary = fullSummary().toMap();
    const QMap<QString, int> summaryTypes{{QStringLiteral("name"), QMetaType::QString},
                                          {QStringLiteral("uuid"), QMetaType::QString},
                                          {QStringLiteral("major"), QMetaType::UInt},
                                          {QStringLiteral("minor"), QMetaType::UInt},
                                          {QStringLiteral("open-count"), QMetaType::Int},
                                          {QStringLiteral("suspended"), QMetaType::Bool},
                                          {QStringLiteral("read-only"), QMetaType::Bool},
                                          {QStringLiteral("created-by-volmap"), QMetaType::Bool},
                                          {QStringLiteral("deferred-remove"), QMetaType::Bool},
                                          {QStringLiteral("live-table"), QMetaType::Bool},
                                          {QStringLiteral("targets"), QMetaType::QStringList},
                                          {QStringLiteral("segment-count"), QMetaType::UInt},
                                          {QStringLiteral("length"), QMetaType::ULongLong}};
    QCOMPARE(summary.keys(), summaryTypes.keys());
    for (auto it = summaryTypes.cbegin(); it != summaryTypes.cend(); ++it) {
        QVERIFY2(summary.value(it.key()).metaType().id() == it.value(), qPrintable(it.key()));
    }
    const QVariantMap segment = countingSegment().toMap();
    for (auto it = segment.cbegin(); it != segment.cend(); ++it) {
        const bool text = it.key() == u"target" || it.key() == u"status";
        QVERIFY2(it.value().metaType().id() == (text ? QMetaType::QString : QMetaType::ULongLong),
                 qPrintable(it.key()));
    }
}

void TestHelperProtocol::everyKeyIsDocumented()
{
    const QString contract = contractText();
    QVERIFY(!contract.isEmpty());
    using namespace HelperProtocol;
    QStringList keys = fullSummary().toMap().keys() + countingSegment().toMap().keys()
                       + SavedMappingState().toMap().keys();
    keys += {Capability::helperVersion(),
             Capability::kernelRelease(),
             Capability::deviceMapper(),
             Capability::driverVersion(),
             Capability::targets(),
             Capability::basicTargetLoaded(),
             Capability::basicTargetAvailable(),
             Option::interactive(),
             Option::readOnly(),
             Option::persistent(),
             Option::deferred(),
             Option::keepDefinition()};
    QCOMPARE(keys.size(), 13 + 11 + 3 + 12);
    for (const QString &key : std::as_const(keys)) {
        // A key as the contract writes it: "open-count (i)", "reads, writes", "errors where".
        const QRegularExpression documented(
            QStringLiteral("(^|[\\s,])%1( \\(|,| where)").arg(QRegularExpression::escape(key)),
            QRegularExpression::MultilineOption);
        QVERIFY2(documented.match(contract).hasMatch(), qPrintable(key));
    }
}

void TestHelperProtocol::everyMethodDocumentsItsErrors()
{
    const auto methods = documentedMethods();
    QCOMPARE(methods.size(), 12);
    const QStringList known = HelperProtocol::Error::all();
    QSet<QString> used;
    for (const auto &[method, comment] : methods) {
        const QStringList errors = documentedErrors(comment);
        QVERIFY2(!errors.isEmpty(), qPrintable(method + QStringLiteral(": no Errors: list")));
        // Every method is admitted (options, name) and authorized by polkit.
        QVERIFY2(errors.contains(HelperProtocol::Error::invalidArgument()), qPrintable(method));
        QVERIFY2(errors.contains(HelperProtocol::Error::notAuthorized()), qPrintable(method));
        QVERIFY2(errors.contains(HelperProtocol::Error::limitsExceeded()), qPrintable(method));
        for (const QString &error : errors) {
            QVERIFY2(known.contains(error), qPrintable(method + QStringLiteral(": ") + error));
            used.insert(error);
        }
    }
    // And no named error the helper has is left undocumented.
    for (const QString &error : known) {
        QVERIFY2(used.contains(error), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helperprotocol.moc"
