// SPDX-License-Identifier: GPL-2.0-or-later
// The Mappings panel's rows: live mappings and saved definitions merged
// (pure), and the list model that shows them, under
// QAbstractItemModelTester, as the listings change.

#include "mappinglistmodel.h"
#include "mappingrows.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Volmap;

namespace {

MappingSummary live(const QString &name, quint32 minor = 0)
{
    MappingSummary mapping;
    mapping.name = name;
    mapping.uuid = QStringLiteral("VOLMAP-U1000-") + name;
    mapping.minor = minor;
    mapping.createdByVolmap = true;
    mapping.liveTable = true;
    mapping.targets = {QStringLiteral("linear")};
    mapping.length = 2048;
    return mapping;
}

SavedMappingState saved(const QString &name, const QString &state, const QString &reason = {})
{
    return {name, state, reason};
}

QStringList namesOf(const QList<MappingRow> &rows)
{
    QStringList names;
    for (const MappingRow &row : rows) {
        names.append(row.mapping.name + (row.isLive() ? QString() : QStringLiteral(" (saved)")));
    }
    return names;
}

QString cell(const MappingListModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestMappingRows final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveFirstThenSavedEachByName();
    void liveMappingsAreMarkedWithTheirSavedState();
    void savedNotLiveKeepTheHelpersReason();
    void assembledButNotListedWaitsForTheNextListing();
    void unknownStateIsShownNotHidden();
    void modelShowsSavedRowsAfterTheLiveOnes();
    void modelFollowsADefinitionThatComesAlive();
};

void TestMappingRows::liveFirstThenSavedEachByName()
{
    const QList<MappingRow> rows = mergeMappingRows(
        {live(QStringLiteral("zeta")), live(QStringLiteral("alpha"))},
        {saved(QStringLiteral("omega"), QStringLiteral("refused"), QStringLiteral("x")),
         saved(QStringLiteral("beta"), QStringLiteral("waiting"), QStringLiteral("waiting for y")),
         saved(QStringLiteral("zeta"), QStringLiteral("assembled"))});
    QCOMPARE(namesOf(rows), QStringList({QStringLiteral("alpha"), QStringLiteral("zeta"),
                                         QStringLiteral("beta (saved)"), QStringLiteral("omega (saved)")}));
    QVERIFY(mergeMappingRows({}, {}).isEmpty());
}

void TestMappingRows::liveMappingsAreMarkedWithTheirSavedState()
{
    const QList<MappingRow> rows = mergeMappingRows(
        {live(QStringLiteral("plain")), live(QStringLiteral("kept")), live(QStringLiteral("other"))},
        {saved(QStringLiteral("kept"), QStringLiteral("assembled")),
         saved(QStringLiteral("other"), QStringLiteral("refused"),
               QStringLiteral("the name is taken by a mapping with another table"))});
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].mapping.name, QStringLiteral("kept"));
    QCOMPARE(rows[0].persistence, Persistence::Saved);
    QCOMPARE(rows[0].mapping.length, 2048u); // the live listing's facts stay
    // The definition saved as "other" is not what runs as "other": at the next boot that one comes back.
    QCOMPARE(rows[1].persistence, Persistence::SavedDiffers);
    QCOMPARE(rows[1].reason, QStringLiteral("the name is taken by a mapping with another table"));
    QVERIFY(rows[1].isLive());
    QCOMPARE(rows[2].persistence, Persistence::NotSaved);
    QVERIFY(rows[2].reason.isEmpty());
}

void TestMappingRows::savedNotLiveKeepTheHelpersReason()
{
    const QList<MappingRow> rows = mergeMappingRows(
        {}, {saved(QStringLiteral("w"), QStringLiteral("waiting"),
                   QStringLiteral("waiting for disk wwn-0x5000aa (4194304 sectors)")),
             saved(QStringLiteral("r"), QStringLiteral("refused"), QStringLiteral("/dev/sdb is mounted"))});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].persistence, Persistence::Waiting);
    QVERIFY(!rows[1].isLive());
    QCOMPARE(persistenceText(rows[1]), QStringLiteral("waiting for disk wwn-0x5000aa (4194304 sectors)"));
    QCOMPARE(rows[0].persistence, Persistence::Refused);
    QCOMPARE(persistenceText(rows[0]), QStringLiteral("refused: /dev/sdb is mounted"));
    // A waiting reason in other words is still shown whole.
    const MappingRow odd{live(QStringLiteral("o")), Persistence::Waiting,
                         QStringLiteral("udev has not settled")};
    QCOMPARE(persistenceText(odd), QStringLiteral("waiting: udev has not settled"));
}

