#include "widgets/timeline/TimelineLane.h"

#include <algorithm>

namespace tacit {

std::vector<TimelineSpan> coverageFromTimes(std::span<const Timestamp> times, Timestamp maxGap) {
  std::vector<TimelineSpan> out;
  if (times.empty())
    return out;
  // Median period from a sample of the differences (cheap on million-row IMU series).
  std::vector<Timestamp> diffs;
  const std::size_t stride = std::max<std::size_t>(1, times.size() / 2000);
  for (std::size_t i = stride; i < times.size(); i += stride)
    diffs.push_back(times[i] - times[i - 1]);
  Timestamp period = kNsPerMs;
  if (!diffs.empty()) {
    std::nth_element(diffs.begin(), diffs.begin() + diffs.size() / 2, diffs.end());
    period = std::max<Timestamp>(1, diffs[diffs.size() / 2]);
  }
  if (maxGap <= 0)
    maxGap = period * 3;
  Timestamp begin = times.front();
  for (std::size_t i = 1; i < times.size(); ++i) {
    if (times[i] - times[i - 1] > maxGap) {
      out.push_back({{begin, times[i - 1] + period}, {}, {}});
      begin = times[i];
    }
  }
  out.push_back({{begin, times.back() + period}, {}, {}});
  return out;
}

} // namespace tacit
