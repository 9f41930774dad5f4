// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace Volmap {

/* A manual page of Volume Mapper, e.g. {"volmapctl", 1}. */
struct ManPage
{
    QString name;
    int section;

    QString title() const { return QStringLiteral("%1(%2)").arg(name).arg(section); }
    /* man:volmapctl(1), the URL desktops hand to their help viewer. */
    QUrl url() const { return QUrl(QStringLiteral("man:") + title()); }
};

/* The app's, the command-line client's and the helper's pages. */
QList<ManPage> manPages();

/*
 * Opens a man: URL in the desktop's help viewer (KHelpCenter, Yelp);
 * where none takes it, says how to read the page in a terminal.
 */
void openManPage(const QUrl &url, QWidget *parent);

/*
 * The handbook: what basic_target is, how to build a table, what the
 * counters mean, and links to the manual pages. One HTML page embedded in
 * the app (in the person's language when there is one), shown in a
 * QTextBrowser; man: links go to openManPage().
 */
class HandbookDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit HandbookDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    /* The embedded page for `locale`, e.g. ":/help/handbook_de.html", or the English one. */
    static QString pageFor(const QLocale &locale);

private:
    QTextBrowser *m_browser;
};

} // namespace Volmap