void TestMappingRows::assembledButNotListedWaitsForTheNextListing()
{
    // The saved listing was read after a create, the live one before it.
    const QList<MappingRow> rows = mergeMappingRows(
        {live(QStringLiteral("a"))}, {saved(QStringLiteral("new"), QStringLiteral("assembled"))});
    QCOMPARE(namesOf(rows), QStringList({QStringLiteral("a")}));
}

void TestMappingRows::unknownStateIsShownNotHidden()
{
    const QList<MappingRow> rows = mergeMappingRows(
        {}, {saved(QStringLiteral("n"), QStringLiteral("quarantined"), QStringLiteral("by admin"))});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].persistence, Persistence::Refused);
    QCOMPARE(persistenceText(rows[0]), QStringLiteral("refused: quarantined: by admin"));
}

void TestMappingRows::modelShowsSavedRowsAfterTheLiveOnes()
{
    MappingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMappings({live(QStringLiteral("b"), 1), live(QStringLiteral("a"), 0)});
    model.setSavedStates(
        {saved(QStringLiteral("a"), QStringLiteral("assembled")),
         saved(QStringLiteral("c"), QStringLiteral("waiting"), QStringLiteral("waiting for loop x")),
         saved(QStringLiteral("0"), QStringLiteral("refused"), QStringLiteral("mounted"))});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.mappings().size(), 2);
    // Row i of a live mapping is mappings()[i], whatever the saved rows are called.
    QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
    QCOMPARE(model.mappings()[1].name, QStringLiteral("b"));
    QCOMPARE(model.rowOf(QStringLiteral("c")), -1);
    QCOMPARE(model.savedRowOf(QStringLiteral("0")), 2);
    QCOMPARE(model.savedRowOf(QStringLiteral("c")), 3);
    QCOMPARE(model.savedRowOf(QStringLiteral("a")), -1);

    QCOMPARE(cell(model, 0, MappingListModel::StateColumn), QStringLiteral("active, recreated at startup"));
    QCOMPARE(cell(model, 0, MappingListModel::NameColumn, Qt::ToolTipRole),
             QStringLiteral("Recreated at startup"));
    QVERIFY(cell(model, 1, MappingListModel::NameColumn, Qt::ToolTipRole).isEmpty());
    QCOMPARE(cell(model, 3, MappingListModel::StateColumn), QStringLiteral("waiting for loop x"));
    QCOMPARE(cell(model, 2, MappingListModel::StateColumn), QStringLiteral("refused: mounted"));
    QVERIFY(cell(model, 3, MappingListModel::SizeColumn).isEmpty());
    QVERIFY(cell(model, 3, MappingListModel::KernelNameRole).isEmpty()); // nothing for the I/O view to watch
    QCOMPARE(model.index(3, 0).data(MappingListModel::LiveRole).toBool(), false);
    QCOMPARE(model.index(3, 0).data(MappingListModel::PersistenceRole).toInt(), int(Persistence::Waiting));
    QCOMPARE(cell(model, 3, MappingListModel::NameColumn, Qt::ToolTipRole),
             QStringLiteral("Saved to be recreated at startup, but not live: waiting for loop x"));
}

void TestMappingRows::modelFollowsADefinitionThatComesAlive()
{
    MappingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMappings({live(QStringLiteral("a"))});
    model.setSavedStates(
        {saved(QStringLiteral("data"), QStringLiteral("waiting"), QStringLiteral("waiting for x"))});
    QCOMPARE(model.savedRowOf(QStringLiteral("data")), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // Assembled: the live listing comes first, the saved one after.
    model.setMappings({live(QStringLiteral("a")), live(QStringLiteral("data"), 1)});
    QCOMPARE(model.rowOf(QStringLiteral("data")), 1);
    QCOMPARE(model.savedRowOf(QStringLiteral("data")), -1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(MappingListModel::PersistenceRole).toInt(),
             int(Persistence::SavedDiffers));
    model.setSavedStates({saved(QStringLiteral("data"), QStringLiteral("assembled"))});
    QCOMPARE(model.index(1, 0).data(MappingListModel::PersistenceRole).toInt(), int(Persistence::Saved));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    // Forgotten: the mark goes, the row stays.
    model.setSavedStates({});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(MappingListModel::PersistenceRole).toInt(), int(Persistence::NotSaved));
    QCOMPARE(removed.size(), 1);
}

QTEST_GUILESS_MAIN(TestMappingRows)
#include "tst_mappingrows.moc"
