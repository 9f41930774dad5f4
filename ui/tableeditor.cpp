// SPDX-License-Identifier: GPL-2.0-or-later
#include "tableeditor.h"

#include "deviceuse.h"
#include "draftchecker.h"
#include "draggeddevice.h"
#include "layoutbar.h"
#include "mappingname.h"
#include "problemcolor.h"
#include "segmentdelegate.h"
#include "segmenttablemodel.h"
#include "tabletext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QVBoxLayout>

namespace Volmap {

namespace {

// Table files and pastes bigger than this are not tables a person edits.
constexpr qint64 MaxTableFileSize = 16 * 1024 * 1024;

} // namespace

TableEditor::TableEditor(DeviceResolver resolver, QWidget *parent)
    : QWidget(parent)
    , m_model(new SegmentTableModel(std::move(resolver), this))
    , m_layoutBar(new LayoutBar(m_model, this))
    , m_view(new QTableView(this))
    , m_toolBar(new QToolBar(tr("Table"), this))
    , m_unit(new QComboBox(this))
    , m_newLength(new QLineEdit(this))
    , m_editingBanner(new QLabel(this))
    , m_newMappingButton(new QPushButton(tr("Ne&w Mapping Instead"), this))
    , m_summary(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_readOnly(new QCheckBox(tr("&Read-only"), this))
    , m_createButton(new QPushButton(this))
    , m_applyButton(new QPushButton(this))
{
    buildActions();
    connectDraftSignals();
    buildDropControls();
    buildToolBar();
    buildSegmentView();
    buildCreateControls();
    connectModel();
    arrangeLayout();
    startNewMapping();
}

TableEditor::~TableEditor()
{
    // The undo stack announces its clearing when the model goes, after this
    // editor's widgets: nothing here may hear it any more.
    m_model->undoStack()->disconnect();
}

void TableEditor::commitPendingEdit()
{
    // A shortcut can fire while a cell editor holds text the model has not
    // seen; taking the focus away commits it, so Create and Apply act on
    // what the person sees.
    QWidget *focus = QApplication::focusWidget();
    if (focus && m_view->viewport()->isAncestorOf(focus)) {
        m_view->setFocus(Qt::OtherFocusReason);
    }
}

QString TableEditor::mappingName() const
{
    return m_editedMapping.isEmpty() ? m_name->text().trimmed() : m_editedMapping;
}

bool TableEditor::readOnly() const
{
    return m_readOnly->isChecked();
}

void TableEditor::openMapping(const QString &name, const QString &tableText)
{
    if (!loadTableText(tableText, tr("Open %1").arg(name))) {
        return;
    }
    beginEditing(name);
}

void TableEditor::showCreated(const QString &name)
{
    m_name->clear();
    beginEditing(name);
}

void TableEditor::beginEditing(const QString &name)
{
    m_editedMapping = name;
    m_openedAtIndex = m_model->undoStack()->index();
    m_editingBanner->setText(tr("Editing the live table of <b>%1</b>. <i>Apply</i> replaces it without "
                                "unmounting; nothing changes until then.")
                                 .arg(name.toHtmlEscaped()));
    updateState();
}

void TableEditor::startNewMapping()
{
    m_editedMapping.clear();
    updateState();
}

void TableEditor::addDevices(const QList<DraggedDevice> &devices)
{
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : m_model->rowCount();
    const QString refused = m_model->insertDevices(row, devices);
    if (!refused.isEmpty()) {
        Q_EMIT statusMessage(refused);
        return;
    }
    selectRow(row + int(devices.size()) - 1);
}

bool TableEditor::loadTableText(const QString &text, const QString &what)
{
    if (text.size() > MaxTableFileSize) {
        Q_EMIT failed(tr("Not a table"), tr("The text is larger than any table Volume Mapper edits."));
        return false;
    }
    const ParsedTable parsed = parseTable(text);
    if (!parsed.ok() || parsed.table.segments.isEmpty()) {
        QStringList reasons;
        for (const TableIssue &issue : parsed.issues) {
            reasons.append(issue.message);
        }
        Q_EMIT failed(tr("Not a device-mapper table"),
                      parsed.table.segments.isEmpty() && reasons.isEmpty()
                          ? tr("The text holds no table lines (\"start length target arguments…\").")
                          : tr("The table text could not be read:\n%1").arg(reasons.mid(0, 5).join(u'\n')));
        return false;
    }
    m_model->replaceTable(parsed.table, what);
    Q_EMIT statusMessage(tr("%1: %n segment(s)", nullptr, int(parsed.table.segments.size())).arg(what));
    return true;
}

void TableEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void TableEditor::setClaimsSource(ClaimsSource *source)
{
    m_checker = new DraftChecker(m_model, source, this);
    m_checker->setReadOnly(readOnly());
    m_checker->setEditedMapping(m_editedMapping);
    connect(m_readOnly, &QCheckBox::toggled, m_checker, &DraftChecker::setReadOnly);
    connect(m_checker, &DraftChecker::stateChanged, this, &TableEditor::updateState);
}

void TableEditor::updateState()
{
    const bool editing = !m_editedMapping.isEmpty();
    if (m_checker) {
        m_checker->setEditedMapping(m_editedMapping);
    }
    // The helper would refuse a table in conflict with the system: offer nothing it would refuse.
    const std::optional<Conflict> conflict = m_checker ? m_checker->conflict() : std::nullopt;
    const bool valid = m_model->isValid() && !conflict;
    const Result<Done, QString> nameChecked = checkMappingName(m_name->text().trimmed());
    m_editingBanner->setVisible(editing);
    m_newMappingButton->setVisible(editing);
    m_name->setEnabled(!editing);
    m_readOnly->setEnabled(!editing);
    m_create->setEnabled(!m_busy && !editing && valid && nameChecked);
    m_apply->setEnabled(!m_busy && editing && valid);
    m_createButton->setText(m_create->text());
    m_createButton->setIcon(m_create->icon());
    m_createButton->setEnabled(m_create->isEnabled());
    m_createButton->setVisible(!editing);
    m_applyButton->setText(editing ? tr("&Apply to %1…").arg(m_editedMapping) : m_apply->text());
    m_applyButton->setEnabled(m_apply->isEnabled());
    m_applyButton->setIcon(m_apply->icon());
    m_applyButton->setVisible(editing);
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
    m_export->setEnabled(m_model->rowCount() > 0);
    m_command->setEnabled(m_model->rowCount() > 0);

    // Say what stands between the person and Create, most important first.
    QString summary;
    QString tip;
    quint64 total = 0;
    for (const EditableSegment &segment : m_model->segments()) {
        total += segment.length;
    }
    if (m_model->rowCount() == 0) {
        summary = tr("Drag a device from the device list onto the table, or import a table.");
    } else if (conflict) {
        summary = problemHtml(tr("⚠ Conflict:")) + QLatin1Char(' ') + conflict->error.message.toHtmlEscaped();
    } else if (!valid) {
        const int problems = int(m_model->issues().size());
        summary = problemHtml(tr("⚠ %n problem(s):", nullptr, problems)) + QLatin1Char(' ')
                  + (m_model->issues().isEmpty() ? QString()
                                                 : m_model->issues().first().message.toHtmlEscaped());
    } else if (!editing && !nameChecked) {
        summary = m_name->text().trimmed().isEmpty()
                      ? tr("The table is valid (%1). Name the new mapping to create it.")
                            .arg(formatSizeHuman(total * BytesPerSector))
                      : problemHtml(tr("⚠ Name:")) + QLatin1Char(' ') + nameChecked.error().toHtmlEscaped();
    } else if (m_checker && m_checker->isChecking()) {
        summary = tr("Checking what else uses these devices…");
    } else {
        summary = tr("✓ Valid: %n segment(s), %1.", nullptr, m_model->rowCount())
                      .arg(formatSizeHuman(total * BytesPerSector));
    }
    m_summary->setText(summary);
    // A conflict names both sides and may not fit on one line.
    m_summary->setToolTip(conflict ? conflict->error.message : QString());
    m_createButton->setToolTip(m_create->isEnabled()
                                   ? tr("Create the mapping (asks for confirmation first)")
                                   : QTextDocumentFragment::fromHtml(summary).toPlainText());
}

void TableEditor::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, SegmentTableModel::LengthColumn));
    m_view->selectRow(row);
}

