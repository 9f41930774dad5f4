#pragma once

#include <QMainWindow>

namespace Volmap {

/*
 * The one window of Volume Mapper: devices on the left, the table editor
 * in the middle, mappings and their live I/O on the right.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Volmap
