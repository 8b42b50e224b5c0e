#include "core/project/FrameGrid.h"

#include <algorithm>
#include <cstdio>

namespace tacit::project {

Timestamp FrameGrid::snap(Timestamp t) const {
  if (m_times.empty())
    return t;
  auto it = std::lower_bound(m_times.begin(), m_times.end(), t);
  if (it == m_times.end())
    return m_times.back();
  if (it == m_times.begin() || *it == t)
    return *it;
  const Timestamp after = *it, before = *(it - 1);
  return (after - t) < (t - before) ? after : before;
}

std::optional<std::int64_t> FrameGrid::frameAt(Timestamp t) const {
  auto it = std::upper_bound(m_times.begin(), m_times.end(), t);
  if (it == m_times.begin())
    return std::nullopt;
  return static_cast<std::int64_t>(it - m_times.begin()) - 1;
}

Timestamp FrameGrid::nextAfter(Timestamp t) const {
  auto it = std::upper_bound(m_times.begin(), m_times.end(), t);
  return it == m_times.end() ? t + 1 : *it;
}

Timestamp FrameGrid::previousBefore(Timestamp t) const {
  auto it = std::lower_bound(m_times.begin(), m_times.end(), t);
  return it == m_times.begin() ? t - 1 : *(it - 1);
}

std::optional<TimeRange> FrameGrid::span() const {
  if (m_times.empty())
    return std::nullopt;
  const Timestamp period = m_times.size() > 1 ? m_times.back() - m_times[m_times.size() - 2] : 1;
  return TimeRange{m_times.front(), m_times.back() + std::max<Timestamp>(1, period)};
}

std::string spanProblem(Timestamp start, Timestamp end, const FrameGrid &grid) {
  if (end <= start)
    return "end must be after start";
  auto duration = [&] {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f s", (static_cast<double>(end) - static_cast<double>(start)) / 1e9);
    return std::string(buf);
  };
  const std::string given = "[" + std::to_string(start) + ", " + std::to_string(end) + ") ns";
  if (const auto r = grid.span()) {
    if (start < r->begin || end > r->end)
      return "span " + given + " is outside the recording's time range [" + std::to_string(r->begin) + ", " +
             std::to_string(r->end) + ") ns";
    return {};
  }
  // Unsigned difference: end - start overflows int64 for spans across most of the range.
  if (static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start) >
      static_cast<std::uint64_t>(kMaxUnknownSpanNs))
    return "span " + given + " lasts " + duration() +
           ", longer than any recording (the recording's video is not available to check against)";
  return {};
}

} // namespace tacit::project
