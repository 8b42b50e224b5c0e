#pragma once
// Result of Series::windowQuery: per-bucket min/max per channel, ready to draw as vertical bars or a
// min/max envelope. With samplesPerBucket == 1 each bucket is one raw sample (min == max).
#include <cstddef>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit::series {

struct SeriesWindow {
  std::size_t firstIndex = 0; // sample index range covered: [firstIndex, endIndex)
  std::size_t endIndex = 0;
  std::size_t samplesPerBucket = 1;    // nominal; edge buckets may hold fewer samples
  std::vector<int> channels;           // channel index of each row in min/max
  std::vector<Timestamp> begin;        // time of the first sample in each bucket
  std::vector<Timestamp> end;          // time of the last sample in each bucket (== begin when raw)
  std::vector<std::vector<float>> min; // [row][bucket]; NaN when the bucket has only NaNs
  std::vector<std::vector<float>> max;

  std::size_t bucketCount() const { return begin.size(); }
  bool raw() const { return samplesPerBucket == 1; }
};

} // namespace tacit::series
