#include "core/media/BufferPool.h"

namespace tacit::media {

BufferPool::BufferPool(std::size_t maxFree) : m_state(std::make_shared<State>()) {
  m_state->maxFree = maxFree;
}

BufferPool::~BufferPool() = default;

std::shared_ptr<FrameBuffer> BufferPool::acquire(std::size_t bytes) {
  std::unique_ptr<FrameBuffer> buf;
  {
    std::lock_guard lock(m_state->mutex);
    auto &free = m_state->free;
    for (auto it = free.begin(); it != free.end(); ++it) {
      if ((*it)->size() == bytes) {
        buf = std::move(*it);
        free.erase(it);
        break;
      }
    }
  }
  if (!buf)
    buf = std::make_unique<FrameBuffer>(bytes);
  std::weak_ptr<State> weak = m_state;
  return std::shared_ptr<FrameBuffer>(buf.release(), [weak](FrameBuffer *b) {
    std::unique_ptr<FrameBuffer> owned(b);
    if (auto state = weak.lock()) {
      std::lock_guard lock(state->mutex);
      if (state->free.size() < state->maxFree)
        state->free.push_back(std::move(owned));
    }
  });
}

std::size_t BufferPool::freeCount() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->free.size();
}

} // namespace tacit::media