void TableEditor::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    if (rows.isEmpty()) {
        return;
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    m_model->undoStack()->beginMacro(tr("Remove %n segment(s)", nullptr, int(rows.size())));
    for (int row : rows) {
        m_model->removeSegment(row);
    }
    m_model->undoStack()->endMacro();
}

void TableEditor::addZeroSegment()
{
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : m_model->rowCount();
    const quint64 length = m_model->newSegmentLength() ? m_model->newSegmentLength() : 2048;
    m_model->insertSegment(row, {length, QStringLiteral("zero"), {}, 0});
    selectRow(row);
}

void TableEditor::importFile()
{
    auto *dialog = new QFileDialog(this, tr("Import Table"), QString(),
                                   tr("Device-mapper tables (*.table *.txt *.dm);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Q_EMIT failed(tr("Cannot open the table"), tr("%1: %2").arg(path, file.errorString()));
            return;
        }
        if (file.size() > MaxTableFileSize) {
            Q_EMIT failed(tr("Not a table"),
                          tr("%1 is larger than any table Volume Mapper edits.").arg(path));
            return;
        }
        loadTableText(QString::fromUtf8(file.readAll()), tr("Import %1").arg(QFileInfo(path).fileName()));
    });
    dialog->open();
}

void TableEditor::exportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export Table"),
                                   mappingName().isEmpty() ? QStringLiteral("mapping.table")
                                                           : mappingName() + QStringLiteral(".table"),
                                   tr("Device-mapper tables (*.table);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("table"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(formatTable(m_model->table()).toUtf8()) < 0
            || !file.commit()) {
            Q_EMIT failed(tr("Cannot save the table"), tr("%1: %2").arg(path, file.errorString()));
            return;
        }
        Q_EMIT statusMessage(tr("Table saved to %1").arg(path));
    });
    dialog->open();
}

void TableEditor::showCommand()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("commandDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Equivalent dmsetup Command"));
    auto *text = new QPlainTextEdit(dmsetupCreateCommand(mappingName(), m_model->table(), readOnly()),
                                    dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setAccessibleName(tr("dmsetup command"));
    text->setMinimumSize(520, 200);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, text,
            [text]() { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(
        new QLabel(tr("Run as root to create the same mapping without Volume Mapper:"), dialog));
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->open();
}

} // namespace Volmap
