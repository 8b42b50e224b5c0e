#pragma once
// tacit --bench-playback PATH --seconds S [--speed X]: plays with all five views visible and prints
// presented fps, dropped frames, p95 frame latency (request at the playhead -> painted) and the
// longest GUI-thread stall (StallWatchdog).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace tacit {

class MainWindow;
class StallWatchdog;

class PlaybackBench : public QObject {
  Q_OBJECT
public:
  PlaybackBench(MainWindow &window, double seconds, double speed);
  void start(const QString &path);

private:
  void begin();
  void end();

  MainWindow &m_window;
  double m_seconds, m_speed;
  StallWatchdog *m_watchdog = nullptr;
  QElapsedTimer m_clock;
  bool m_running = false;
  qint64 m_presented = 0;
  qint64 m_advanced = 0; // frames the playhead moved over (sum of index steps)
  qint64 m_lastIndex = -1;
  std::vector<double> m_latencies;
  int m_settledPolls = 0;
  QTimer m_waitSettled;
};

} // namespace tacit
