#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("volmap"));
    QApplication::setApplicationDisplayName(QObject::tr("Volume Mapper"));
    QApplication::setOrganizationName(QStringLiteral("volmap"));
    QApplication::setApplicationVersion(QStringLiteral(VOLMAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.volmap.VolumeMapper"));

    Volmap::MainWindow window;
    window.show();
    return app.exec();
}
