// SPDX-License-Identifier: GPL-2.0-or-later
// The mappings list's error label sizes its text from a document of its
// own: it must ask the layout for what QLabel asks for the same text, at
// every width, and follow new text and a new font.

#include "wrappedmessagelabel.h"

#include <QLabel>
#include <QTest>

#include <memory>

using Volmap::WrappedMessageLabel;

namespace {

const QString Message = QStringLiteral(
    "<b>Helper not installed.</b> The volmap-helper service is not on the system bus, so mappings "
    "cannot be listed.<br>Install the volmap-helper package, then press Refresh.");

QLabel *plainQLabel(const QString &text, const QFont &font)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setFont(font);
    label->setText(text);
    return label;
}

} // namespace

class TestWrappedMessageLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heightsMatchQLabel();
    void followsNewTextAndFont();
};

void TestWrappedMessageLabel::heightsMatchQLabel()
{
    WrappedMessageLabel label;
    label.setText(Message);
    const std::unique_ptr<QLabel> reference(plainQLabel(Message, label.font()));
    QVERIFY(label.hasHeightForWidth());
    for (const int width : {60, 150, 320, 640, 2000}) {
        QCOMPARE(label.heightForWidth(width), reference->heightForWidth(width));
        // Asked again from the cache, the same.
        QCOMPARE(label.heightForWidth(width), reference->heightForWidth(width));
    }
    QCOMPARE(label.minimumSizeHint(), reference->minimumSizeHint());
    // The hint may be wider than QLabel's guess; its height is what its width needs.
    QCOMPARE(label.sizeHint().height(), label.heightForWidth(label.sizeHint().width()));
}

void TestWrappedMessageLabel::followsNewTextAndFont()
{
    WrappedMessageLabel label;
    label.setText(Message);
    const int oneMessage = label.heightForWidth(200);
    label.setText(Message + QStringLiteral("<br>") + Message);
    QVERIFY2(label.heightForWidth(200) > oneMessage, qPrintable(QString::number(label.heightForWidth(200))));
    QFont larger = label.font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    const int before = label.heightForWidth(200);
    label.setFont(larger);
    QVERIFY(label.heightForWidth(200) > before);
    const std::unique_ptr<QLabel> reference(plainQLabel(label.text(), larger));
    QCOMPARE(label.heightForWidth(200), reference->heightForWidth(200));
}

QTEST_MAIN(TestWrappedMessageLabel)
#include "tst_wrappedmessagelabel.moc"
