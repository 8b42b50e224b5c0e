#include "core/media/PictureCache.h"

namespace tacit::media {

PictureCache::PictureCache(std::size_t budgetBytes) : m_budget(budgetBytes) {}

Picture PictureCache::get(std::int64_t index) {
  std::lock_guard lock(m_mutex);
  auto it = m_map.find(index);
  if (it == m_map.end())
    return {};
  m_lru.splice(m_lru.begin(), m_lru, it->second);
  return it->second->picture;
}

bool PictureCache::contains(std::int64_t index) const {
  std::lock_guard lock(m_mutex);
  return m_map.count(index) != 0;
}

void PictureCache::insert(std::int64_t index, Picture picture) {
  if (!picture)
    return;
  const std::size_t bytes = pictureBytes(picture.get());
  std::lock_guard lock(m_mutex);
  if (auto it = m_map.find(index); it != m_map.end()) {
    m_bytes -= it->second->bytes;
    m_lru.erase(it->second);
    m_map.erase(it);
  }
  if (bytes > m_budget)
    return;
  m_lru.push_front({index, std::move(picture), bytes});
  m_map[index] = m_lru.begin();
  m_bytes += bytes;
  evictLocked();
}

void PictureCache::evictLocked() {
  while (m_bytes > m_budget && !m_lru.empty()) {
    m_bytes -= m_lru.back().bytes;
    m_map.erase(m_lru.back().index);
    m_lru.pop_back();
  }
}

void PictureCache::clear() {
  std::lock_guard lock(m_mutex);
  m_lru.clear();
  m_map.clear();
  m_bytes = 0;
}

void PictureCache::setBudget(std::size_t bytes) {
  std::lock_guard lock(m_mutex);
  m_budget = bytes;
  evictLocked();
}

std::size_t PictureCache::bytes() const {
  std::lock_guard lock(m_mutex);
  return m_bytes;
}

std::size_t PictureCache::size() const {
  std::lock_guard lock(m_mutex);
  return m_lru.size();
}

} // namespace tacit::media
