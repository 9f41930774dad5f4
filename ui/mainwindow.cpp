#include "mainwindow.h"

namespace Volmap {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Volume Mapper"));
}

} // namespace Volmap
