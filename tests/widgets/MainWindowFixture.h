#pragma once
// Shared by the widget tests that drive the whole window: a fresh MainWindow (no restored settings,
// 1400x900, shown, optionally active for key events) with `path` opened and its first frames settled.
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"

namespace guitest {

enum class Focus { None, Active };

// nullptr (with the reason in *error) when the window or the recording did not come up in time.
inline std::unique_ptr<tacit::MainWindow> openInWindow(const QString &path, QString *error, Focus focus = Focus::None) {
  tacit::MainWindow::Options o;
  o.restoreSettings = false;
  auto window = std::make_unique<tacit::MainWindow>(o);
  window->resize(1400, 900);
  window->show();
  if (!QTest::qWaitForWindowExposed(window.get()))
    return *error = QStringLiteral("window not exposed"), nullptr;
  if (focus == Focus::Active) {
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
      return *error = QStringLiteral("window not active"), nullptr;
  }
  QSignalSpy opened(window.get(), &tacit::MainWindow::recordingOpened);
  if (!window->openPath(path) || !opened.wait(30000))
    return *error = QStringLiteral("%1 did not open: %2").arg(path, window->lastError()), nullptr;
  if (!QTest::qWaitFor([&] { return window->session() && window->session()->framesSettled(); }, 15000))
    return *error = QStringLiteral("%1: first frames did not settle").arg(path), nullptr;
  // The sensor series follow the first frame (their own job): tests see the whole recording.
  if (!QTest::qWaitFor([&] { return window->session() && window->session()->seriesLoaded(); }, 30000))
    return *error = QStringLiteral("%1: sensor series did not load").arg(path), nullptr;
  return window;
}

} // namespace guitest
