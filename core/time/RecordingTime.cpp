#include "core/time/RecordingTime.h"

#include <algorithm>
#include <cstdio>

namespace tacit {

std::string formatRecordingTime(Timestamp relativeNs) {
  const bool negative = relativeNs < 0;
  const Timestamp magnitude = negative ? -relativeNs : relativeNs;
  const Timestamp ms = (magnitude + kNsPerMs / 2) / kNsPerMs; // nearest ms: ±1 ns pts rounding never shows
  const long long h = ms / 3600000, m = (ms / 60000) % 60, s = (ms / 1000) % 60, milli = ms % 1000;
  char buf[48];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld.%03lld", negative ? "-" : "", h, m, s, milli);
  else
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld.%03lld", negative ? "-" : "", m, s, milli);
  return buf;
}

std::string formatFrameNumber(std::int64_t frame) {
  return "#" + std::to_string(frame);
}

RecordingTimeBase::RecordingTimeBase(Timestamp originNs, std::vector<Timestamp> frameTimes)
    : m_origin(originNs), m_frames(std::move(frameTimes)) {}

RecordingTimeBase RecordingTimeBase::fromFrames(std::vector<Timestamp> frameTimes, Timestamp fallbackOrigin) {
  const Timestamp origin = frameTimes.empty() ? fallbackOrigin : frameTimes.front();
  return RecordingTimeBase(origin, std::move(frameTimes));
}

std::optional<std::int64_t> RecordingTimeBase::frameAt(Timestamp deviceNs) const {
  if (m_frames.empty() || deviceNs < m_frames.front())
    return std::nullopt;
  const auto it = std::upper_bound(m_frames.begin(), m_frames.end(), deviceNs);
  return static_cast<std::int64_t>(it - m_frames.begin()) - 1;
}

std::optional<std::int64_t> RecordingTimeBase::lastFrameIn(TimeRange deviceRange) const {
  if (deviceRange.empty())
    return std::nullopt;
  return frameAt(deviceRange.end - 1);
}

std::string RecordingTimeBase::time(Timestamp deviceNs) const {
  return formatRecordingTime(relative(deviceNs));
}

std::string RecordingTimeBase::timeAndFrame(Timestamp deviceNs) const {
  std::string out = time(deviceNs);
  if (auto f = frameAt(deviceNs))
    out += " (" + formatFrameNumber(*f) + ")";
  return out;
}

std::string RecordingTimeBase::span(TimeRange r) const {
  std::string out = time(r.begin) + "\u2013" + time(r.end);
  const auto first = frameAt(r.begin), last = lastFrameIn(r);
  if (first && last)
    out += " (" + formatFrameNumber(*first) + "\u2013" + formatFrameNumber(*last) + ")";
  else if (last)
    out += " (\u2013" + formatFrameNumber(*last) + ")";
  return out;
}

std::string RecordingTimeBase::duration(TimeRange r) const {
  return formatRecordingTime(r.duration());
}

} // namespace tacit
