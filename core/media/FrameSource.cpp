#include "core/media/FrameSource.h"

#include <algorithm>

namespace tacit::media {

std::int64_t latestIndexAt(const std::vector<Timestamp> &times, Timestamp t) {
  auto it = std::upper_bound(times.begin(), times.end(), t);
  return static_cast<std::int64_t>(it - times.begin()) - 1;
}

TimeRange frameTimeRange(const std::vector<Timestamp> &times) {
  if (times.empty())
    return {};
  Timestamp step = 1;
  if (times.size() >= 2) {
    std::vector<Timestamp> gaps;
    gaps.reserve(std::min<std::size_t>(times.size() - 1, 1024));
    for (std::size_t i = 1; i < times.size() && gaps.size() < 1024; ++i)
      gaps.push_back(times[i] - times[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    step = std::max<Timestamp>(1, gaps[gaps.size() / 2]);
  }
  return {times.front(), times.back() + step};
}

} // namespace tacit::media
