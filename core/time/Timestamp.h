#pragma once
// Time in Tacit is int64 nanoseconds on the recording's device clock (DESIGN §3.1).
// TimeRange is half-open [begin, end). Seconds as double exist only at the plotting edge.
#include <algorithm>
#include <cstdint>
#include <limits>

namespace tacit {

using Timestamp = std::int64_t; // nanoseconds

constexpr Timestamp kNsPerUs = 1000;
constexpr Timestamp kNsPerMs = 1000 * 1000;
constexpr Timestamp kNsPerSecond = 1000 * 1000 * 1000;
constexpr Timestamp kInvalidTime = std::numeric_limits<Timestamp>::min();

constexpr double toSeconds(Timestamp t) { return static_cast<double>(t) / 1e9; }
constexpr Timestamp fromSeconds(double s) { return static_cast<Timestamp>(s * 1e9 + (s >= 0 ? 0.5 : -0.5)); }

struct TimeRange {
  Timestamp begin = 0;
  Timestamp end = 0; // exclusive

  constexpr Timestamp duration() const { return end - begin; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool contains(Timestamp t) const { return t >= begin && t < end; }
  constexpr bool overlaps(const TimeRange &o) const { return begin < o.end && o.begin < end; }
  constexpr TimeRange intersected(const TimeRange &o) const {
    return {std::max(begin, o.begin), std::min(end, o.end)};
  }
  constexpr TimeRange united(const TimeRange &o) const {
    if (empty())
      return o;
    if (o.empty())
      return *this;
    return {std::min(begin, o.begin), std::max(end, o.end)};
  }
  constexpr bool operator==(const TimeRange &) const = default;
};

} // namespace tacit
