#include "widgets/app/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace tacit {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
  setWindowTitle(tr("Tacit"));
  resize(1600, 1000);
  auto *central = new QLabel(tr("Open a recording folder with File → Open (Ctrl+O)."), this);
  central->setAlignment(Qt::AlignCenter);
  setCentralWidget(central);
  createMenus();
  createDocks();
  statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  QAction *open = file->addAction(tr("&Open Recording…"));
  open->setShortcut(QKeySequence::Open);
  connect(open, &QAction::triggered, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Recording Folder"));
    if (!dir.isEmpty())
      openPath(dir);
  });
  file->addSeparator();
  QAction *quit = file->addAction(tr("&Quit"));
  quit->setShortcut(QKeySequence::Quit);
  connect(quit, &QAction::triggered, qApp, &QApplication::quit);
}

void MainWindow::createDocks() {
  const QStringList names = {tr("Depth"), tr("Plots"), tr("3D"), tr("Timeline")};
  for (const QString &name : names) {
    auto *dock = new QDockWidget(name, this);
    dock->setObjectName(name);
    dock->setWidget(new QLabel(name, dock));
    addDockWidget(name == tr("Timeline") ? Qt::BottomDockWidgetArea : Qt::RightDockWidgetArea, dock);
  }
}

bool MainWindow::openPath(const QString &path) {
  setWindowTitle(tr("%1 — Tacit").arg(path));
  statusBar()->showMessage(tr("Opened %1").arg(path));
  return true;
}

} // namespace tacit
