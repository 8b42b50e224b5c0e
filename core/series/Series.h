#pragma once
// Columnar time series (DESIGN §3.3): sorted int64 ns timestamps + one contiguous array per channel,
// plus a min/max pyramid so windowQuery costs about the same at any zoom. Float storage for dense
// sensors (IMU, hands, gaze), double for trajectories. Immutable after finish(); const methods are
// safe to call from several threads.
//
// Storage: the columns either live in memory (built with append + finish, or copied) or are views
// into a memory-mapped series cache file (SeriesFile, adopted with fromStorage); readers cannot tell
// the difference. Copies share the immutable storage. Read access (times(), channel(), value(),
// queries) is valid after finish() or fromStorage(); size() also while building.
#include <cstddef>
#include <memory>
#include <span>
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
  std::span<const Timestamp> times() const { return m_times; }
  Timestamp timeAt(std::size_t i) const { return m_times[i]; }
  std::span<const T> channel(std::size_t c) const { return m_channels[c]; }
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
  std::vector<T> &mutableChannel(std::size_t c);
  std::size_t addChannel(std::string name, std::vector<T> values);

  // Heap bytes owned by this series (0 for a mapped one: its pages belong to the page cache).
  std::size_t memoryBytes() const;

  // --- storage (SeriesFile) ---
  // Views of a finished series' pyramid: levels()[l][c] interleaves (min, max) per block of
  // kPyramidFanout^(l+1) samples.
  const std::vector<std::vector<std::span<const float>>> &levels() const { return m_levels; }
  // A finished series over external memory (a mapped cache file) that `keepAlive` owns; the spans
  // must stay valid as long as keepAlive lives. No copy is made.
  static BasicSeries fromStorage(std::vector<std::string> names, std::span<const Timestamp> times,
                                 std::vector<std::span<const T>> channels,
                                 std::vector<std::vector<std::span<const float>>> levels,
                                 std::shared_ptr<const void> keepAlive);
  bool isMapped() const { return m_keepAlive && !m_owned; }
  // A mapped series drops the pages it has read from this process's resident set (they stay in the
  // page cache and come back on the next read); call after a scan of every sample so a 2-hour
  // recording does not keep gigabytes resident. No effect on an in-memory series.
  void releasePages() const;

private:
  struct Owned {
    std::vector<Timestamp> times;
    std::vector<std::vector<T>> channels;
    std::vector<std::vector<std::vector<float>>> levels;
  };
  Owned &owned(); // copy-on-write: the data this series may mutate (copies mapped data in)
  void bindViews();
  void buildPyramid();

  std::vector<std::string> m_names;
  // Views of the data: into m_owned, or into memory kept alive by m_keepAlive.
  std::span<const Timestamp> m_times;
  std::vector<std::span<const T>> m_channels;
  std::vector<std::vector<std::span<const float>>> m_levels;
  std::shared_ptr<Owned> m_owned; // shared by copies; never mutated while shared
  std::shared_ptr<const void> m_keepAlive;
};

using Series = BasicSeries<float>;
using PreciseSeries = BasicSeries<double>;

extern template class BasicSeries<float>;
extern template class BasicSeries<double>;

constexpr std::size_t kPyramidFanout = 8;

} // namespace tacit::series
