#pragma once
// tacit --screenshot OUT.png [--time-ns T] [--size WxH] PATH: opens PATH (a recording, a video or a
// project .tacit, whose first recording is shown), seeks, waits until the video and depth frames at
// the playhead are decoded and shown, renders the whole window to PNG, quits.
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>
#include <optional>

#include "core/time/Timestamp.h"

namespace tacit {

class MainWindow;

class ScreenshotRunner : public QObject {
  Q_OBJECT
public:
  // timeNs: absolute when inside the recording's range, else relative to its start.
  ScreenshotRunner(MainWindow &window, QString output, std::optional<Timestamp> timeNs);
  void start(const QString &path);

private:
  void poll();
  void finish(int code, const QString &message);

  MainWindow &m_window;
  QString m_output;
  std::optional<Timestamp> m_time;
  QTimer m_poll;
  int m_settledPolls = 0;
  int m_elapsedMs = 0;
  bool m_opened = false;
};

} // namespace tacit
