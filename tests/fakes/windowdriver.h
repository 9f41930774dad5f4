// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What GUI tests do to the main window, as a person would: shared by the
// window's test binaries.

#include "devicepanel.h"
#include "devicetreemodel.h"
#include "draftstore.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "mappinglistmodel.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QTest>
#include <QTreeView>

namespace Volmap::Fakes {

/* Selects the devices in the tree, then Edit ▸ Add Selected Devices (Ctrl+D). */
inline void addDevicesByKeyboard(MainWindow *window, const QStringList &kernelNames)
{
    QTreeView *tree = window->devicePanel()->view();
    tree->setFocus();
    tree->clearSelection();
    for (const QString &name : kernelNames) {
        const QModelIndex index = window->deviceModel()->indexOf(name);
        QVERIFY2(index.isValid(), qPrintable(name));
        auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
        tree->selectionModel()->select(proxy->mapFromSource(index),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QTest::keyClick(window, Qt::Key_D, Qt::ControlModifier);
}

/* Creates a mapping behind the window's back (through `client`) and waits until its list has it. */
inline void createMappingDirectly(HelperClient *client, MainWindow *window, const QString &name,
                                  const QString &table)
{
    bool done = false;
    client->create(name, table, false, [&](const ClientResult<QString> &result) {
        QVERIFY(result.has_value());
        done = true;
    });
    QTRY_VERIFY(done);
    QTRY_VERIFY(window->mappingModel()->rowOf(name) >= 0);
}

/*
 * Shows `window` and waits until it is exposed and its device tree filled
 * (devices are scanned off the GUI thread); false if either times out.
 */
inline bool showAndWaitForDevices(MainWindow *window)
{
    window->show();
    return QTest::qWaitForWindowExposed(window)
           && QTest::qWaitFor([window]() { return window->deviceModel()->rowCount() > 0; });
}

/*
 * After a test: closes what the window opened (dialogs, message boxes) and
 * the window, and forgets the unfinished table it keeps for the next start.
 */
inline void closeWindowAndDraft(std::unique_ptr<MainWindow> &window)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget != window.get() && widget->isVisible()) {
            widget->close();
        }
    }
    window.reset();
    DraftStore().discard();
}

} // namespace Volmap::Fakes
