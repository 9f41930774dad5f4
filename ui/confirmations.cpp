// SPDX-License-Identifier: GPL-2.0-or-later
#include "confirmations.h"

#include "deviceuse.h"
#include "sizeunits.h"
#include "tabletext.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>

#include <memory>
#include <tuple>

namespace Volmap {

namespace {

QPlainTextEdit *tableText(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setAccessibleName(accessibleName);
    edit->setMinimumWidth(360);
    return edit;
}

QStringList escapedItems(const QStringList &lines)
{
    QStringList escaped;
    for (const QString &line : lines) {
        escaped.append(line.toHtmlEscaped());
    }
    return escaped;
}

quint64 lengthOf(const QString &text)
{
    const MappingTable table = parseTable(text).table;
    return table.segments.isEmpty() ? 0 : table.segments.last().end();
}

// The explicit consent over data: `accept` stays disabled until the box is ticked.
QCheckBox *consentBox(QWidget *parent, QPushButton *accept, const QString &text)
{
    auto *consent = new QCheckBox(text, parent);
    consent->setObjectName(QStringLiteral("dataConsent"));
    accept->setEnabled(false);
    QObject::connect(consent, &QCheckBox::toggled, accept, &QPushButton::setEnabled);
    return consent;
}

QString consentText()
{
    return QObject::tr("I understand that writing to the mapping destroys this data");
}

const QString RecreateSetting = QStringLiteral("create/recreateAtStartup");
const QString RecreateBoxName = QStringLiteral("recreateAtStartup");

/*
 * A QMessageBox has room for one check box, the consent over data; this
 * puts `widget` on a row of its own under the text, just above the
 * buttons. Call it last: the box lays itself out anew when its text,
 * details or check box change.
 */
void addAboveButtons(QMessageBox *box, QWidget *widget)
{
    auto *grid = qobject_cast<QGridLayout *>(box->layout());
    auto *buttons = box->findChild<QDialogButtonBox *>();
    const int buttonsAt = grid && buttons ? grid->indexOf(buttons) : -1;
    if (buttonsAt < 0) {
        box->layout()->addWidget(widget);
        return;
    }
    int buttonRow = 0;
    int unused = 0;
    grid->getItemPosition(buttonsAt, &buttonRow, &unused, &unused, &unused);
    // The text's column, so the box lines up with the text and the consent box.
    int textColumn = 0;
    if (auto *text = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"));
        text && grid->indexOf(text) >= 0) {
        grid->getItemPosition(grid->indexOf(text), &unused, &textColumn, &unused, &unused);
    }
    QList<std::tuple<QLayoutItem *, int, int, int, int>> below;
    for (int i = grid->count() - 1; i >= 0; --i) {
        int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
        grid->getItemPosition(i, &row, &column, &rowSpan, &columnSpan);
        if (row >= buttonRow) {
            below.append({grid->takeAt(i), row, column, rowSpan, columnSpan});
        }
    }
    for (const auto &[item, row, column, rowSpan, columnSpan] : below) {
        grid->addItem(item, row + 1, column, rowSpan, columnSpan, item->alignment());
    }
    grid->addWidget(widget, buttonRow, textColumn, 1, 1, Qt::AlignLeft);
}

QCheckBox *recreateAtStartupBox(QMessageBox *box, const QString &name)
{
    auto *recreate = new QCheckBox(QObject::tr("&Recreate at startup"), box);
    recreate->setObjectName(RecreateBoxName);
    recreate->setToolTip(
        QObject::tr("Save the definition of /dev/mapper/%1, so that it is created again after "
                    "every restart from the same devices, found by their identity")
            .arg(name));
    recreate->setChecked(QSettings().value(RecreateSetting, false).toBool());
    QObject::connect(box, &QDialog::accepted, recreate,
                     [recreate]() { QSettings().setValue(RecreateSetting, recreate->isChecked()); });
    return recreate;
}

QMessageBox *removeBox(QWidget *parent, const QString &name, bool inUse, bool foreign,
                       std::function<void(RemoveChoice)> chosen)
{
    QString text = QObject::tr("Remove <b>/dev/mapper/%1</b>?").arg(name.toHtmlEscaped());
    QString info = QObject::tr("The data on its backing devices stays as it is.");
    if (inUse) {
        info += QObject::tr(
            " It is open right now (mounted or used by a program): it can be removed once nothing "
            "uses it any more.");
    }
    if (foreign) {
        info += QObject::tr(" Volume Mapper did not create it; an administrator's password is needed.");
    }
    auto *box = new QMessageBox(QMessageBox::Warning, QObject::tr("Remove Mapping"), text,
                                QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(info);
    QPushButton *remove = box->addButton(QObject::tr("&Remove"), QMessageBox::DestructiveRole);
    QPushButton *deferred = box->addButton(QObject::tr("Remove When &Unused"), QMessageBox::AcceptRole);
    deferred->setToolTip(QObject::tr("The kernel removes it as soon as the last user closes it"));
    box->setDefaultButton(inUse ? deferred : remove);
    QObject::connect(box, &QMessageBox::finished, box, [box, remove, deferred, chosen]() {
        const QAbstractButton *clicked = box->clickedButton();
        chosen(clicked == remove     ? RemoveChoice::Remove
               : clicked == deferred ? RemoveChoice::RemoveWhenUnused
                                     : RemoveChoice::Cancel);
    });
    return box;
}

} // namespace

QDialog *createConfirmation(QWidget *parent, const QString &name, const QString &text, bool readOnly,
                            const QList<RangeData> &data)
{
    const MappingTable table = parseTable(text).table;
    const bool overData = anyHoldsData(data);
    auto *box = new QMessageBox(QMessageBox::Question, QObject::tr("Create Mapping"),
                                QObject::tr("Create <b>/dev/mapper/%1</b>, %2%3?")
                                    .arg(name.toHtmlEscaped(),
                                         formatSizeHuman(lengthOf(text) * BytesPerSector),
                                         readOnly ? QObject::tr(", read-only") : QString()),
                                QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("createConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QStringList uses = data.isEmpty() ? describeDeviceUses(table) : describeRangeData(data);
    QString info = uses.isEmpty()
                       ? QObject::tr("It uses no backing device.")
                       : QObject::tr(
                             "It will use exactly these device ranges. Creating it writes nothing to them, "
                             "but whatever writes to the new device changes them:<ul><li>%1</li></ul>")
                             .arg(escapedItems(uses).join(QStringLiteral("</li><li>")));
    if (overData) {
        box->setIcon(QMessageBox::Warning);
        info += QObject::tr("<b>Some of these ranges hold data.</b> Formatting or writing to "
                            "/dev/mapper/%1 overwrites it.")
                    .arg(name.toHtmlEscaped());
    }
    box->setInformativeText(info);
    box->setDetailedText(text);
    QPushButton *create = box->addButton(QObject::tr("&Create"), QMessageBox::AcceptRole);
    if (overData) {
        box->setCheckBox(consentBox(box, create, consentText()));
        box->setDefaultButton(QMessageBox::Cancel);
    } else {
        box->setDefaultButton(create);
    }
    addAboveButtons(box, recreateAtStartupBox(box, name));
    return box;
}

bool recreateAtStartupChosen(const QDialog *createConfirmation)
{
    const auto *recreate = createConfirmation->findChild<QCheckBox *>(RecreateBoxName);
    return recreate && recreate->isChecked();
}

QDialog *reloadConfirmation(QWidget *parent, const QString &name, const QString &oldTable,
                            const QString &newTable, const QList<RangeData> &data)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("reloadConfirmation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Apply New Table"));
    auto *layout = new QGridLayout(dialog);
    auto *intro = new QLabel(
        QObject::tr("Replace the live table of <b>%1</b>? I/O pauses for a moment while the "
                    "new table takes over; the device stays open. The size changes from %2 to %3.")
            .arg(name.toHtmlEscaped(), formatSizeHuman(lengthOf(oldTable) * BytesPerSector),
                 formatSizeHuman(lengthOf(newTable) * BytesPerSector)),
        dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    layout->addWidget(new QLabel(QObject::tr("<b>Now</b>"), dialog), 1, 0);
    layout->addWidget(new QLabel(QObject::tr("<b>After</b>"), dialog), 1, 1);
    layout->addWidget(tableText(oldTable, QObject::tr("Current table"), dialog), 2, 0);
    layout->addWidget(tableText(newTable, QObject::tr("New table"), dialog), 2, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *apply = buttons->addButton(QObject::tr("&Apply"), QDialogButtonBox::AcceptRole);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    if (!data.isEmpty()) {
        auto *found = new QLabel(
            QObject::tr("The new table also uses these ranges:<ul><li>%1</li></ul>")
                .arg(escapedItems(describeRangeData(data)).join(QStringLiteral("</li><li>"))),
            dialog);
        found->setObjectName(QStringLiteral("newRanges"));
        found->setWordWrap(true);
        layout->addWidget(found, 3, 0, 1, 2);
    }
    if (anyHoldsData(data)) {
        layout->addWidget(consentBox(dialog, apply, consentText()), 4, 0, 1, 2);
        buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    } else {
        apply->setDefault(true);
    }
    layout->addWidget(buttons, 5, 0, 1, 2);
    return dialog;
}

QDialog *removeConfirmation(QWidget *parent, const QString &name, bool inUse, bool foreign,
                            std::function<void(RemoveChoice)> chosen)
{
    return removeBox(parent, name, inUse, foreign, std::move(chosen));
}

QDialog *removeSavedConfirmation(QWidget *parent, const QString &name, bool inUse,
                                 std::function<void(RemoveChoice, bool forgetDefinition)> chosen)
{
    // The box answers after `finished`, when the check box is still there to read.
    auto forget = std::make_shared<QCheckBox *>(nullptr);
    QMessageBox *box = removeBox(parent, name, inUse, false, [forget, chosen](RemoveChoice choice) {
        chosen(choice, !*forget || (*forget)->isChecked());
    });
    *forget = new QCheckBox(
        QObject::tr("Also &forget its saved definition (otherwise it is recreated at the next "
                    "startup)"),
        box);
    (*forget)->setObjectName(QStringLiteral("forgetDefinition"));
    (*forget)->setChecked(true);
    box->setInformativeText(box->informativeText() + QObject::tr(" It is saved to be recreated at startup."));
    box->setCheckBox(*forget);
    return box;
}

QDialog *forgetConfirmation(QWidget *parent, const QString &name, std::function<void(bool forget)> chosen)
{
    auto *box = new QMessageBox(
        QMessageBox::Question, QObject::tr("Forget Saved Mapping"),
        QObject::tr("Forget the saved definition of <b>%1</b>?").arg(name.toHtmlEscaped()),
        QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("forgetConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        QObject::tr("It is no longer recreated at startup. The data on its devices stays as it "
                    "is; you can build the mapping again in the editor."));
    QPushButton *forget = box->addButton(QObject::tr("&Forget"), QMessageBox::DestructiveRole);
    box->setDefaultButton(forget);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, forget, chosen]() { chosen(box->clickedButton() == forget); });
    return box;
}

} // namespace Volmap
