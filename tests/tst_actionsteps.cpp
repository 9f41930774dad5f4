// SPDX-License-Identifier: GPL-2.0-or-later
// The helper's step timings: with the calls log at debug level a create
// and a remove each log one line of where their time went (what the
// benchmark of the create and remove cycle reads); at the default level
// they log nothing of it.

#include "fakes/fakehelperparts.h"
#include "fakes/fakesystem.h"
#include "helperlog.h"
#include "mappingactions.h"

#include <QLoggingCategory>
#include <QTest>

using namespace Volmap;
using namespace Volmap::Fakes;

namespace {

QStringList &collected()
{
    static QStringList lines;
    return lines;
}

void collect(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String(callsLog().categoryName())) {
        collected().append(message);
    }
}

ForeignSignature noSignature(const QString &, DeviceNumber)
{
    return {};
}

} // namespace

class TestActionSteps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void steps_data();
    void steps();
    void cleanup();

private:
    FakeSystem m_system;
};

void TestActionSteps::initTestCase()
{
    if (::geteuid() != 0) {
        QSKIP("needs root for the device nodes (mknod)");
    }
    QVERIFY(m_system.addStackDisks()); // sdb 8:16, sdc 8:32
}

void TestActionSteps::cleanup()
{
    qInstallMessageHandler(nullptr);
    QLoggingCategory::setFilterRules(QString());
    collected().clear();
}

void TestActionSteps::steps_data()
{
    QTest::addColumn<bool>("debug");
    QTest::newRow("calls log at debug level") << true;
    QTest::newRow("default level") << false;
}

void TestActionSteps::steps()
{
    QFETCH(bool, debug);
    QLoggingCategory::setFilterRules(debug ? QStringLiteral("volmap.helper.calls.debug=true")
                                           : QStringLiteral("volmap.helper.calls.debug=false"));
    qInstallMessageHandler(collect);

    FakeBackend backend;
    FakeModules modules;
    SystemDeviceInspector inspector(m_system.root(), noSignature);
    MappingActions actions(backend, modules, inspector, []() {});
    CallContext context(1000, QStringLiteral(":1.7"), {});
    const QString table = QStringLiteral("0 100 linear 8:16 0\n100 100 linear 8:32 0");
    QVERIFY(actions.create(context, QStringLiteral("two"), table, false, {{8, 16}, {8, 32}}));
    QVERIFY(actions.remove(context, QStringLiteral("two"), false));

    const QStringList creates = collected().filter(QRegularExpression(QStringLiteral("^create:")));
    const QStringList removes = collected().filter(QRegularExpression(QStringLiteral("^remove:")));
    if (!debug) {
        QVERIFY2(creates.isEmpty() && removes.isEmpty(), qPrintable(collected().join(u'\n')));
        return;
    }
    QCOMPARE(creates.size(), 1);
    QCOMPARE(removes.size(), 1);
    const QRegularExpression createSteps(QStringLiteral(
        "^create: devices [0-9.]+ ms modules [0-9.]+ ms conflicts [0-9.]+ ms foreign [0-9.]+ ms "
        "kernel [0-9.]+ ms$"));
    QVERIFY2(createSteps.match(creates.first()).hasMatch(), qPrintable(creates.first()));
    const QRegularExpression removeSteps(QStringLiteral("^remove: checks [0-9.]+ ms kernel [0-9.]+ ms$"));
    QVERIFY2(removeSteps.match(removes.first()).hasMatch(), qPrintable(removes.first()));
}

QTEST_GUILESS_MAIN(TestActionSteps)

#include "tst_actionsteps.moc"
