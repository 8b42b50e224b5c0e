#pragma once
// tacit --bench-playback PATH --seconds S [--speed X] [--bench-open]
// Opens PATH in the review window (all five views visible) and measures, with a GUI-thread watchdog
// (StallWatchdog) running throughout:
//  * open: openPath -> first video frame presented, then -> sensor series loaded (they follow the
//    first frame on their own job), and the peak RSS of the open;
//  * play: S seconds at X: presented fps (distinct video frames painted per wall second), dropped
//    frames (source frames due while playing that were never painted), p50/p95 frame latency (frame
//    due at the playhead -> painted) and the longest GUI stall;
//  * seek: random jumps while paused: time to the exact frame painted, longest stall;
//  * step back: rest on a random frame, then one frame back (TimeControl::step(-1)): time to the exact
//    frame painted;
//  * scrub: the playhead dragged across the recording at 60 Hz while paused: for every update the
//    time until a frame is painted, longest stall;
//  * the peak RSS while playing, seeking and scrubbing (the high-water mark is reset after the open).
// With --bench-open only the open phase runs (`tacit --bench-open PATH` alone implies the bench).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <set>
#include <utility>
#include <vector>

namespace tacit {

class MainWindow;
class StallWatchdog;

class PlaybackBench : public QObject {
  Q_OBJECT
public:
  struct Options {
    double seconds = 20;
    double speed = 1;
    bool openOnly = false;
    int seeks = 20;
    int stepBacks = 20;
    double scrubSeconds = 3;
  };
  PlaybackBench(MainWindow &window, Options options);
  void start(const QString &path);

private:
  enum class Phase { Open, Play, Seek, StepBack, Scrub, Done };
  void onPresented(qint64 index);
  void onTick();
  void beginPlay();
  void endPlay();
  void beginSeeks();
  void nextSeek();
  void beginStepBacks();
  void nextStepBack();
  void beginScrub();
  void scrubStep();
  void finish();
  // Calls `then` once the wanted frames are on screen: exact (when paused) and painted.
  void waitSettled(std::function<void()> then);

  MainWindow &m_window;
  Options m_opt;
  StallWatchdog *m_watchdog = nullptr;
  Phase m_phase = Phase::Open;
  QElapsedTimer m_clock;
  QElapsedTimer m_openClock;
  bool m_firstFrameSeen = false;
  double m_openMs = 0, m_openStallMs = 0, m_seriesMs = 0, m_openPeakRssMb = 0;
  // Play phase accounting: (lap, frame) pairs so a looping playhead counts each pass.
  int m_lap = 0;
  qint64 m_lastDue = -1;
  std::set<std::pair<int, qint64>> m_due, m_presented;
  std::vector<double> m_latencies;
  double m_playElapsed = 0, m_playStallMs = 0;
  int m_playStalls = 0;
  // Seek / scrub phases.
  int m_seekCount = 0;
  std::vector<double> m_seekMs;
  std::vector<double> m_stepMs;
  int m_stepCount = 0;
  double m_seekStallMs = 0, m_scrubStallMs = 0;
  qint64 m_scrubPresented = 0;
  std::vector<qint64> m_scrubPending; // wall ns of scrub updates not yet followed by a painted frame
  std::vector<double> m_scrubLatency; // per update: ms until a frame was painted
  int m_scrubTicks = 0;
  QTimer m_poll;
};

} // namespace tacit
