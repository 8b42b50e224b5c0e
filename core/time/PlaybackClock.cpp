#include "core/time/PlaybackClock.h"

#include <cmath>

namespace tacit {

PlaybackClock::PlaybackClock(std::shared_ptr<TimeSource> source)
    : m_source(source ? std::move(source) : std::make_shared<SteadyTimeSource>()) {
  m_anchorWall = m_source->now();
}

Timestamp PlaybackClock::rawTime() const {
  if (!m_playing)
    return m_anchorMedia;
  const double elapsed = static_cast<double>(m_source->now() - m_anchorWall);
  return m_anchorMedia + static_cast<Timestamp>(std::llround(elapsed * m_speed));
}

Timestamp PlaybackClock::clampToRange(Timestamp t) const {
  if (m_range.empty())
    return t;
  return std::clamp(t, m_range.begin, m_range.end - 1);
}

Timestamp PlaybackClock::time() const {
  Timestamp t = rawTime();
  if (m_playing && m_loop && !m_loop->empty() && !m_loop->contains(t)) {
    // Only wrap when playback carried us out of the loop in the playing direction.
    const bool forwardOut = m_speed > 0 && t >= m_loop->end;
    const bool reverseOut = m_speed < 0 && t < m_loop->begin;
    if (forwardOut || reverseOut) {
      const Timestamp len = m_loop->duration();
      t = m_loop->begin + (((t - m_loop->begin) % len) + len) % len;
    }
  }
  return clampToRange(t);
}

void PlaybackClock::rebase() {
  m_anchorMedia = time();
  m_anchorWall = m_source->now();
}

void PlaybackClock::setTime(Timestamp t) {
  m_anchorMedia = clampToRange(t);
  m_anchorWall = m_source->now();
}

void PlaybackClock::play() {
  if (m_playing)
    return;
  // Pressing play at the end starts over (from the other end in reverse).
  if (!m_range.empty() && !m_loop) {
    if (m_speed > 0 && m_anchorMedia >= m_range.end - 1)
      m_anchorMedia = m_range.begin;
    else if (m_speed < 0 && m_anchorMedia <= m_range.begin)
      m_anchorMedia = m_range.end - 1;
  }
  m_anchorWall = m_source->now();
  m_playing = true;
}

void PlaybackClock::pause() {
  if (!m_playing)
    return;
  rebase();
  m_playing = false;
}

void PlaybackClock::setSpeed(double speed) {
  if (!std::isfinite(speed))
    return;
  const double sign = speed < 0 ? -1.0 : 1.0;
  const double magnitude = std::clamp(std::abs(speed), kMinSpeed, kMaxSpeed);
  rebase();
  m_speed = sign * magnitude;
}

void PlaybackClock::setReverse(bool reverse) {
  if (reverse != isReverse())
    setSpeed(-m_speed);
}

void PlaybackClock::setRange(TimeRange range) {
  rebase();
  m_range = range;
  m_anchorMedia = clampToRange(m_anchorMedia);
}

void PlaybackClock::setLoop(TimeRange loop) {
  rebase();
  if (loop.empty())
    m_loop.reset();
  else
    m_loop = loop;
}

bool PlaybackClock::reachedEnd() const {
  if (!m_playing || m_loop || m_range.empty())
    return false;
  const Timestamp t = rawTime();
  return m_speed > 0 ? t >= m_range.end - 1 : t <= m_range.begin;
}

} // namespace tacit
