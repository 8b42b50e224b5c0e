#include "widgets/app/StallWatchdog.h"

#include <algorithm>

namespace tacit {

StallWatchdog::StallWatchdog(QObject *parent) : QObject(parent) {
  m_timer.setInterval(kIntervalMs);
  m_timer.setTimerType(Qt::PreciseTimer);
  connect(&m_timer, &QTimer::timeout, this, &StallWatchdog::onTimeout);
}

void StallWatchdog::start() {
  m_clock.start();
  m_last = 0;
  m_maxStallMs = 0;
  m_stalls.clear();
  m_timer.start();
}

void StallWatchdog::onTimeout() {
  const qint64 now = m_clock.nsecsElapsed();
  const double gapMs = (now - m_last) / 1e6;
  m_last = now;
  const double stall = gapMs - kIntervalMs;
  m_maxStallMs = std::max(m_maxStallMs, stall);
  if (stall > 16)
    m_stalls.push_back(stall);
}

int StallWatchdog::stallsOver(double thresholdMs) const {
  return static_cast<int>(std::count_if(m_stalls.begin(), m_stalls.end(), [&](double s) { return s > thresholdMs; }));
}

} // namespace tacit
