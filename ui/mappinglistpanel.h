// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QTableView;

namespace Volmap {

class MappingListModel;
struct ClientError;

/*
 * Every device-mapper mapping on the machine, Volume Mapper's and
 * others', with the actions on the selected one. Selecting a mapping
 * is what the live I/O view follows.
 */
class MappingListPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit MappingListPanel(MappingListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /* The selected live mapping; empty when a saved definition that is not live is selected. */
    QString selectedMapping() const;
    /* The selected saved definition that is not live, or empty. */
    QString selectedSaved() const;
    /* The context menu of `row` (a new, unshown menu owned by the caller), or nullptr if it has none. */
    QMenu *menuForRow(int row);
    /* Selects `name` now, or as soon as a listing has it (a mapping just made). */
    void selectMapping(const QString &name);
    /* Shown instead of an empty list when the helper cannot be asked. */
    void showListError(const ClientError &error);
    /* While a helper call runs, Open and Remove wait for it. */
    void setBusy(bool busy);

Q_SIGNALS:
    void selectionChanged(const QString &name, const QString &kernelName);
    void openRequested(const QString &name);
    void removeRequested(const QString &name);
    /* Recreate a live mapping of ours at startup, or no longer. */
    void persistRequested(const QString &name, bool enabled);
    /* For saved definitions that are not live. */
    void assembleRequested(const QString &name);
    void forgetRequested(const QString &name);

private:
    // The constructor's parts, in the order it calls them.
    void setUpView();
    void wireButtons();
    void addEmptyState();
    void layOut();
    void updateButtons();
    void showMenu(const QPoint &position);
    void spanSavedRows();
    /* The selected row's name if it is live (`live`) or a saved definition only (!`live`). */
    QString selectedName(bool live) const;

    MappingListModel *m_model;
    QString m_selectWhenListed;
    QTableView *m_view;
    QLabel *m_message;
    QPushButton *m_open;
    QPushButton *m_remove;
    QPushButton *m_refresh;
    bool m_busy = false;
    bool m_listed = false; // a listing came: an empty list means no mappings
};

} // namespace Volmap
