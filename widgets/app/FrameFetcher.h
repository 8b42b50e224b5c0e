#pragma once
// Decodes one video or depth stream on its own worker thread (DESIGN §3.4): the newest request wins,
// frames around the playhead sit in an LRU cache bounded in bytes, and while playing the worker decodes
// ahead in the playing direction (sequentially, without seeking) so playback rarely waits.
//
// Two kinds of frames: exact ones (full resolution, what paused stepping, tests and 1:1 zoom need)
// and display ones for playback and scrubbing, scaled on the worker to the size the view shows (setDisplaySize)
// and converted straight to Format_RGB32, so the GUI thread neither converts nor scales full-size
// pictures. A paused request asks for an exact frame even when a display frame is cached.
//
// Threading: request()/setFocus()/setDisplaySize()/cached() are called on the GUI thread. The worker
// owns the FrameSource and never touches widgets; it hands finished frames to the GUI thread through
// frameReady (queued). Colour frames are QImage::Format_RGB32; depth frames stay Format_Grayscale16.
#include <QImage>
#include <QObject>
#include <QSize>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/media/FrameSource.h"

namespace tacit {

class FrameFetcher : public QObject {
  Q_OBJECT
public:
  struct Frame {
    QImage image;
    bool exact = true; // full resolution
  };

  FrameFetcher(std::unique_ptr<media::FrameSource> source, std::size_t cacheBytes, QObject *parent = nullptr);
  ~FrameFetcher() override;

  qint64 frameCount() const { return m_frameCount; }
  // Newest request wins; `direction` (+1/-1) steers read-ahead, 0 (paused) reads nothing ahead.
  // exact = false accepts a display frame (playback).
  void request(qint64 index, int direction, bool exact = true);
  // Moves the read-ahead anchor without asking for a frame (the GUI already shows `index`).
  void setFocus(qint64 index, int direction);
  // Largest size display frames are decoded at (the view's on-screen image size); empty = full size.
  void setDisplaySize(QSize maxSize);
  // A frame already in the cache (GUI thread, no waiting); with needExact only an exact one.
  std::optional<Frame> cached(qint64 index, bool needExact) const;
  // Frames decoded so far (bench/tests).
  qint64 decodedCount() const;

signals:
  void frameReady(qint64 index, const QImage &image, bool exact);
  void decodeFailed(qint64 index, const QString &message);

private:
  void run();
  QImage toImage(const media::VideoFrame &frame) const;
  void insert(qint64 index, const QImage &image, bool exact); // lock held
  bool has(qint64 index, bool needExact) const;               // lock held
  qint64 readAheadTarget() const;                             // lock held; -1 = nothing to do

  std::unique_ptr<media::FrameSource> m_source;
  const qint64 m_frameCount;
  const std::size_t m_budget;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  qint64 m_wanted = -1; // pending request, -1 = none
  bool m_wantedExact = true;
  qint64 m_focus = -1; // read-ahead anchor
  int m_direction = 1;
  QSize m_displaySize;
  std::map<qint64, Frame> m_cache;
  std::deque<qint64> m_lru; // front = oldest
  std::size_t m_bytes = 0;
  qint64 m_decoded = 0;
  std::thread m_thread;
};

} // namespace tacit
