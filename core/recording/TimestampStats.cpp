#include "core/recording/TimestampStats.h"

#include <algorithm>
#include <cstdio>

namespace tacit {

TimestampStats analyzeTimestamps(const std::vector<Timestamp> &times, double gapFactor) {
  return analyzeTimestamps(std::span<const Timestamp>(times), 0, gapFactor);
}

TimestampStats analyzeTimestamps(std::span<const Timestamp> times, Timestamp offset, double gapFactor) {
  TimestampStats s;
  s.count = times.size();
  if (times.empty())
    return s;
  s.first = *std::min_element(times.begin(), times.end()) + offset;
  s.last = *std::max_element(times.begin(), times.end()) + offset;
  if (times.size() < 2)
    return s;
  if (s.last > s.first)
    s.meanRateHz = static_cast<double>(times.size() - 1) / toSeconds(s.last - s.first);
  std::vector<Timestamp> positive;
  positive.reserve(times.size() - 1);
  for (std::size_t i = 1; i < times.size(); ++i) {
    const Timestamp d = times[i] - times[i - 1];
    if (d < 0)
      ++s.backwardCount;
    else if (d == 0)
      ++s.duplicateCount;
    else
      positive.push_back(d);
    if (d > s.longestGap) {
      s.longestGap = d;
      s.longestGapAt = times[i - 1] + offset;
    }
  }
  if (positive.empty())
    return s;
  auto mid = positive.begin() + static_cast<std::ptrdiff_t>(positive.size() / 2);
  std::nth_element(positive.begin(), mid, positive.end());
  s.medianInterval = *mid;
  const double threshold = gapFactor * static_cast<double>(s.medianInterval);
  s.gapCount = static_cast<std::size_t>(
      std::count_if(positive.begin(), positive.end(), [&](Timestamp d) { return static_cast<double>(d) > threshold; }));
  return s;
}

std::vector<std::string> timestampWarnings(const TimestampStats &s, double gapFactor) {
  std::vector<std::string> out;
  if (s.gapCount > 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%zu gap(s) longer than %gx the median interval %.3f ms; longest %.3f ms after %.3f s", s.gapCount,
                  gapFactor, s.medianInterval / 1e6, s.longestGap / 1e6, toSeconds(s.longestGapAt));
    out.push_back(buf);
  }
  if (s.duplicateCount > 0)
    out.push_back(std::to_string(s.duplicateCount) + " duplicate timestamp(s)");
  if (s.backwardCount > 0)
    out.push_back(std::to_string(s.backwardCount) + " timestamp(s) go backwards (not monotonic)");
  return out;
}

} // namespace tacit
