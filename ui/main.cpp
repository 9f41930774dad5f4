// SPDX-License-Identifier: GPL-2.0-or-later
#include "helperclient.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("volmap"));
    QApplication::setOrganizationName(QStringLiteral("volmap"));
    QApplication::setApplicationVersion(QStringLiteral(VOLMAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.volmap.VolumeMapper"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.volmap.VolumeMapper")));

    // Qt's own strings (dialog buttons) and ours, in the person's language when there is a catalogue.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("volmap"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QApplication::setApplicationDisplayName(QObject::tr("Volume Mapper"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Build device-mapper tables from block devices, create mappings and watch their I/O."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Volmap::HelperClient client;
    Volmap::HelperClient samplingClient;
    samplingClient.setInteractive(false);
    Volmap::MainWindow window(&client, &samplingClient);
    window.show();
    return app.exec();
}
