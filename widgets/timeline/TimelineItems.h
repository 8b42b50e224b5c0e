#pragma once
// The items of one annotation lane (a track's segments, or the flags), kept sorted by start so that
// painting and hit-testing cost O(log n + visible) instead of O(n): a lane can hold 100 000 segments.
// Edits are incremental (binary search + one vector insert/erase), so a drag that moves one segment
// per mouse event never re-sorts the lane.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit {

struct TimelineItem {
  Timestamp start = 0;
  Timestamp end = 0;    // exclusive
  std::int64_t id = 0;  // segment or flag id
  std::int64_t key = 0; // label id (segments) or severity (flags): picks the colour
  bool operator==(const TimelineItem &) const = default;
};

class TimelineItems {
public:
  void assign(std::vector<TimelineItem> items); // any order
  void insert(const TimelineItem &item);
  bool erase(const TimelineItem &item); // matched by start + id
  void clear();

  std::size_t size() const { return m_items.size(); }
  bool empty() const { return m_items.empty(); }
  const TimelineItem &operator[](std::size_t i) const { return m_items[i]; }
  const std::vector<TimelineItem> &items() const { return m_items; }

  // Index of the first item that may reach into [t, ...): every item before it ends at or before t.
  std::size_t firstEndingAfter(Timestamp t) const;
  // Index of the first item (from `from`) whose start is >= t.
  std::size_t firstStartingAtOrAfter(Timestamp t, std::size_t from = 0) const;
  // Largest end among items [0, i] (items may overlap on tracks that allow it).
  Timestamp maxEndThrough(std::size_t i) const;
  // The item containing t (the latest-starting one if several do); -1 when none.
  std::ptrdiff_t indexAt(Timestamp t) const;
  std::ptrdiff_t indexOfId(std::int64_t id, Timestamp start) const;

private:
  void refreshMaxEnd() const;

  std::vector<TimelineItem> m_items;
  // Running maximum of end over the sorted items; rebuilt lazily after an edit (O(n), once).
  mutable std::vector<Timestamp> m_maxEnd;
  mutable bool m_maxEndDirty = true;
};

} // namespace tacit
