// SPDX-License-Identifier: GPL-2.0-or-later
#include "mappinginspector.h"

#include "mappingowner.h"
#include "sizeunits.h"
#include "tabletext.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Volmap {

namespace {

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

// "8:16" → "sdb [8:16]"; paths and unknown numbers as the table has them.
QString named(const QString &device, const std::function<QString(const QString &)> &deviceName)
{
    const QString name = deviceName ? deviceName(device) : QString();
    return name.isEmpty() ? device : QStringLiteral("%1 [%2]").arg(name, device);
}

} // namespace

MappingInspector::MappingInspector(const MappingSummary &mapping, const QString &tableText,
                                   const std::function<QString(const QString &)> &deviceName, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_segments(new QTableWidget(this))
{
    setObjectName(QStringLiteral("mappingInspector"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Mapping %1").arg(mapping.name));
    const QString text = redactTableSecrets(tableText);

    const OwnerTool owner = ownerOf(mapping.uuid);
    auto *why = new QLabel(this);
    why->setObjectName(QStringLiteral("inspectorReason"));
    why->setWordWrap(true);
    why->setText(
        owner != OwnerTool::VolumeMapper && owner != OwnerTool::None
            ? tr("%1 made this mapping. Volume Mapper shows it read-only: changing its table here would "
                 "go behind that tool's back.")
                  .arg(ownerName(owner))
            : tr("The table editor cannot represent this mapping's targets (%1), so it is shown read-only.")
                  .arg(mapping.targets.join(QStringLiteral(", "))));

    fillSegments(text, deviceName);
    m_text->setObjectName(QStringLiteral("inspectorTable"));
    m_text->setAccessibleName(tr("Table text"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(text);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 5);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Table"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [text]() { QApplication::clipboard()->setText(text); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addWidget(facts(mapping));
    layout->addWidget(new QLabel(tr("<b>Segments</b>"), this));
    layout->addWidget(m_segments, 1);
    layout->addWidget(new QLabel(tr("<b>Table</b> (keys are never shown)"), this));
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(720, 560);
}

QWidget *MappingInspector::facts(const MappingSummary &mapping)
{
    auto *facts = new QWidget(this);
    auto *form = new QFormLayout(facts);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name:"), selectable(QStringLiteral("/dev/mapper/") + mapping.name, facts));
    form->addRow(tr("Made by:"), selectable(ownerName(ownerOf(mapping.uuid)), facts));
    form->addRow(tr("UUID:"), selectable(mapping.uuid.isEmpty() ? tr("none") : mapping.uuid, facts));
    form->addRow(tr("Device number:"),
                 selectable(QStringLiteral("%1:%2 (dm-%2)").arg(mapping.major).arg(mapping.minor), facts));
    form->addRow(tr("Size:"), selectable(formatSizeHuman(mapping.length * BytesPerSector), facts));
    form->addRow(tr("Targets:"), selectable(mapping.targets.join(QStringLiteral(", ")), facts));
    form->addRow(tr("Open count:"), selectable(QString::number(mapping.openCount), facts));
    QStringList state{mapping.readOnly ? tr("read-only") : tr("read-write")};
    if (mapping.suspended) {
        state.append(tr("suspended"));
    }
    if (mapping.deferredRemove) {
        state.append(tr("removed when unused"));
    }
    form->addRow(tr("State:"), selectable(state.join(QStringLiteral(", ")), facts));
    return facts;
}

void MappingInspector::fillSegments(const QString &tableText,
                                    const std::function<QString(const QString &)> &deviceName)
{
    const MappingTable table = parseTable(tableText).table;
    m_segments->setObjectName(QStringLiteral("inspectorSegments"));
    m_segments->setAccessibleName(tr("Segments"));
    m_segments->setColumnCount(4);
    m_segments->setHorizontalHeaderLabels({tr("Start"), tr("Length"), tr("Target"), tr("Devices")});
    m_segments->setRowCount(int(table.segments.size()));
    m_segments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_segments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_segments->verticalHeader()->hide();
    m_segments->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < int(table.segments.size()); ++row) {
        const Segment &segment = table.segments[row];
        QStringList devices;
        for (const QString &device : devicesOfSegment(segment)) {
            devices.append(named(device, deviceName));
        }
        m_segments->setItem(row, 0, new QTableWidgetItem(formatSizeHuman(segment.start * BytesPerSector)));
        m_segments->setItem(row, 1, new QTableWidgetItem(formatSizeHuman(segment.length * BytesPerSector)));
        m_segments->setItem(row, 2, new QTableWidgetItem(segment.target));
        m_segments->setItem(row, 3, new QTableWidgetItem(devices.join(QStringLiteral(", "))));
    }
    m_segments->resizeColumnsToContents();
}

} // namespace Volmap
