#pragma once
// Recording time: the one time scale users see in every view, dialog, report and CLI text output
// (issue #15). Inside, time stays int64 device nanoseconds (DESIGN §3.1); at the edge it is shown as
// "m:ss.mmm" since the recording's first video frame, with the 0-based number of the video frame on
// screen at that time ("0:01.000 (#30)"). Device time appears only where it is labelled as such
// (an extra column, a --json field).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit {

// "m:ss.mmm", "h:mm:ss.mmm" from an hour on; rounded to the nearest millisecond; negative values get
// a leading "-". The one formatter of relative times (widgets' formatClock wraps it).
std::string formatRecordingTime(Timestamp relativeNs);
// "#30" (frame numbers are 0-based, like the FrameCode burned into generated samples).
std::string formatFrameNumber(std::int64_t frame);

// Maps device time to recording time for one recording: the origin (device time of 0:00.000) and
// the video's frame times (device clock, sorted; empty when there is no video).
class RecordingTimeBase {
public:
  RecordingTimeBase() = default;
  explicit RecordingTimeBase(Timestamp originNs, std::vector<Timestamp> frameTimes = {});
  // Origin = first frame time (or `fallbackOrigin` when there are no frames).
  static RecordingTimeBase fromFrames(std::vector<Timestamp> frameTimes, Timestamp fallbackOrigin = 0);

  Timestamp origin() const { return m_origin; }
  const std::vector<Timestamp> &frameTimes() const { return m_frames; }
  bool hasFrames() const { return !m_frames.empty(); }
  Timestamp relative(Timestamp deviceNs) const { return deviceNs - m_origin; }
  Timestamp device(Timestamp relativeNs) const { return relativeNs + m_origin; }
  // Frame on screen at t (last frame time <= t); nullopt before the first frame or without frames.
  std::optional<std::int64_t> frameAt(Timestamp deviceNs) const;
  // The last frame shown inside a half-open range (frameAt(end - 1)).
  std::optional<std::int64_t> lastFrameIn(TimeRange deviceRange) const;

  std::string time(Timestamp deviceNs) const;         // "0:01.000"
  std::string timeAndFrame(Timestamp deviceNs) const; // "0:01.000 (#30)"; no frame part without frames
  // "0:01.000–0:02.500 (#30–#74)": start and end times, first and last frame shown.
  std::string span(TimeRange deviceRange) const;
  std::string duration(TimeRange deviceRange) const; // "0:01.500"

private:
  Timestamp m_origin = 0;
  std::vector<Timestamp> m_frames;
};

} // namespace tacit
