#pragma once
// Recycles frame buffers so steady playback does not hit the allocator for every 6 MB picture.
// Bounded: at most maxFree idle buffers are kept; the rest are freed when released.
// Thread-safe: buffers may be released on any thread (e.g. the GUI dropping a QImage).
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "core/media/VideoFrame.h"

namespace tacit::media {

class BufferPool {
public:
  explicit BufferPool(std::size_t maxFree = 8);
  ~BufferPool();
  // A buffer of exactly `bytes`; returns to the pool when the last reference goes away.
  std::shared_ptr<FrameBuffer> acquire(std::size_t bytes);
  std::size_t freeCount() const;

private:
  struct State {
    std::mutex mutex;
    std::size_t maxFree;
    std::vector<std::unique_ptr<FrameBuffer>> free;
  };
  std::shared_ptr<State> m_state;
};

} // namespace tacit::media
