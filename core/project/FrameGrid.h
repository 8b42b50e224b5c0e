#pragma once
// The video's frame times (sorted, ns). Segment edges snap to it so a segment always starts and ends
// on a frame a reviewer can actually see. An empty grid means "no snapping" (no video known).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit::project {

class FrameGrid {
public:
  FrameGrid() = default;
  explicit FrameGrid(std::vector<Timestamp> sortedTimes) : m_times(std::move(sortedTimes)) {}

  bool empty() const { return m_times.empty(); }
  const std::vector<Timestamp> &times() const { return m_times; }
  // Nearest frame time (ties go to the earlier frame); t itself when the grid is empty.
  Timestamp snap(Timestamp t) const;
  // Index of the frame showing at t (last frame time <= t); nullopt before the first frame or if empty.
  std::optional<std::int64_t> frameAt(Timestamp t) const;
  // Smallest grid time > t (t + 1 when empty or past the end).
  Timestamp nextAfter(Timestamp t) const;
  // Largest grid time < t (t - 1 when empty or before the start).
  Timestamp previousBefore(Timestamp t) const;
  // [first frame, last frame + one frame period); nullopt when empty.
  std::optional<TimeRange> span() const;

private:
  std::vector<Timestamp> m_times;
};

// Longest span accepted when the recording's time range is unknown (no video to read it from).
constexpr Timestamp kMaxUnknownSpanNs = 7LL * 24 * 3600 * kNsPerSecond;
// Why [start, end) cannot be a segment, flag or redaction span of a recording whose frames are
// `grid` ("end must be after start", "... outside the recording ..."); "" when it can.
std::string spanProblem(Timestamp start, Timestamp end, const FrameGrid &grid);

} // namespace tacit::project
