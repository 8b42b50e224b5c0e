#pragma once
// The main window: wiring only (docks, actions, menus); views live in their own folders.
#include <QMainWindow>
#include <QString>

namespace tacit {

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget *parent = nullptr);
  ~MainWindow() override;

  // Opens a recording folder or plain video; errors are shown in the window, not thrown.
  bool openPath(const QString &path);

private:
  void createMenus();
  void createDocks();
};

} // namespace tacit
