#pragma once
// Timer-based GUI-thread watchdog: a 5 ms timer notes how late each timeout fires; anything that
// blocks the event loop shows up as a long gap. maxStallMs() is the worst lateness seen.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tacit {

class StallWatchdog : public QObject {
  Q_OBJECT
public:
  explicit StallWatchdog(QObject *parent = nullptr);
  void start();
  void stop() { m_timer.stop(); }
  double maxStallMs() const { return m_maxStallMs; }
  // Number of gaps longer than thresholdMs.
  int stallsOver(double thresholdMs) const;

private:
  void onTimeout();

  QTimer m_timer;
  QElapsedTimer m_clock;
  qint64 m_last = 0;
  double m_maxStallMs = 0;
  std::vector<double> m_stalls;
  static constexpr int kIntervalMs = 5;
};

} // namespace tacit
