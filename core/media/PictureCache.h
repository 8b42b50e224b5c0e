#pragma once
// Decoded pictures (the decoder's own pixel format, before conversion) of the frames around the
// playhead, keyed by frame index, LRU within a byte budget. The frame engine keeps every picture it
// decodes on the way to a target here, so a step back inside the GOP is a conversion, not a
// decode of the GOP again. Thread-safe.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

#include "core/media/FfmpegUtil.h"

namespace tacit::media {

class PictureCache {
public:
  explicit PictureCache(std::size_t budgetBytes);

  Picture get(std::int64_t index); // null when not cached; marks it most recently used
  bool contains(std::int64_t index) const;
  void insert(std::int64_t index, Picture picture);
  void clear();
  void setBudget(std::size_t bytes);
  std::size_t bytes() const;
  std::size_t size() const;

private:
  struct Entry {
    std::int64_t index;
    Picture picture;
    std::size_t bytes;
  };
  void evictLocked();

  mutable std::mutex m_mutex;
  std::size_t m_budget;
  std::size_t m_bytes = 0;
  std::list<Entry> m_lru; // front: most recently used
  std::unordered_map<std::int64_t, std::list<Entry>::iterator> m_map;
};

} // namespace tacit::media
