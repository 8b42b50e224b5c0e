#include "core/project/FrameGrid.h"

#include <algorithm>

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

} // namespace tacit::project
