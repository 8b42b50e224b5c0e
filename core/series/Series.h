#pragma once
// Columnar time series (DESIGN §3.3): sorted int64 ns timestamps + one contiguous array per channel,
// plus a min/max pyramid so windowQuery costs about the same at any zoom. Float storage for dense
// sensors (IMU, hands, gaze), double for trajectories. Immutable after finish(); const methods are
// safe to call from several threads.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/series/SeriesWindow.h"
#include "core/time/Timestamp.h"

namespace tacit::series {

template <typename T> class BasicSeries {
public:
  using value_type = T;

  BasicSeries() = default;
  explicit BasicSeries(std::vector<std::string> channelNames);

  // --- read access ---
  std::size_t size() const { return m_times.size(); }
  bool empty() const { return m_times.empty(); }
  std::size_t channelCount() const { return m_names.size(); }
  const std::vector<std::string> &channelNames() const { return m_names; }
  const std::string &channelName(std::size_t c) const { return m_names[c]; }
  int channelIndex(std::string_view name) const; // -1 when absent
  const std::vector<Timestamp> &times() const { return m_times; }
  Timestamp timeAt(std::size_t i) const { return m_times[i]; }
  const std::vector<T> &channel(std::size_t c) const { return m_channels[c]; }
  T value(std::size_t c, std::size_t i) const { return m_channels[c][i]; }

  // [first sample, last sample + 1); empty when there are no samples.
  TimeRange timeRange() const;
  // Latest sample with time <= t; -1 when t is before the first sample or the series is empty.
  std::ptrdiff_t indexAt(Timestamp t) const;
  // Sample closest in time to t (ties go to the earlier); -1 when empty.
  std::ptrdiff_t nearestIndex(Timestamp t) const;
  // All channel values of sample i, in channel order.
  std::vector<T> sampleAt(std::size_t i) const;

  // Min/max of samples with time in [range.begin, range.end), at most maxPoints buckets (>= 3 is
  // sensible). Buckets are aligned to absolute sample indices so panning does not shimmer.
  // channels empty = all channels. Cost is O(maxPoints * channels), independent of the range.
  SeriesWindow windowQuery(TimeRange range, std::size_t maxPoints, const std::vector<int> &channels = {}) const;
  // Min/max of channel c over samples [begin, end) via the pyramid (NaNs ignored).
  std::pair<float, float> rangeMinMax(std::size_t c, std::size_t begin, std::size_t end) const;

  // --- building ---
  void reserve(std::size_t rows);
  // values: channelCount() entries.
  void append(Timestamp t, const T *values);
  // Sorts by time when needed (stable) and builds the pyramid. Returns true when rows were re-ordered.
  bool finish();
  // Replace a channel's data (same length) before finish(); used for derived channels.
  std::vector<T> &mutableChannel(std::size_t c) { return m_channels[c]; }
  std::size_t addChannel(std::string name, std::vector<T> values);

  std::size_t memoryBytes() const;

private:
  void buildPyramid();

  std::vector<std::string> m_names;
  std::vector<Timestamp> m_times;
  std::vector<std::vector<T>> m_channels;
  // m_levels[l][c]: interleaved (min, max) per block of kFanout^(l+1) samples.
  std::vector<std::vector<std::vector<float>>> m_levels;
};

using Series = BasicSeries<float>;
using PreciseSeries = BasicSeries<double>;

extern template class BasicSeries<float>;
extern template class BasicSeries<double>;

constexpr std::size_t kPyramidFanout = 8;

} // namespace tacit::series
