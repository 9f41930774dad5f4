// SPDX-License-Identifier: GPL-2.0-or-later
#include "handbook.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Volmap {

QList<ManPage> manPages()
{
    return {{QStringLiteral("volmap"), 1},
            {QStringLiteral("volmapctl"), 1},
            {QStringLiteral("volmap-helper"), 8}};
}

void openManPage(const QUrl &url, QWidget *parent)
{
    if (QDesktopServices::openUrl(url)) {
        return;
    }
    // "man:volmapctl(1)" -> "man 1 volmapctl", which works in any terminal.
    const QString page = url.path();
    const qsizetype open = page.indexOf(u'(');
    const QString command =
        open > 0 ? QStringLiteral("man %1 %2").arg(page.mid(open + 1).chopped(1), page.left(open))
                 : QStringLiteral("man %1").arg(page);
    auto *box = new QMessageBox(QMessageBox::Information, HandbookDialog::tr("Manual Page"),
                                HandbookDialog::tr("No help viewer on this desktop opens %1.").arg(page),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("manPageMessage"));
    box->setInformativeText(HandbookDialog::tr("Read it in a terminal with: %1").arg(command));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

HandbookDialog::HandbookDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("handbook"));
    setWindowTitle(tr("Volume Mapper Handbook"));
    m_browser->setObjectName(QStringLiteral("handbookBrowser"));
    m_browser->setAccessibleName(tr("Handbook"));
    // man: links go to the desktop's help viewer, anchors stay in the page.
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"man") {
            openManPage(url, this);
        } else if (url.hasFragment() && url.path().isEmpty()) {
            m_browser->scrollToAnchor(url.fragment());
        } else {
            QDesktopServices::openUrl(url);
        }
    });
    m_browser->setSource(QUrl(QStringLiteral("qrc") + pageFor(QLocale())));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    const int em = fontMetrics().averageCharWidth();
    resize(em * 90, fontMetrics().height() * 40);
}

QString HandbookDialog::pageFor(const QLocale &locale)
{
    const QString translated =
        QStringLiteral(":/help/handbook_%1.html").arg(QLocale::languageToCode(locale.language()));
    return QFile::exists(translated) ? translated : QStringLiteral(":/help/handbook.html");
}

} // namespace Volmap
