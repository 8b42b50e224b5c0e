#pragma once
// Decodes one stream on its own worker thread for a view (DESIGN §3.4).
//  * request(i) from any thread; newest request wins (a request not yet started is replaced).
//  * Frames come from an LRU FrameCache (byte budget) first: scrubbing back and forth inside the
//    cache costs no decode. After serving a request the worker decodes a few frames ahead
//    (sequential, no seek) so playback and "step forward" hit the cache too.
//  * The worker never touches widgets. It publishes each served frame by storing it as latest(),
//    calling the frame callback (ON THE WORKER THREAD) and emitting frameReady (ALSO FROM THE
//    WORKER THREAD; a receiver in the GUI thread gets it queued). A view just marks itself dirty
//    and repaints latest() on its own timer.
#include <QObject>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/media/FrameCache.h"
#include "core/media/FrameSource.h"

namespace tacit::media {

class AsyncFrameProvider : public QObject {
  Q_OBJECT
public:
  struct Options {
    std::size_t cacheBytes = FrameCache::kDefaultBudgetBytes;
    int prefetchFrames = 4; // decoded ahead of the last request while idle
  };

  // Takes the source (opened by the caller, e.g. VideoSource::open) and starts the worker.
  explicit AsyncFrameProvider(std::unique_ptr<FrameSource> source, QObject *parent = nullptr);
  AsyncFrameProvider(std::unique_ptr<FrameSource> source, Options options, QObject *parent = nullptr);
  ~AsyncFrameProvider() override; // stops and joins the worker

  // Any thread. Out-of-range indices are clamped.
  void request(std::int64_t frameIndex);
  // Any thread: request(indexAt(t)) (frame 0 before the first frame).
  void requestTime(Timestamp t);
  // Any thread. The most recently published frame; isNull() before the first one.
  VideoFrame latest() const;
  // Called on the worker thread for every published frame. Set it before the first request.
  void setFrameCallback(std::function<void(const VideoFrame &)> callback);
  // Any thread: blocks until no request is pending and prefetch is done; false on timeout.
  bool waitIdle(int timeoutMs = 10000) const;

  // Stream facts (immutable after open; any thread).
  std::int64_t frameCount() const { return m_frameCount; }
  Timestamp ptsNs(std::int64_t index) const { return m_source->ptsNs(index); }
  std::int64_t indexAt(Timestamp t) const { return m_source->indexAt(t); }
  TimeRange timeRange() const { return m_source->timeRange(); }
  int width() const { return m_source->width(); }
  int height() const { return m_source->height(); }
  PixelFormat pixelFormat() const { return m_source->pixelFormat(); }

  // Statistics (any thread).
  std::int64_t decodedFrames() const { return m_decoded.load(); } // frames the source decoded
  std::int64_t cacheHits() const { return m_hits.load(); }
  const FrameCache &cache() const { return m_cache; }
  void setCacheBudget(std::size_t bytes) { m_cache.setBudget(bytes); }

signals:
  // Emitted from the worker thread after latest() was updated.
  void frameReady(qint64 frameIndex);
  // Emitted from the worker thread; message names the file and frame.
  void frameFailed(qint64 frameIndex, const QString &message);

private:
  void run();
  void serve(std::int64_t index);
  void publish(const VideoFrame &frame);

  std::unique_ptr<FrameSource> m_source;
  Options m_options;
  std::int64_t m_frameCount = 0;
  FrameCache m_cache;

  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake;
  mutable std::condition_variable m_idle;
  std::int64_t m_pending = -1;
  std::int64_t m_prefetchNext = -1;
  int m_prefetchLeft = 0;
  bool m_busy = false;
  bool m_stop = false;
  VideoFrame m_latest;
  std::function<void(const VideoFrame &)> m_callback;

  std::atomic<std::int64_t> m_decoded{0};
  std::atomic<std::int64_t> m_hits{0};
  std::thread m_thread;
};

} // namespace tacit::media
