#include "core/media/AsyncFrameProvider.h"

#include <algorithm>

#include "core/util/Logging.h"

namespace tacit::media {

AsyncFrameProvider::AsyncFrameProvider(std::unique_ptr<FrameSource> source, QObject *parent)
    : AsyncFrameProvider(std::move(source), Options{}, parent) {}

AsyncFrameProvider::AsyncFrameProvider(std::unique_ptr<FrameSource> source, Options options, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_options(options), m_frameCount(m_source->frameCount()),
      m_cache(options.cacheBytes) {
  m_thread = std::thread([this] { run(); });
}

AsyncFrameProvider::~AsyncFrameProvider() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void AsyncFrameProvider::request(std::int64_t frameIndex) {
  if (m_frameCount <= 0)
    return;
  {
    std::lock_guard lock(m_mutex);
    m_pending = std::clamp<std::int64_t>(frameIndex, 0, m_frameCount - 1);
  }
  m_wake.notify_all();
}

void AsyncFrameProvider::requestTime(Timestamp t) {
  request(std::max<std::int64_t>(0, m_source->indexAt(t)));
}

VideoFrame AsyncFrameProvider::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

void AsyncFrameProvider::setFrameCallback(std::function<void(const VideoFrame &)> callback) {
  std::lock_guard lock(m_mutex);
  m_callback = std::move(callback);
}

bool AsyncFrameProvider::waitIdle(int timeoutMs) const {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                         [this] { return m_pending < 0 && m_prefetchLeft == 0 && !m_busy; });
}

void AsyncFrameProvider::run() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [this] { return m_stop || m_pending >= 0 || m_prefetchLeft > 0; });
    if (m_stop)
      return;
    m_busy = true;
    if (m_pending >= 0) {
      const std::int64_t index = m_pending;
      m_pending = -1;
      lock.unlock();
      serve(index);
      lock.lock();
      m_prefetchNext = index + 1;
      m_prefetchLeft = m_options.prefetchFrames;
    } else {
      const std::int64_t index = m_prefetchNext++;
      --m_prefetchLeft;
      if (index >= m_frameCount) {
        m_prefetchLeft = 0;
      } else if (!m_cache.contains(index)) {
        lock.unlock();
        auto frame = m_source->frame(index);
        ++m_decoded;
        if (frame)
          m_cache.insert(*frame);
        lock.lock();
      }
    }
    m_busy = false;
    if (m_pending < 0 && m_prefetchLeft == 0)
      m_idle.notify_all();
  }
}

void AsyncFrameProvider::serve(std::int64_t index) {
  if (auto cached = m_cache.get(index)) {
    ++m_hits;
    publish(*cached);
    return;
  }
  auto frame = m_source->frame(index);
  ++m_decoded;
  if (!frame) {
    logging::get("tacit.media")->warn("{}", frame.error());
    emit frameFailed(index, QString::fromStdString(frame.error()));
    return;
  }
  m_cache.insert(*frame);
  publish(*frame);
}

void AsyncFrameProvider::publish(const VideoFrame &frame) {
  std::function<void(const VideoFrame &)> callback;
  {
    std::lock_guard lock(m_mutex);
    m_latest = frame;
    callback = m_callback;
  }
  if (callback)
    callback(frame);
  emit frameReady(frame.index);
}

} // namespace tacit::media
