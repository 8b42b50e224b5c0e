#include "app/gui/PlaybackBench.h"

#include <QApplication>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/time/TimeControl.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/app/StallWatchdog.h"
#include "widgets/video/VideoView.h"

namespace tacit {

namespace {
// VmHWM / VmRSS of this process in MB (0 when /proc is unavailable).
double procStatusMb(const char *key) {
  QFile f(QStringLiteral("/proc/self/status"));
  if (!f.open(QIODevice::ReadOnly))
    return 0;
  for (const QByteArray &line : f.readAll().split('\n'))
    if (line.startsWith(key))
      return line.mid(static_cast<int>(std::strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
  return 0;
}

// Starts a new high-water mark (Linux: "5" to clear_refs resets VmHWM to the current RSS).
void resetPeakRss() {
  QFile f(QStringLiteral("/proc/self/clear_refs"));
  if (f.open(QIODevice::WriteOnly))
    f.write("5");
}

double percentile(std::vector<double> v, double q) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}
} // namespace

PlaybackBench::PlaybackBench(MainWindow &window, Options options) : m_window(window), m_opt(options) {
  m_watchdog = new StallWatchdog(this);
  connect(&m_window, &MainWindow::openFailed, this, [](const QString &msg) {
    std::fprintf(stderr, "%s\n", qPrintable(msg));
    QApplication::exit(1);
  });
  connect(&m_window, &MainWindow::recordingOpened, this, [this] {
    waitSettled([this] {
      // The sensors arrive after the first frame; the run goes on once the whole recording is in.
      auto next = [this] {
        m_seriesMs = m_openClock.nsecsElapsed() / 1e6;
        m_openStallMs = m_watchdog->maxStallMs();
        m_openPeakRssMb = procStatusMb("VmHWM:");
        resetPeakRss();
        m_opt.openOnly ? finish() : beginPlay();
      };
      if (m_window.session()->seriesLoaded())
        next();
      else
        connect(&m_window, &MainWindow::seriesLoaded, this, next, Qt::SingleShotConnection);
    });
  });
  connect(m_window.videoView(), &VideoView::framePresented, this, [this](qint64 index, double) { onPresented(index); });
  connect(&m_window.timeControl(), &TimeControl::timeChanged, this, [this] { onTick(); });
  m_poll.setInterval(5);
}

void PlaybackBench::start(const QString &path) {
  m_watchdog->start();
  m_openClock.start();
  if (!m_window.openPath(path))
    QApplication::exit(1);
}

void PlaybackBench::waitSettled(std::function<void()> then) {
  m_poll.disconnect(this);
  connect(&m_poll, &QTimer::timeout, this, [this, then] {
    RecordingSession *s = m_window.session();
    if (s && s->framesSettled() && m_window.videoView()->frameOnScreen()) {
      m_poll.stop();
      m_poll.disconnect(this);
      then();
    }
  });
  m_poll.start();
}

void PlaybackBench::onPresented(qint64 index) {
  if (!m_firstFrameSeen) {
    m_firstFrameSeen = true;
    m_openMs = m_openClock.nsecsElapsed() / 1e6;
  }
  if (m_phase == Phase::Scrub) {
    ++m_scrubPresented;
    const qint64 now = m_clock.nsecsElapsed();
    for (qint64 at : m_scrubPending)
      m_scrubLatency.push_back((now - at) / 1e6);
    m_scrubPending.clear();
    return;
  }
  if (m_phase != Phase::Play)
    return;
  // A frame painted after the playhead wrapped belongs to the previous lap.
  const int lap = (m_lastDue >= 0 && index > m_lastDue + 30) ? m_lap - 1 : m_lap;
  m_presented.insert({lap, index});
  if (auto age = m_window.session()->requestAgeMs(index))
    m_latencies.push_back(*age);
}

void PlaybackBench::onTick() {
  if (m_phase != Phase::Play)
    return;
  TimeControl &tc = m_window.timeControl();
  const qint64 cur = tc.currentFrame(tc.stepStream());
  if (cur < 0 || cur == m_lastDue)
    return;
  const qint64 count = m_window.session()->frameCount();
  auto dueRange = [&](qint64 from, qint64 to) { // inclusive
    for (qint64 i = from; i <= to; ++i)
      m_due.insert({m_lap, i});
  };
  if (cur > m_lastDue) {
    dueRange(m_lastDue + 1, cur);
  } else { // loop wrap
    dueRange(m_lastDue + 1, count - 1);
    ++m_lap;
    dueRange(0, cur);
  }
  m_lastDue = cur;
}

void PlaybackBench::beginPlay() {
  TimeControl &tc = m_window.timeControl();
  tc.pause();
  tc.setTime(tc.range().begin);
  tc.setLoop(tc.range()); // short recordings keep playing for the whole run
  tc.setSpeed(m_opt.speed);
  m_lap = 0;
  m_lastDue = tc.currentFrame(tc.stepStream()); // already on screen
  m_due.clear();
  m_presented.clear();
  m_latencies.clear();
  m_phase = Phase::Play;
  m_watchdog->start();
  m_clock.start();
  tc.play();
  QTimer::singleShot(static_cast<int>(m_opt.seconds * 1000), this, &PlaybackBench::endPlay);
}

void PlaybackBench::endPlay() {
  m_playElapsed = m_clock.nsecsElapsed() / 1e9;
  m_phase = Phase::Done;
  m_playStallMs = m_watchdog->maxStallMs();
  m_playStalls = m_watchdog->stallsOver(50);
  TimeControl &tc = m_window.timeControl();
  tc.pause();
  tc.clearLoop();
  tc.setSpeed(1);
  waitSettled([this] { beginSeeks(); });
}

void PlaybackBench::beginSeeks() {
  m_phase = Phase::Seek;
  m_seekCount = 0;
  m_seekMs.clear();
  m_watchdog->start();
  nextSeek();
}

void PlaybackBench::nextSeek() {
  if (m_seekCount >= m_opt.seeks) {
    m_seekStallMs = m_watchdog->maxStallMs();
    beginStepBacks();
    return;
  }
  static std::mt19937_64 rng(7);
  TimeControl &tc = m_window.timeControl();
  const TimeRange r = tc.range();
  std::uniform_int_distribution<qint64> pick(r.begin, r.end - 1);
  ++m_seekCount;
  m_clock.start();
  tc.setTime(pick(rng));
  waitSettled([this] {
    m_seekMs.push_back(m_clock.nsecsElapsed() / 1e6);
    QTimer::singleShot(50, this, &PlaybackBench::nextSeek); // idle gap between seeks
  });
}

void PlaybackBench::beginStepBacks() {
  m_phase = Phase::StepBack;
  m_stepCount = 0;
  m_stepMs.clear();
  nextStepBack();
}

void PlaybackBench::nextStepBack() {
  if (m_stepCount >= m_opt.stepBacks) {
    beginScrub();
    return;
  }
  static std::mt19937_64 rng(11);
  TimeControl &tc = m_window.timeControl();
  const qint64 n = m_window.session()->frameCount();
  std::uniform_int_distribution<qint64> pick(1, std::max<qint64>(1, n - 1));
  ++m_stepCount;
  tc.setTime(*m_window.session()->timeOfFrame(pick(rng)));
  waitSettled([this] {
    // Resting on the frame (a user reading it), then one frame back.
    QTimer::singleShot(200, this, [this] {
      m_clock.start();
      m_window.timeControl().step(-1);
      waitSettled([this] {
        m_stepMs.push_back(m_clock.nsecsElapsed() / 1e6);
        QTimer::singleShot(50, this, &PlaybackBench::nextStepBack);
      });
    });
  });
}

void PlaybackBench::beginScrub() {
  m_phase = Phase::Scrub;
  m_scrubPresented = 0;
  m_scrubTicks = 0;
  m_scrubPending.clear();
  m_scrubLatency.clear();
  m_watchdog->start();
  m_poll.disconnect(this);
  connect(&m_poll, &QTimer::timeout, this, &PlaybackBench::scrubStep);
  m_poll.setInterval(16); // a mouse drag delivers moves at about the screen rate
  m_clock.start();
  m_poll.start();
}

void PlaybackBench::scrubStep() {
  TimeControl &tc = m_window.timeControl();
  const TimeRange r = tc.range();
  const double f = m_clock.nsecsElapsed() / 1e9 / m_opt.scrubSeconds;
  if (f >= 1.0) {
    m_poll.stop();
    m_poll.disconnect(this);
    m_poll.setInterval(5);
    waitSettled([this] {
      m_scrubStallMs = m_watchdog->maxStallMs();
      finish();
    });
    return;
  }
  // Back and forth over the whole range, like dragging the timeline playhead.
  const double x = f < 0.5 ? 2 * f : 2 * (1 - f);
  ++m_scrubTicks;
  m_scrubPending.push_back(m_clock.nsecsElapsed());
  tc.setTime(r.begin + static_cast<qint64>(x * static_cast<double>(r.duration() - 1)));
}

void PlaybackBench::finish() {
  m_phase = Phase::Done;
  m_watchdog->stop();
  const RecordingSession *s = m_window.session();
  std::printf("open_to_first_frame_ms %.1f\n", m_openMs);
  std::printf("open_to_series_loaded_ms %.1f\n", m_seriesMs);
  std::printf("open_max_gui_stall_ms %.1f\n", m_openStallMs);
  std::printf("open_peak_rss_mb %.0f\n", m_openPeakRssMb);
  if (s && s->recording().video())
    std::printf("index_from_cache %d\n", s->recording().video()->indexFromCache ? 1 : 0);
  if (s)
    std::printf("series_from_cache %d of %d\n", s->recording().series().fromCache,
                s->recording().series().fromCache + s->recording().series().parsed);
  if (!m_opt.openOnly) {
    const double fps = s->framePeriod() > 0 ? 1e9 / s->framePeriod() : 0;
    qint64 dropped = 0;
    for (const auto &d : m_due)
      dropped += m_presented.count(d) ? 0 : 1;
    std::printf("playback %.1f s at %.2fx (video %.2f fps, target %.1f presented fps)\n", m_playElapsed, m_opt.speed,
                fps, fps * m_opt.speed);
    std::printf("presented_fps %.2f\n", static_cast<double>(m_presented.size()) / m_playElapsed);
    std::printf("presented_frames %lld\n", static_cast<long long>(m_presented.size()));
    std::printf("due_frames %lld\n", static_cast<long long>(m_due.size()));
    std::printf("dropped_frames %lld\n", static_cast<long long>(dropped));
    std::printf("latency_ms_p50 %.1f\n", percentile(m_latencies, 0.5));
    std::printf("latency_ms_p95 %.1f\n", percentile(m_latencies, 0.95));
    std::printf("max_gui_stall_ms %.1f\n", m_playStallMs);
    std::printf("gui_stalls_over_50ms %d\n", m_playStalls);
    std::printf("seek_count %zu\n", m_seekMs.size());
    std::printf("seek_ms_p50 %.1f\n", percentile(m_seekMs, 0.5));
    std::printf("seek_ms_p95 %.1f\n", percentile(m_seekMs, 0.95));
    std::printf("seek_ms_max %.1f\n", percentile(m_seekMs, 1.0));
    std::printf("step_back_count %zu\n", m_stepMs.size());
    std::printf("step_back_ms_p50 %.1f\n", percentile(m_stepMs, 0.5));
    std::printf("step_back_ms_p95 %.1f\n", percentile(m_stepMs, 0.95));
    std::printf("seek_max_gui_stall_ms %.1f\n", m_seekStallMs);
    std::printf("scrub_updates %d\n", m_scrubTicks);
    std::printf("scrub_presented_frames %lld\n", static_cast<long long>(m_scrubPresented));
    std::printf("scrub_update_to_frame_ms_p50 %.1f\n", percentile(m_scrubLatency, 0.5));
    std::printf("scrub_update_to_frame_ms_p95 %.1f\n", percentile(m_scrubLatency, 0.95));
    std::printf("scrub_update_to_frame_ms_max %.1f\n", percentile(m_scrubLatency, 1.0));
    std::printf("scrub_updates_without_frame %zu\n", m_scrubPending.size());
    std::printf("scrub_max_gui_stall_ms %.1f\n", m_scrubStallMs);
    std::printf("play_seek_scrub_peak_rss_mb %.0f\n", procStatusMb("VmHWM:"));
  }
  std::fflush(stdout);
  QApplication::exit(0);
}

} // namespace tacit
