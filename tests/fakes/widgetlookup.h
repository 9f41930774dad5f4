#pragma once

// Finding what the window opened, as a person would see it, for GUI tests.

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QTest>

namespace Volmap::Fakes {

/* The visible top-level window named `objectName`, waiting for it to open; nullptr if it does not. */
template<typename T>
T *waitForTopLevel(const QString &objectName, int timeoutMs = 10000)
{
    T *found = nullptr;
    const bool opened = QTest::qWaitFor(
        [&]() {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->isVisible() && widget->objectName() == objectName) {
                    found = qobject_cast<T *>(widget);
                }
            }
            return found != nullptr;
        },
        timeoutMs);
    return opened ? found : nullptr;
}

/* The button whose label reads `text` (mnemonic ampersands ignored). */
inline QPushButton *buttonLabelled(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>()) {
        if (button->text().remove(u'&') == text) {
            return button;
        }
    }
    return nullptr;
}

/* Saves what `widget` shows to $VOLMAP_SCREENSHOT_DIR/NAME.png, when that is set. */
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QString::fromLocal8Bit(qgetenv("VOLMAP_SCREENSHOT_DIR"));
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    QVERIFY2(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")), qPrintable(dir));
}

} // namespace Volmap::Fakes
