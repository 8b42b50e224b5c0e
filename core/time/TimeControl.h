#pragma once
// One TimeControl per window (DESIGN §3.2): its verbs are the only way time changes. Views connect
// to timeChanged and answer "latest sample at streamTime(myStream)". Lives on the GUI thread.
//
// Emission: every verb updates the clock at once (time() reflects it immediately) and schedules a
// tick on the event loop; a tick emits timeChanged at most once, so a burst of setTime calls (slider
// drag) costs views one query. While playing a QTimer ticks every tickInterval() ms. Tests call
// tick() directly and drive a ManualTimeSource.
#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time/FrameTimes.h"
#include "core/time/PlaybackClock.h"
#include "core/time/StreamOffsets.h"
#include "core/time/TimeSource.h"

namespace tacit {

class TimeControl : public QObject {
  Q_OBJECT
public:
  explicit TimeControl(std::shared_ptr<TimeSource> source = nullptr, QObject *parent = nullptr);

  // Global playhead (ns).
  Timestamp time() const { return m_clock.time(); }
  // Playhead in a stream's own clock: time() - offset(streamId).
  Timestamp streamTime(const std::string &streamId) const { return m_offsets.toStreamTime(streamId, time()); }
  bool isPlaying() const { return m_clock.isPlaying(); }
  double speed() const { return m_clock.speed(); } // signed; negative = reverse
  bool isReverse() const { return m_clock.isReverse(); }
  std::optional<TimeRange> loop() const { return m_clock.loop(); }
  TimeRange range() const { return m_clock.range(); }
  const PlaybackClock &clock() const { return m_clock; }

  const StreamOffsets &offsets() const { return m_offsets; }
  Timestamp streamOffset(const std::string &streamId) const { return m_offsets.offset(streamId); }

  // Frame times (stream clock, sorted) used by step(); the media module registers its frame index.
  void setFrameTimes(const std::string &streamId, std::shared_ptr<const FrameTimes> frames);
  void setFrameTimes(const std::string &streamId, std::vector<Timestamp> sortedTimes);
  void removeFrameTimes(const std::string &streamId);
  std::shared_ptr<const FrameTimes> frameTimes(const std::string &streamId) const;
  // Index of the frame of streamId shown at time() (latest frame at or before streamTime), -1 when
  // before the first frame or the stream has no frame times.
  std::ptrdiff_t currentFrame(const std::string &streamId) const;
  // Stream used by step(n) without a stream id (usually the main video).
  void setStepStream(const std::string &streamId) { m_stepStream = streamId; }
  const std::string &stepStream() const { return m_stepStream; }

  void setTickInterval(int ms);
  int tickInterval() const { return m_timer.interval(); }

  // Verbs (not Qt slots where the types are not Qt types).
  void setLoop(TimeRange loop);
  void setRange(TimeRange range);
  void setStreamOffset(const std::string &streamId, Timestamp offsetNs);
  // Replaces all offsets at once (e.g. from the manifest's time_offset_ns); one offsetsChanged.
  void setStreamOffsets(const std::map<std::string, Timestamp> &offsets);
  // Pauses, then lands exactly on frame (current frame of streamId + n); current frame = latest
  // frame at or before streamTime(streamId). Clamped to the first/last frame. False when the stream
  // has no frame times.
  bool step(const std::string &streamId, int n);

public slots:
  void setTime(qint64 timeNs);
  void play();
  void pause();
  void togglePlay();
  void setSpeed(double speed);
  void setReverse(bool reverse);
  void clearLoop();
  bool step(int n); // on stepStream()
  // Advances playback: pauses at the range end, emits timeChanged when the time moved (or after an
  // offset change). Called by the play timer, the scheduled tick, or tests.
  void tick();

signals:
  void timeChanged(qint64 timeNs);
  void playingChanged(bool playing);
  void speedChanged(double speed);
  void loopChanged();
  void rangeChanged();
  // Offsets changed: views re-query (timeChanged follows on the next tick).
  void offsetsChanged();

private:
  void scheduleTick();

  PlaybackClock m_clock;
  StreamOffsets m_offsets;
  std::map<std::string, std::shared_ptr<const FrameTimes>> m_frames;
  std::string m_stepStream;
  QTimer m_timer;
  bool m_tickPending = false;
  bool m_forceEmit = true;
  Timestamp m_lastEmitted = kInvalidTime;
};

} // namespace tacit
