// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QRadioButton;
class QTreeView;

namespace Volmap {

class StackModel;

/*
 * How the machine's block devices stack, as a tab of the device panel:
 * mappings down to their disks, or disks up to what is built on them.
 * Enter or a double-click on a mapping asks to open it.
 */
class StackView final : public QWidget
{
    Q_OBJECT

public:
    explicit StackView(StackModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QRadioButton *topDownButton() const { return m_topDown; }
    QRadioButton *bottomUpButton() const { return m_bottomUp; }
    /* The kernel name of the selected device, or empty. */
    QString selectedDevice() const;

Q_SIGNALS:
    /* A mapping was activated: its device-mapper name. */
    void openRequested(const QString &mappingName);

private:
    void restoreSelection();

    StackModel *m_model;
    QRadioButton *m_topDown;
    QRadioButton *m_bottomUp;
    QTreeView *m_view;
    QString m_selected;
};

} // namespace Volmap
