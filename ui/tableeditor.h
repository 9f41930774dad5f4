// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sizeunits.h"
#include "tablevalidator.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolBar;

namespace Volmap {

class ClaimsSource;
class DraftChecker;
class LayoutBar;
class SegmentTableModel;
struct Draft;
struct DraggedDevice;

/*
 * The table editor: devices dropped from the device panel become
 * segments, rows are reordered by dragging, lengths and offsets are edited
 * in place in the chosen unit, and the layout bar draws the result. It
 * checks the table as it changes and only offers Create (or Apply, when a
 * mapping was opened) while it is valid. It asks for nothing itself: the
 * window does the helper calls on its signals.
 */
class TableEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TableEditor(DeviceResolver resolver, QWidget *parent = nullptr);
    ~TableEditor() override;

    SegmentTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    LayoutBar *layoutBar() const { return m_layoutBar; }

    QString mappingName() const;
    bool readOnly() const;
    /* The mapping being edited ("" for a new one). */
    QString editedMapping() const { return m_editedMapping; }

    /* Loads a mapping's table for a live reload (an undoable step). */
    void openMapping(const QString &name, const QString &tableText);
    /* Back to building a new mapping; keeps the rows. */
    void startNewMapping();
    /*
     * After Create: the table on screen is `name`'s live table now, so it
     * is edited as that mapping (Apply), and checked as the helper would
     * check a reload of it, not as a second mapping over the same ranges.
     */
    void showCreated(const QString &name);
    void addDevices(const QList<DraggedDevice> &devices);
    /* Replaces the table by text (import, paste); false and a message if it does not parse. */
    bool loadTableText(const QString &text, const QString &what);
    void setBusy(bool busy);
    /*
     * Checks the draft against what else uses the devices (other mappings,
     * mounts, swap, holders, read-only devices) as the helper would, shows
     * the conflict and offers no Create or Apply while one stands; drops
     * take free space around those too.
     */
    void setClaimsSource(ClaimsSource *source);

    /* Rows changed and neither created nor applied yet (tableeditorstate.cpp). */
    bool hasDraft() const;
    Draft draft() const;
    /* Back to a draft saved earlier; it stays a draft until created or applied. */
    void restoreDraft(const Draft &draft);
    /* The unit of lengths and offsets, and the length a dropped device takes ("" for all free space). */
    SizeUnit displayUnit() const;
    void setDisplayUnit(SizeUnit unit);
    QString dropLength() const;
    void setDropLength(const QString &text);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *removeAction() const { return m_remove; }
    QAction *addZeroAction() const { return m_addZero; }
    QAction *importAction() const { return m_import; }
    QAction *pasteAction() const { return m_paste; }
    QAction *exportAction() const { return m_export; }
    QAction *commandAction() const { return m_command; }
    QAction *createAction() const { return m_create; }
    QAction *applyAction() const { return m_apply; }

Q_SIGNALS:
    void createRequested(const QString &name, const QString &tableText, bool readOnly);
    void applyRequested(const QString &name, const QString &tableText);
    void statusMessage(const QString &text);
    void failed(const QString &title, const QString &text);
    /* The table, the name or read-only changed: what hasDraft() and draft() say may differ. */
    void draftChanged();

private:
    void beginEditing(const QString &name);
    // Actions, one group each (tableeditoractions.cpp).
    void buildActions();
    void buildUndoActions();
    void buildTableActions();
    void buildMappingActions();
    void buildMoveActions();
    // Widgets, one area each (tableeditorlayout.cpp).
    void buildDropControls();
    void buildToolBar();
    void buildSegmentView();
    void buildCreateControls();
    void connectModel();
    void arrangeLayout();
    void connectDraftSignals();
    void commitPendingEdit();
    void updateState();
    void importFile();
    void exportFile();
    void showCommand();
    void removeSelected();
    void addZeroSegment();
    void selectRow(int row);

    SegmentTableModel *m_model;
    LayoutBar *m_layoutBar;
    QTableView *m_view;
    QToolBar *m_toolBar;
    QComboBox *m_unit;
    QLineEdit *m_newLength;
    QLabel *m_editingBanner;
    QPushButton *m_newMappingButton;
    QLabel *m_summary;
    QLineEdit *m_name;
    QCheckBox *m_readOnly;
    QPushButton *m_createButton;
    QPushButton *m_applyButton;
    QString m_editedMapping;
    DraftChecker *m_checker = nullptr;
    int m_openedAtIndex = 0; // undo index right after the mapping's table was loaded
    bool m_busy = false;

    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_addZero = nullptr;
    QAction *m_import = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_export = nullptr;
    QAction *m_command = nullptr;
    QAction *m_create = nullptr;
    QAction *m_apply = nullptr;
};

} // namespace Volmap
