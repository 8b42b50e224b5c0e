#pragma once
// LRU cache of converted frames keyed by frame index, bounded by a byte budget (default 512 MiB).
// One frame per index: an exact frame replaces a display one, never the other way round.
// Frames are shared, so a cached frame the GUI still shows costs nothing extra. Thread-safe.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/media/VideoFrame.h"

namespace tacit::media {

class FrameCache {
public:
  static constexpr std::size_t kDefaultBudgetBytes = std::size_t(512) << 20;
  explicit FrameCache(std::size_t budgetBytes = kDefaultBudgetBytes);

  // The frame if cached (and marks it most recently used); with needExact only an exact one.
  std::optional<VideoFrame> get(std::int64_t index, bool needExact = false);
  bool contains(std::int64_t index, bool needExact = false) const;
  // Inserts (or refreshes) a frame, then evicts least recently used frames until within budget.
  // A display frame does not replace a cached exact one (that one is refreshed instead).
  // A frame larger than the whole budget is not cached.
  void insert(const VideoFrame &frame);
  void clear();
  void setBudget(std::size_t bytes);

  std::size_t budget() const;
  std::size_t bytes() const; // sum of cached frames' buffer sizes, always <= budget()
  std::size_t size() const;

private:
  void evictLocked();

  mutable std::mutex m_mutex;
  std::size_t m_budget;
  std::size_t m_bytes = 0;
  std::list<VideoFrame> m_lru; // front: most recently used
  std::unordered_map<std::int64_t, std::list<VideoFrame>::iterator> m_map;
};

} // namespace tacit::media
