#pragma once
// The one frame engine (DESIGN §3.4, docs/frame-engine.md): decodes one video or depth stream on its
// own worker thread for every caller (review window, consent window, face QA, tacit-cli bench).
//
// Requests. request(i, quality, direction) from any thread. The newest request wins: a request not
// yet started is replaced, and background work is abandoned at the next decoded picture (a request
// being served is finished, so a fast scrub still shows frames at the decode rate).
//  * Exact: the full frame exactly as the ffmpeg CLI decodes it (paused views, tests, export).
//  * Display: for playback and scrubbing, colour comes as RGB32 scaled to setDisplaySize() with fast
//    filtering (not bit-exact). A cached exact frame also serves a display request.
// Caches. FrameCache: converted frames, byte budget, true LRU. PictureCache: the decoded pictures met
// on the way to a target (the GOP around the playhead), so a backward step is one conversion.
// Background work, when no request is pending:
//  * playing (direction +1/-1): display frames read ahead in the playing direction (forward without
//    seeking; in reverse each GOP is decoded once and all its frames kept);
//  * paused after an exact request: the frames before and after it are made ready, so stepping
//    one frame either way is served from the cache.
// Publishing. The worker never touches widgets. A served request is published ON THE WORKER THREAD:
// latest() is updated, the frame callback runs and frameReady is emitted (a receiver in the GUI
// thread gets it queued). cached() lets the GUI thread show a cached frame at once, without a round
// trip; setFocus() then keeps the read-ahead anchored at the playhead.
#include <QObject>
#include <QSize>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "core/media/FrameCache.h"
#include "core/media/FrameSource.h"
#include "core/media/PictureCache.h"

namespace tacit::media {

class VideoSource;

class FrameEngine : public QObject {
  Q_OBJECT
public:
  enum class Quality { Exact, Display };
  struct Options {
    std::size_t cacheBytes = FrameCache::kDefaultBudgetBytes;
    std::size_t pictureCacheBytes = std::size_t(128) << 20;
    int readAhead = 24;            // display frames decoded ahead while playing (0.4 s at 2x of 30 fps)
    bool prepareNeighbours = true; // paused: frames i-1 and i+1 made ready after an exact request
  };

  // Takes the source (opened by the caller, e.g. VideoSource::open) and starts the worker.
  explicit FrameEngine(std::unique_ptr<FrameSource> source, QObject *parent = nullptr);
  FrameEngine(std::unique_ptr<FrameSource> source, Options options, QObject *parent = nullptr);
  ~FrameEngine() override; // stops and joins the worker

  // Any thread. Out-of-range indices are clamped. direction: +1/-1 while playing (read-ahead), 0 paused.
  void request(std::int64_t frameIndex, Quality quality = Quality::Exact, int direction = 0);
  // Any thread: request(indexAt(t)) (frame 0 before the first frame).
  void requestTime(Timestamp t, Quality quality = Quality::Exact, int direction = 0);
  // Any thread: moves the read-ahead anchor without asking for a frame (the GUI shows a cached one
  // of this quality; Exact while paused makes the neighbours ready).
  void setFocus(std::int64_t frameIndex, int direction, Quality quality = Quality::Display);
  // Any thread: the largest size display frames are decoded at (the view's on-screen picture);
  // empty = full size.
  void setDisplaySize(QSize maxSize);
  // Any thread, no waiting: a cached frame; with needExact only an exact one.
  std::optional<VideoFrame> cached(std::int64_t frameIndex, bool needExact) const;
  // Any thread. The most recently published frame; isNull() before the first one.
  VideoFrame latest() const;
  // Called on the worker thread for every published frame. Set it before the first request.
  void setFrameCallback(std::function<void(const VideoFrame &)> callback);
  // Any thread: blocks until no request is pending and background work is done; false on timeout.
  bool waitIdle(int timeoutMs = 10000) const;

  // Stream facts (immutable after open; any thread).
  std::int64_t frameCount() const { return m_frameCount; }
  Timestamp ptsNs(std::int64_t index) const { return m_source->ptsNs(index); }
  std::int64_t indexAt(Timestamp t) const { return m_source->indexAt(t); }
  TimeRange timeRange() const { return m_source->timeRange(); }
  int width() const { return m_source->width(); }
  int height() const { return m_source->height(); }
  PixelFormat pixelFormat() const { return m_source->pixelFormat(); }
  std::string path() const { return m_source->path(); }

  // Statistics (any thread).
  std::int64_t decodedFrames() const { return m_decoded.load(); }   // frames the worker had to decode
  std::int64_t cacheHits() const { return m_hits.load(); }          // requests served from FrameCache
  std::int64_t pictureHits() const { return m_pictureHits.load(); } // ... from PictureCache (converted)
  std::int64_t decodedPictures() const { return m_pictureCount.load(); } // pictures out of the decoder
  const FrameCache &cache() const { return m_cache; }
  const PictureCache &pictures() const { return m_pictures; }
  void setCacheBudget(std::size_t bytes) { m_cache.setBudget(bytes); }

signals:
  // Emitted from the worker thread after latest() was updated, for every served request.
  void frameReady(const tacit::media::VideoFrame &frame);
  // Emitted from the worker thread; message names the file and frame.
  void frameFailed(qint64 frameIndex, const QString &message);

private:
  struct Job {
    std::int64_t index = -1;
    bool exact = true;
    bool isRequest = false;
    bool keepGop = false; // convert every frame met on the way (reverse read-ahead)
  };
  void run();
  std::optional<Job> nextJobLocked();
  std::optional<Job> backgroundJobLocked() const;
  bool hasWorkLocked() const;
  void execute(const Job &job, QSize displaySize);
  Result<VideoFrame> produce(const Job &job, QSize displaySize);
  Result<VideoFrame> convert(const Picture &picture, std::int64_t index, bool exact, QSize displaySize);
  void publish(const VideoFrame &frame);

  std::unique_ptr<FrameSource> m_source;
  VideoSource *m_video = nullptr; // m_source when it is colour video (picture-level decoding)
  Options m_options;
  std::int64_t m_frameCount = 0;
  FrameCache m_cache;
  PictureCache m_pictures;

  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake;
  mutable std::condition_variable m_idle;
  std::optional<Job> m_pending;
  std::atomic<bool> m_hasPending{false};
  std::int64_t m_focus = -1;
  int m_direction = 0;
  bool m_lastExact = false; // the last request asked for an exact frame
  // Background work done since the focus last moved (also when the cache could not keep it):
  // not done again, so a budget smaller than the read-ahead window cannot make the worker spin.
  std::set<std::int64_t> m_tried;
  QSize m_displaySize;
  bool m_busy = false;
  bool m_stop = false;
  VideoFrame m_latest;
  std::function<void(const VideoFrame &)> m_callback;

  std::atomic<std::int64_t> m_decoded{0};
  std::atomic<std::int64_t> m_hits{0};
  std::atomic<std::int64_t> m_pictureHits{0};
  std::atomic<std::int64_t> m_pictureCount{0};
  std::thread m_thread;
};

} // namespace tacit::media

Q_DECLARE_METATYPE(tacit::media::VideoFrame)
