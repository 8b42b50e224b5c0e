#include "core/media/FrameEngine.h"

#include <algorithm>

#include "core/media/VideoSource.h"
#include "core/util/Logging.h"

namespace tacit::media {

namespace {
constexpr int kFullSize = 1 << 20; // "no limit" for display conversion
int sign(int v) {
  return v > 0 ? 1 : (v < 0 ? -1 : 0);
}
} // namespace

FrameEngine::FrameEngine(std::unique_ptr<FrameSource> source, QObject *parent)
    : FrameEngine(std::move(source), Options{}, parent) {}

FrameEngine::FrameEngine(std::unique_ptr<FrameSource> source, Options options, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_options(options), m_frameCount(m_source->frameCount()),
      m_cache(options.cacheBytes), m_pictures(options.pictureCacheBytes) {
  qRegisterMetaType<tacit::media::VideoFrame>();
  auto *video = dynamic_cast<VideoSource *>(m_source.get());
  if (video && video->pixelFormat() == PixelFormat::Rgb24)
    m_video = video;
  m_thread = std::thread([this] { run(); });
}

FrameEngine::~FrameEngine() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void FrameEngine::request(std::int64_t frameIndex, Quality quality, int direction) {
  if (m_frameCount <= 0)
    return;
  {
    std::lock_guard lock(m_mutex);
    Job job;
    job.index = std::clamp<std::int64_t>(frameIndex, 0, m_frameCount - 1);
    job.exact = quality == Quality::Exact;
    job.isRequest = true;
    m_pending = job;
    m_hasPending = true;
    m_focus = job.index;
    m_direction = sign(direction);
    m_lastExact = job.exact;
    m_tried.clear();
  }
  m_wake.notify_all();
}

void FrameEngine::requestTime(Timestamp t, Quality quality, int direction) {
  request(std::max<std::int64_t>(0, m_source->indexAt(t)), quality, direction);
}

void FrameEngine::setFocus(std::int64_t frameIndex, int direction, Quality quality) {
  if (frameIndex < 0 || frameIndex >= m_frameCount)
    return;
  {
    std::lock_guard lock(m_mutex);
    if (frameIndex != m_focus)
      m_tried.clear();
    m_focus = frameIndex;
    m_direction = sign(direction);
    m_lastExact = quality == Quality::Exact;
  }
  m_wake.notify_all();
}

void FrameEngine::setDisplaySize(QSize maxSize) {
  std::lock_guard lock(m_mutex);
  m_displaySize = maxSize;
}

std::optional<VideoFrame> FrameEngine::cached(std::int64_t frameIndex, bool needExact) const {
  return const_cast<FrameCache &>(m_cache).get(frameIndex, needExact);
}

VideoFrame FrameEngine::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

void FrameEngine::setFrameCallback(std::function<void(const VideoFrame &)> callback) {
  std::lock_guard lock(m_mutex);
  m_callback = std::move(callback);
}

bool FrameEngine::waitIdle(int timeoutMs) const {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_busy && !hasWorkLocked(); });
}

std::optional<FrameEngine::Job> FrameEngine::nextJobLocked() {
  if (m_pending) {
    Job job = *m_pending;
    m_pending.reset();
    m_hasPending = false;
    return job;
  }
  return backgroundJobLocked();
}

std::optional<FrameEngine::Job> FrameEngine::backgroundJobLocked() const {
  if (m_focus < 0)
    return std::nullopt;
  auto wanted = [&](std::int64_t i, bool exact) {
    return i >= 0 && i < m_frameCount && !m_tried.count(i) && !m_cache.contains(i, exact);
  };
  if (m_direction != 0) { // playing: nearest missing frame ahead in the playing direction
    for (int k = 1; k <= m_options.readAhead; ++k) {
      const std::int64_t i = m_focus + static_cast<std::int64_t>(k) * m_direction;
      if (i < 0 || i >= m_frameCount)
        break;
      if (wanted(i, false))
        return Job{i, false, false, m_direction < 0};
    }
    return std::nullopt;
  }
  if (m_lastExact && m_options.prepareNeighbours) // paused: one step either way costs nothing
    for (std::int64_t i : {m_focus + 1, m_focus - 1})
      if (wanted(i, true))
        return Job{i, true, false, false};
  return std::nullopt;
}

bool FrameEngine::hasWorkLocked() const {
  return m_pending.has_value() || backgroundJobLocked().has_value();
}

void FrameEngine::run() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [this] { return m_stop || hasWorkLocked(); });
    if (m_stop)
      return;
    auto job = nextJobLocked();
    if (!job)
      continue;
    m_busy = true;
    const QSize display = m_displaySize;
    lock.unlock();
    execute(*job, display);
    lock.lock();
    m_busy = false;
    if (!job->isRequest && !m_pending) // (a new request starts a new round of background work)
      m_tried.insert(job->index);
    if (!hasWorkLocked())
      m_idle.notify_all();
  }
}

void FrameEngine::execute(const Job &job, QSize display) {
  auto frame = produce(job, display);
  if (!job.isRequest)
    return;
  if (!frame) {
    logging::get("tacit.media")->warn("{}", frame.error());
    emit frameFailed(job.index, QString::fromStdString(frame.error()));
    return;
  }
  publish(*frame);
}

Result<VideoFrame> FrameEngine::convert(const Picture &picture, std::int64_t index, bool exact, QSize display) {
  auto out = exact               ? m_video->convertExact(picture, index)
             : display.isEmpty() ? m_video->convertDisplay(picture, index, kFullSize, kFullSize)
                                 : m_video->convertDisplay(picture, index, display.width(), display.height());
  if (out)
    m_cache.insert(*out);
  return out;
}

Result<VideoFrame> FrameEngine::produce(const Job &job, QSize display) {
  const std::int64_t i = job.index;
  if (auto hit = m_cache.get(i, job.exact)) {
    if (job.isRequest)
      ++m_hits;
    return *hit;
  }
  if (!m_video) { // depth (always exact) and other sources: frame by frame
    ++m_decoded;
    auto frame = job.exact || display.isEmpty() ? m_source->frame(i)
                                                : m_source->displayFrame(i, display.width(), display.height());
    if (frame)
      m_cache.insert(*frame);
    return frame;
  }
  if (Picture cached = m_pictures.get(i)) {
    ++m_pictureHits;
    return convert(cached, i, job.exact, display);
  }
  // Every picture met on the way is kept; reverse read-ahead also converts them all (one GOP
  // decode serves the next frames backwards). Background work stops when a request arrives.
  const auto visit = [&](std::int64_t f, const Picture &picture) {
    m_pictures.insert(f, picture);
    if (job.keepGop && f != i && !m_cache.contains(f))
      convert(picture, f, false, display);
    return job.isRequest || !m_hasPending.load();
  };
  ++m_decoded;
  // A request skips non-reference pictures before its target (fastest); background work decodes
  // them too, so the GOP is complete in the picture cache for backward steps.
  auto picture = m_video->picture(i, visit, job.isRequest);
  m_pictureCount = m_video->decodedPictureCount();
  if (!picture)
    return Result<VideoFrame>::failure(picture.error());
  return convert(*picture, i, job.exact, display);
}

void FrameEngine::publish(const VideoFrame &frame) {
  std::function<void(const VideoFrame &)> callback;
  {
    std::lock_guard lock(m_mutex);
    m_latest = frame;
    callback = m_callback;
  }
  if (callback)
    callback(frame);
  emit frameReady(frame);
}

} // namespace tacit::media
