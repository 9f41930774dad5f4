// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Finding what the window opened, as a person would see it, for GUI tests.

#include <QApplication>
#include <QDir>
#include <QPalette>
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

/* A dark desktop palette (Breeze Dark's colours), to check that everything stays readable. */
inline QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x23, 0x26));
    dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Base, QColor(0x14, 0x16, 0x18));
    dark.setColor(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Button, QColor(0x29, 0x2c, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    dark.setColor(QPalette::Mid, QColor(0x40, 0x44, 0x48));
    return dark;
}

/* Saves what `widget` shows to $VOLMAP_SCREENSHOT_DIR/NAME.png, when that is set. */
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QString::fromLocal8Bit(qgetenv("VOLMAP_SCREENSHOT_DIR"));
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    // As a person sees it: Qt lays widgets out before it paints the next
    // frame (updates are posted at low priority), while grab() paints now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")), qPrintable(dir));
}

} // namespace Volmap::Fakes
