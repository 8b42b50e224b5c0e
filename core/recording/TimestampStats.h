#pragma once
// Sample-time health of one stream: rate, gaps, duplicates, backward steps. Used by
// `tacit-cli info` and anything else that reports on a recording.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit {

struct TimestampStats {
  std::size_t count = 0;
  Timestamp first = 0, last = 0;  // first and last sample time (0 when empty)
  double meanRateHz = 0.0;        // (count - 1) / (last - first); 0 with fewer than 2 samples
  Timestamp medianInterval = 0;   // median of positive intervals
  std::size_t gapCount = 0;       // intervals longer than gapFactor x median
  Timestamp longestGap = 0;       // longest interval
  Timestamp longestGapAt = 0;     // time of the sample before the longest interval
  std::size_t duplicateCount = 0; // intervals == 0
  std::size_t backwardCount = 0;  // intervals < 0 (times not sorted)
};

// `times` in file/presentation order. A gap is an interval above gapFactor times the median
// interval (2: at least one sample missing at a steady rate).
TimestampStats analyzeTimestamps(const std::vector<Timestamp> &times, double gapFactor = 2.0);
// The same on a view (e.g. mapped series times) whose times are `offset` away from the reported
// ones; nothing is copied but the positive intervals.
TimestampStats analyzeTimestamps(std::span<const Timestamp> times, Timestamp offset, double gapFactor = 2.0);

// One line per problem ("3 gaps longer than 2x the median interval 33.3 ms, longest 200.0 ms at 1.234 s",
// "2 duplicate timestamps", "5 timestamps go backwards"); empty when healthy.
std::vector<std::string> timestampWarnings(const TimestampStats &stats, double gapFactor = 2.0);

} // namespace tacit
