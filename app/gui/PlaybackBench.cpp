#include "app/gui/PlaybackBench.h"

#include <QApplication>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/app/StallWatchdog.h"
#include "widgets/video/VideoView.h"

namespace tacit {

PlaybackBench::PlaybackBench(MainWindow &window, double seconds, double speed)
    : m_window(window), m_seconds(seconds), m_speed(speed) {
  m_watchdog = new StallWatchdog(this);
  connect(&m_window, &MainWindow::openFailed, this, [](const QString &msg) {
    std::fprintf(stderr, "%s\n", qPrintable(msg));
    QApplication::exit(1);
  });
  connect(&m_window, &MainWindow::recordingOpened, this, [this] { m_waitSettled.start(); });
  m_waitSettled.setInterval(25);
  connect(&m_waitSettled, &QTimer::timeout, this, [this] {
    RecordingSession *s = m_window.session();
    m_settledPolls = (s && s->framesSettled()) ? m_settledPolls + 1 : 0;
    if (m_settledPolls >= 4) {
      m_waitSettled.stop();
      begin();
    }
  });
  connect(m_window.videoView(), &VideoView::framePresented, this, [this](qint64 index, double) {
    if (!m_running)
      return;
    ++m_presented;
    if (m_lastIndex >= 0) {
      const qint64 step = std::abs(index - m_lastIndex);
      // A loop wrap jumps back by the whole range: count it as one frame.
      m_advanced += step > 1000 ? 1 : step;
    } else {
      m_advanced += 1;
    }
    m_lastIndex = index;
    if (auto age = m_window.session()->requestAgeMs(index))
      m_latencies.push_back(*age);
  });
}

void PlaybackBench::start(const QString &path) {
  if (!m_window.openPath(path))
    QApplication::exit(1);
}

void PlaybackBench::begin() {
  TimeControl &tc = m_window.timeControl();
  tc.setTime(tc.range().begin);
  tc.setLoop(tc.range()); // short recordings keep playing for the whole run
  tc.setSpeed(m_speed);
  m_running = true;
  m_presented = 0;
  m_advanced = 0;
  m_lastIndex = m_window.session()->currentFrame();
  m_watchdog->start();
  m_clock.start();
  tc.play();
  QTimer::singleShot(static_cast<int>(m_seconds * 1000), this, &PlaybackBench::end);
}

void PlaybackBench::end() {
  m_running = false;
  const double elapsed = m_clock.nsecsElapsed() / 1e9;
  m_window.timeControl().pause();
  m_watchdog->stop();
  std::sort(m_latencies.begin(), m_latencies.end());
  const double p95 = m_latencies.empty() ? 0 : m_latencies[static_cast<std::size_t>(0.95 * (m_latencies.size() - 1))];
  const double p50 = m_latencies.empty() ? 0 : m_latencies[m_latencies.size() / 2];
  const RecordingSession *s = m_window.session();
  const double fps = s->framePeriod() > 0 ? 1e9 / s->framePeriod() : 0;
  const qint64 dropped = std::max<qint64>(0, m_advanced - m_presented);
  std::printf("playback %.1f s at %.2fx (video %.2f fps, target %.1f presented fps)\n", elapsed, m_speed, fps,
              fps * m_speed);
  std::printf("presented_fps %.2f\n", m_presented / elapsed);
  std::printf("presented_frames %lld\n", static_cast<long long>(m_presented));
  std::printf("dropped_frames %lld\n", static_cast<long long>(dropped));
  std::printf("latency_ms_p50 %.1f\n", p50);
  std::printf("latency_ms_p95 %.1f\n", p95);
  std::printf("max_gui_stall_ms %.1f\n", m_watchdog->maxStallMs());
  std::printf("gui_stalls_over_50ms %d\n", m_watchdog->stallsOver(50));
  std::fflush(stdout);
  QApplication::exit(0);
}

} // namespace tacit
