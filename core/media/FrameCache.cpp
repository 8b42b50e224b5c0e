#include "core/media/FrameCache.h"

namespace tacit::media {

FrameCache::FrameCache(std::size_t budgetBytes) : m_budget(budgetBytes) {}

std::optional<VideoFrame> FrameCache::get(std::int64_t index, bool needExact) {
  std::lock_guard lock(m_mutex);
  auto it = m_map.find(index);
  if (it == m_map.end() || (needExact && !it->second->exact))
    return std::nullopt;
  m_lru.splice(m_lru.begin(), m_lru, it->second);
  return *it->second;
}

bool FrameCache::contains(std::int64_t index, bool needExact) const {
  std::lock_guard lock(m_mutex);
  auto it = m_map.find(index);
  return it != m_map.end() && (!needExact || it->second->exact);
}

void FrameCache::insert(const VideoFrame &frame) {
  if (frame.isNull())
    return;
  std::lock_guard lock(m_mutex);
  if (auto it = m_map.find(frame.index); it != m_map.end()) {
    if (it->second->exact && !frame.exact) {
      m_lru.splice(m_lru.begin(), m_lru, it->second);
      return;
    }
    m_bytes -= it->second->byteSize();
    m_lru.erase(it->second);
    m_map.erase(it);
  }
  if (frame.byteSize() > m_budget)
    return;
  m_lru.push_front(frame);
  m_map[frame.index] = m_lru.begin();
  m_bytes += frame.byteSize();
  evictLocked();
}

void FrameCache::evictLocked() {
  while (m_bytes > m_budget && !m_lru.empty()) {
    m_bytes -= m_lru.back().byteSize();
    m_map.erase(m_lru.back().index);
    m_lru.pop_back();
  }
}

void FrameCache::clear() {
  std::lock_guard lock(m_mutex);
  m_lru.clear();
  m_map.clear();
  m_bytes = 0;
}

void FrameCache::setBudget(std::size_t bytes) {
  std::lock_guard lock(m_mutex);
  m_budget = bytes;
  evictLocked();
}

std::size_t FrameCache::budget() const {
  std::lock_guard lock(m_mutex);
  return m_budget;
}

std::size_t FrameCache::bytes() const {
  std::lock_guard lock(m_mutex);
  return m_bytes;
}

std::size_t FrameCache::size() const {
  std::lock_guard lock(m_mutex);
  return m_lru.size();
}

} // namespace tacit::media
