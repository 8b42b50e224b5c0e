#pragma once
// Decodes one video or depth stream on its own worker thread (DESIGN §3.4): the newest request wins,
// frames around the playhead sit in an LRU cache bounded in bytes, and while idle the worker decodes
// ahead in the playing direction so sequential playback never waits for a seek.
//
// Threading: request()/cached() are called on the GUI thread. The worker owns the FrameSource and
// never touches widgets; it hands finished frames to the GUI thread through frameReady (queued).
// Colour frames are converted to QImage::Format_RGB32 on the worker (the raster engine scales that
// format fastest); depth frames stay Format_Grayscale16.
#include <QImage>
#include <QObject>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "core/media/FrameSource.h"

namespace tacit {

class FrameFetcher : public QObject {
  Q_OBJECT
public:
  FrameFetcher(std::unique_ptr<media::FrameSource> source, std::size_t cacheBytes, QObject *parent = nullptr);
  ~FrameFetcher() override;

  qint64 frameCount() const { return m_frameCount; }
  // Newest request wins; `direction` (+1/-1) steers read-ahead, 0 (paused) reads nothing ahead.
  void request(qint64 index, int direction);
  // A frame already in the cache (GUI thread, no waiting).
  std::optional<QImage> cached(qint64 index) const;
  // Frames decoded so far (bench/tests).
  qint64 decodedCount() const;

signals:
  void frameReady(qint64 index, const QImage &image);
  void decodeFailed(qint64 index, const QString &message);

private:
  void run();
  QImage toImage(const media::VideoFrame &frame) const;
  void insert(qint64 index, const QImage &image); // lock held

  std::unique_ptr<media::FrameSource> m_source;
  const qint64 m_frameCount;
  const std::size_t m_budget;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  qint64 m_wanted = -1; // pending request, -1 = none
  qint64 m_focus = -1;  // last requested frame (read-ahead anchor)
  int m_direction = 1;
  std::map<qint64, QImage> m_cache;
  std::deque<qint64> m_lru; // front = oldest
  std::size_t m_bytes = 0;
  qint64 m_decoded = 0;
  std::thread m_thread;
};

} // namespace tacit
