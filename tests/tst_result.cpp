// SPDX-License-Identifier: GPL-2.0-or-later
#include "result.h"

#include <QString>
#include <QTest>

#include <memory>

using namespace Volmap;

class TestResult final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsAValue();
    void holdsAnError();
    void sameTypeForValueAndError();
    void doneForNoValue();
    void movesTheValueOut();
    void movesTheErrorOut();
    void valueOr();
    void defaultHoldsADefaultValue();
};

void TestResult::holdsAValue()
{
    const Result<int, QString> result = 42;
    QVERIFY(result.has_value());
    QVERIFY(bool(result));
    QCOMPARE(result.value(), 42);
    QCOMPARE(*result, 42);
}

void TestResult::holdsAnError()
{
    const Result<int, QString> result = fail(QStringLiteral("no"));
    QVERIFY(!result.has_value());
    QVERIFY(!result);
    QCOMPARE(result.error(), QStringLiteral("no"));
}

void TestResult::sameTypeForValueAndError()
{
    // Only fail() makes an error, so T == E is not ambiguous.
    const Result<QString, QString> value = QStringLiteral("text");
    const Result<QString, QString> error = fail(QStringLiteral("why"));
    QVERIFY(value);
    QCOMPARE(value.value(), QStringLiteral("text"));
    QCOMPARE(value->size(), 4);
    QVERIFY(!error);
    QCOMPARE(error.error(), QStringLiteral("why"));
}

void TestResult::doneForNoValue()
{
    const auto check = [](bool good) -> Result<Done, QString> {
        if (!good) {
            return fail(QStringLiteral("bad"));
        }
        return Done{};
    };
    QVERIFY(check(true));
    QVERIFY(!check(false));
    QCOMPARE(check(false).error(), QStringLiteral("bad"));
}

void TestResult::movesTheValueOut()
{
    Result<std::unique_ptr<int>, QString> result = std::make_unique<int>(7);
    std::unique_ptr<int> taken = std::move(result).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 7);

    Result<std::unique_ptr<int>, QString> again = std::make_unique<int>(8);
    std::unique_ptr<int> viaStar = *std::move(again);
    QCOMPARE(*viaStar, 8);
}

void TestResult::movesTheErrorOut()
{
    Result<int, std::unique_ptr<QString>> result = fail(std::make_unique<QString>(QStringLiteral("gone")));
    QVERIFY(!result);
    std::unique_ptr<QString> error = std::move(result).error();
    QVERIFY(error);
    QCOMPARE(*error, QStringLiteral("gone"));
}

void TestResult::valueOr()
{
    const Result<int, QString> value = 3;
    const Result<int, QString> error = fail(QStringLiteral("x"));
    QCOMPARE(value.value_or(9), 3);
    QCOMPARE(error.value_or(9), 9);
    const Result<QString, int> failed = fail(1);
    QCOMPARE(failed.value_or(QStringLiteral("fallback")), QStringLiteral("fallback"));
}

void TestResult::defaultHoldsADefaultValue()
{
    // As std::expected: what a container default-constructs is a value.
    const Result<QString, QString> result;
    QVERIFY(result);
    QVERIFY(result.value().isEmpty());
}

QTEST_APPLESS_MAIN(TestResult)
#include "tst_result.moc"
