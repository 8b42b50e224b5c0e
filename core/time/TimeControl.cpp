#include "core/time/TimeControl.h"

namespace tacit {

TimeControl::TimeControl(std::shared_ptr<TimeSource> source, QObject *parent)
    : QObject(parent), m_clock(std::move(source)) {
  m_timer.setInterval(16);
  m_timer.setTimerType(Qt::PreciseTimer);
  connect(&m_timer, &QTimer::timeout, this, &TimeControl::tick);
}

void TimeControl::setFrameTimes(const std::string &streamId, std::shared_ptr<const FrameTimes> frames) {
  if (frames)
    m_frames[streamId] = std::move(frames);
  else
    m_frames.erase(streamId);
}

void TimeControl::setFrameTimes(const std::string &streamId, std::vector<Timestamp> sortedTimes) {
  setFrameTimes(streamId, std::make_shared<VectorFrameTimes>(std::move(sortedTimes)));
}

void TimeControl::removeFrameTimes(const std::string &streamId) {
  m_frames.erase(streamId);
}

std::shared_ptr<const FrameTimes> TimeControl::frameTimes(const std::string &streamId) const {
  auto it = m_frames.find(streamId);
  return it == m_frames.end() ? nullptr : it->second;
}

void TimeControl::setTickInterval(int ms) {
  m_timer.setInterval(std::max(1, ms));
}

void TimeControl::scheduleTick() {
  if (m_tickPending)
    return;
  m_tickPending = true;
  QTimer::singleShot(0, this, [this] {
    if (m_tickPending)
      tick();
  });
}

void TimeControl::tick() {
  m_tickPending = false;
  if (m_clock.reachedEnd()) {
    m_clock.pause(); // time() is already clamped to the range end
    m_timer.stop();
    emit playingChanged(false);
  }
  const Timestamp t = m_clock.time();
  if (t != m_lastEmitted || m_forceEmit) {
    m_lastEmitted = t;
    m_forceEmit = false;
    emit timeChanged(t);
  }
}

void TimeControl::setTime(qint64 timeNs) {
  m_clock.setTime(timeNs);
  scheduleTick();
}

void TimeControl::play() {
  if (m_clock.isPlaying())
    return;
  m_clock.play();
  m_timer.start();
  emit playingChanged(true);
  scheduleTick();
}

void TimeControl::pause() {
  if (!m_clock.isPlaying())
    return;
  m_clock.pause();
  m_timer.stop();
  emit playingChanged(false);
  scheduleTick();
}

void TimeControl::togglePlay() {
  if (isPlaying())
    pause();
  else
    play();
}

void TimeControl::setSpeed(double speed) {
  const double before = m_clock.speed();
  m_clock.setSpeed(speed);
  if (m_clock.speed() != before)
    emit speedChanged(m_clock.speed());
}

void TimeControl::setReverse(bool reverse) {
  setSpeed(reverse == isReverse() ? speed() : -speed());
}

void TimeControl::setLoop(TimeRange loop) {
  m_clock.setLoop(loop);
  emit loopChanged();
  scheduleTick();
}

void TimeControl::clearLoop() {
  setLoop({});
}

void TimeControl::setRange(TimeRange range) {
  m_clock.setRange(range);
  emit rangeChanged();
  scheduleTick();
}

void TimeControl::setStreamOffset(const std::string &streamId, Timestamp offsetNs) {
  if (m_offsets.offset(streamId) == offsetNs)
    return;
  m_offsets.setOffset(streamId, offsetNs);
  m_forceEmit = true;
  emit offsetsChanged();
  scheduleTick();
}

void TimeControl::setStreamOffsets(const std::map<std::string, Timestamp> &offsets) {
  StreamOffsets next;
  for (const auto &[id, offset] : offsets)
    next.setOffset(id, offset);
  if (next.all() == m_offsets.all())
    return;
  m_offsets = next;
  m_forceEmit = true;
  emit offsetsChanged();
  scheduleTick();
}

std::ptrdiff_t TimeControl::currentFrame(const std::string &streamId) const {
  auto frames = frameTimes(streamId);
  return frames ? frames->indexAt(streamTime(streamId)) : -1;
}

bool TimeControl::step(int n) {
  return step(m_stepStream, n);
}

bool TimeControl::step(const std::string &streamId, int n) {
  auto frames = frameTimes(streamId);
  if (!frames || frames->count() == 0)
    return false;
  pause();
  const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(frames->count());
  const std::ptrdiff_t current = frames->indexAt(streamTime(streamId));
  const std::ptrdiff_t target = std::clamp<std::ptrdiff_t>(current + n, 0, count - 1);
  m_clock.setTime(m_offsets.toGlobalTime(streamId, frames->at(static_cast<std::size_t>(target))));
  scheduleTick();
  return true;
}

} // namespace tacit
