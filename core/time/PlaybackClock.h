#pragma once
// The one playback clock (DESIGN §3.2): media time = anchor + (wall - wallAnchor) * speed while
// playing. Pure value logic, no Qt; TimeControl wraps it and owns ticking. Not thread-safe: use it
// from the thread that owns the TimeControl (the GUI thread).
#include <memory>
#include <optional>

#include "core/time/TimeSource.h"
#include "core/time/Timestamp.h"

namespace tacit {

class PlaybackClock {
public:
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 10.0;

  // source == nullptr uses a SteadyTimeSource.
  explicit PlaybackClock(std::shared_ptr<TimeSource> source = nullptr);

  // Current media time. While playing with a loop it wraps into the loop; it is always clamped to
  // range() (last valid time is range().end - 1) when a range is set.
  Timestamp time() const;
  void setTime(Timestamp t);

  void play();
  void pause();
  bool isPlaying() const { return m_playing; }

  // Signed factor: |speed| is clamped to [0.1, 10]; a negative value plays in reverse.
  void setSpeed(double speed);
  double speed() const { return m_speed; }
  void setReverse(bool reverse);
  bool isReverse() const { return m_speed < 0; }

  // Bounds of the recording; empty range = unbounded.
  void setRange(TimeRange range);
  TimeRange range() const { return m_range; }

  // Loop playback inside [begin, end); an empty range clears the loop.
  void setLoop(TimeRange loop);
  void clearLoop() { setLoop({}); }
  std::optional<TimeRange> loop() const { return m_loop; }

  // True while playing without a loop when the unclamped time has run past the range end (or before
  // the begin in reverse): the owner should pause.
  bool reachedEnd() const;

  TimeSource &source() const { return *m_source; }

private:
  Timestamp rawTime() const;
  Timestamp clampToRange(Timestamp t) const;
  void rebase();

  std::shared_ptr<TimeSource> m_source;
  Timestamp m_anchorMedia = 0;
  Timestamp m_anchorWall = 0;
  bool m_playing = false;
  double m_speed = 1.0;
  TimeRange m_range;
  std::optional<TimeRange> m_loop;
};

} // namespace tacit
