// SPDX-License-Identifier: GPL-2.0-or-later
#include "foreignremoval.h"

#include "helperclient.h"
#include "mappingowner.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace Volmap {

namespace {

// The translation context of this file's strings.
struct ForeignRemoval
{
    Q_DECLARE_TR_FUNCTIONS(Volmap::ForeignRemoval)
};

} // namespace

QString foreignRemovalConsequence(const QString &uuid)
{
    switch (ownerOf(uuid)) {
    case OwnerTool::Lvm:
        return ForeignRemoval::tr(
            "It is an LVM logical volume: the volume group loses this volume until <tt>vgchange -ay</tt> "
            "activates it again, and whatever is on it (a filesystem, an encrypted device) goes with it.");
    case OwnerTool::Crypt:
        return ForeignRemoval::tr(
            "It is a dm-crypt mapping: the decrypted device disappears, and its data can only be reached "
            "again by unlocking it with its passphrase. Filesystems on it must be unmounted first.");
    case OwnerTool::Multipath:
        return ForeignRemoval::tr(
            "It is a multipath device: programs lose the redundant device until <tt>multipathd</tt> "
            "sets it up again; the paths under it stay.");
    case OwnerTool::Partitions:
        return ForeignRemoval::tr(
            "It is a partition mapping made by kpartx: the partition disappears until <tt>kpartx -a</tt> "
            "adds it again.");
    case OwnerTool::None:
        return ForeignRemoval::tr(
            "It has no uuid, so no tool owns it: whoever made it (a script, <tt>dmsetup</tt>) will not find "
            "it any more.");
    case OwnerTool::Other:
    case OwnerTool::VolumeMapper:
        break;
    }
    return ForeignRemoval::
        tr("Another tool made it (uuid <tt>%1</tt>); that tool may stop working with the devices it manages.")
            .arg(uuid.left(64).toHtmlEscaped());
}

QDialog *foreignRemovalConfirmation(QWidget *parent, const MappingSummary &mapping,
                                    std::function<void(RemoveChoice)> chosen)
{
    const OwnerTool tool = ownerOf(mapping.uuid);
    const QString owner = ownerName(tool).toHtmlEscaped();
    const QString name = mapping.name.toHtmlEscaped();
    const QString question =
        tool == OwnerTool::None
            ? ForeignRemoval::tr("Remove <b>/dev/mapper/%1</b>? Volume Mapper did not make it.").arg(name)
            : ForeignRemoval::tr(
                  "Remove <b>/dev/mapper/%1</b>? It belongs to <b>%2</b>, not to Volume Mapper.")
                  .arg(name, owner);
    auto *box = new QMessageBox(QMessageBox::Warning, ForeignRemoval::tr("Remove Another Tool's Mapping"),
                                question, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("foreignRemoveConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString info = foreignRemovalConsequence(mapping.uuid);
    if (mapping.openCount > 0) {
        info += QStringLiteral("<p>")
                + ForeignRemoval::tr(
                      "It is open right now (open count %1): something is mounted on it or built on "
                      "it.")
                      .arg(mapping.openCount);
    }
    info +=
        QStringLiteral("<p>")
        + (tool == OwnerTool::None
               ? ForeignRemoval::tr("The data on its devices stays. An administrator's password is needed.")
               : ForeignRemoval::tr("The data on its devices stays. Usually %1 itself should remove it; an "
                                    "administrator's password is needed.")
                     .arg(owner));
    box->setInformativeText(info);
    QPushButton *remove = box->addButton(ForeignRemoval::tr("&Remove Anyway"), QMessageBox::DestructiveRole);
    QPushButton *deferred = nullptr;
    if (mapping.openCount > 0) {
        deferred = box->addButton(ForeignRemoval::tr("Remove When &Unused"), QMessageBox::AcceptRole);
    }
    // Nothing a stray Enter should do: Cancel is the default.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, remove, deferred, chosen]() {
        const QAbstractButton *clicked = box->clickedButton();
        chosen(clicked == remove                 ? RemoveChoice::Remove
               : deferred && clicked == deferred ? RemoveChoice::RemoveWhenUnused
                                                 : RemoveChoice::Cancel);
    });
    return box;
}

} // namespace Volmap
