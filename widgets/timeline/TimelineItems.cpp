#include "widgets/timeline/TimelineItems.h"

#include <algorithm>
#include <limits>

namespace tacit {

namespace {
bool before(const TimelineItem &a, const TimelineItem &b) {
  return a.start != b.start ? a.start < b.start : a.id < b.id;
}
} // namespace

void TimelineItems::assign(std::vector<TimelineItem> items) {
  m_items = std::move(items);
  std::sort(m_items.begin(), m_items.end(), before);
  m_maxEndDirty = true;
}

void TimelineItems::insert(const TimelineItem &item) {
  m_items.insert(std::upper_bound(m_items.begin(), m_items.end(), item, before), item);
  m_maxEndDirty = true;
}

bool TimelineItems::erase(const TimelineItem &item) {
  auto it = std::lower_bound(m_items.begin(), m_items.end(), item, before);
  if (it == m_items.end() || it->id != item.id || it->start != item.start)
    return false;
  m_items.erase(it);
  m_maxEndDirty = true;
  return true;
}

void TimelineItems::clear() {
  m_items.clear();
  m_maxEndDirty = true;
}

void TimelineItems::refreshMaxEnd() const {
  if (!m_maxEndDirty)
    return;
  m_maxEnd.resize(m_items.size());
  Timestamp m = std::numeric_limits<Timestamp>::min();
  for (std::size_t i = 0; i < m_items.size(); ++i)
    m_maxEnd[i] = m = std::max(m, m_items[i].end);
  m_maxEndDirty = false;
}

std::size_t TimelineItems::firstEndingAfter(Timestamp t) const {
  refreshMaxEnd();
  // m_maxEnd is non-decreasing: the first index whose running max end exceeds t.
  return static_cast<std::size_t>(std::upper_bound(m_maxEnd.begin(), m_maxEnd.end(), t) - m_maxEnd.begin());
}

std::size_t TimelineItems::firstStartingAtOrAfter(Timestamp t, std::size_t from) const {
  from = std::min(from, m_items.size());
  return static_cast<std::size_t>(std::lower_bound(m_items.begin() + static_cast<std::ptrdiff_t>(from), m_items.end(),
                                                   t, [](const TimelineItem &a, Timestamp v) { return a.start < v; }) -
                                  m_items.begin());
}

Timestamp TimelineItems::maxEndThrough(std::size_t i) const {
  refreshMaxEnd();
  return i < m_maxEnd.size() ? m_maxEnd[i] : (m_maxEnd.empty() ? 0 : m_maxEnd.back());
}

std::ptrdiff_t TimelineItems::indexAt(Timestamp t) const {
  // Candidates start at or before t; walk back while an earlier item can still reach t.
  std::size_t i =
      static_cast<std::size_t>(std::upper_bound(m_items.begin(), m_items.end(), t,
                                                [](Timestamp v, const TimelineItem &a) { return v < a.start; }) -
                               m_items.begin());
  const std::size_t lo = firstEndingAfter(t);
  while (i > lo) {
    --i;
    if (m_items[i].end > t)
      return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

std::ptrdiff_t TimelineItems::indexOfId(std::int64_t id, Timestamp start) const {
  TimelineItem probe;
  probe.start = start;
  probe.id = id;
  auto it = std::lower_bound(m_items.begin(), m_items.end(), probe, before);
  if (it == m_items.end() || it->id != id)
    return -1;
  return it - m_items.begin();
}

} // namespace tacit
