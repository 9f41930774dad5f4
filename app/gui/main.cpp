#include "helperclient.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("volmap"));
    QApplication::setApplicationDisplayName(QObject::tr("Volume Mapper"));
    QApplication::setOrganizationName(QStringLiteral("volmap"));
    QApplication::setApplicationVersion(QStringLiteral(VOLMAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.volmap.VolumeMapper"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.volmap.VolumeMapper")));

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
