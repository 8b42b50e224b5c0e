#include "widgets/app/FrameFetcher.h"

#include <QMetaObject>
#include <algorithm>

#include "core/util/Logging.h"

namespace tacit {

namespace {
constexpr int kReadAhead = 24; // 0.4 s at 2x of a 30 fps stream; display frames are small
constexpr int kReadBehind = 2;
} // namespace

FrameFetcher::FrameFetcher(std::unique_ptr<media::FrameSource> source, std::size_t cacheBytes, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_frameCount(m_source ? m_source->frameCount() : 0),
      m_budget(cacheBytes) {
  m_thread = std::thread([this] { run(); });
}

FrameFetcher::~FrameFetcher() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void FrameFetcher::request(qint64 index, int direction, bool exact) {
  if (index < 0 || index >= m_frameCount)
    return;
  {
    std::lock_guard lock(m_mutex);
    m_wanted = index;
    m_wantedExact = exact;
    m_focus = index;
    m_direction = direction > 0 ? 1 : (direction < 0 ? -1 : 0);
  }
  m_wake.notify_one();
}

void FrameFetcher::setFocus(qint64 index, int direction) {
  if (index < 0 || index >= m_frameCount)
    return;
  {
    std::lock_guard lock(m_mutex);
    m_focus = index;
    m_direction = direction > 0 ? 1 : (direction < 0 ? -1 : 0);
  }
  m_wake.notify_one();
}

void FrameFetcher::setDisplaySize(QSize maxSize) {
  std::lock_guard lock(m_mutex);
  m_displaySize = maxSize;
}

std::optional<FrameFetcher::Frame> FrameFetcher::cached(qint64 index, bool needExact) const {
  std::lock_guard lock(m_mutex);
  auto it = m_cache.find(index);
  if (it == m_cache.end() || (needExact && !it->second.exact))
    return std::nullopt;
  return it->second;
}

bool FrameFetcher::has(qint64 index, bool needExact) const {
  auto it = m_cache.find(index);
  return it != m_cache.end() && (!needExact || it->second.exact);
}

qint64 FrameFetcher::decodedCount() const {
  std::lock_guard lock(m_mutex);
  return m_decoded;
}

QImage FrameFetcher::toImage(const media::VideoFrame &f) const {
  if (f.format != media::PixelFormat::Rgb24)
    return f.image(); // zero-copy (Gray16 depth, Rgb32 display frames), keeps the pooled buffer alive
  return f.image().convertToFormat(QImage::Format_RGB32);
}

void FrameFetcher::insert(qint64 index, const QImage &image, bool exact) {
  if (auto it = m_cache.find(index); it != m_cache.end()) {
    if (it->second.exact || !exact)
      return;
    m_bytes -= static_cast<std::size_t>(it->second.image.sizeInBytes());
    m_bytes += static_cast<std::size_t>(image.sizeInBytes());
    it->second = Frame{image, exact}; // an exact frame replaces a display one
  } else {
    m_cache[index] = Frame{image, exact};
    m_lru.push_back(index);
    m_bytes += static_cast<std::size_t>(image.sizeInBytes());
  }
  while (m_bytes > m_budget && m_lru.size() > 1) {
    const qint64 victim = m_lru.front();
    m_lru.pop_front();
    auto it = m_cache.find(victim);
    if (it != m_cache.end()) {
      m_bytes -= static_cast<std::size_t>(it->second.image.sizeInBytes());
      m_cache.erase(it);
    }
  }
}

qint64 FrameFetcher::readAheadTarget() const {
  if (m_focus < 0 || m_direction == 0)
    return -1;
  // Ahead of the focus (and a little behind when reversing), nearest first: display frames.
  for (int k = 1; k <= kReadAhead; ++k) {
    const qint64 i = m_focus + k * m_direction;
    if (i >= 0 && i < m_frameCount && !has(i, false))
      return i;
    if (k <= kReadBehind && m_direction < 0) {
      const qint64 j = m_focus - k * m_direction;
      if (j >= 0 && j < m_frameCount && !has(j, false))
        return j;
    }
  }
  return -1;
}

void FrameFetcher::run() {
  auto log = logging::get("tacit.media");
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    qint64 target = -1;
    bool isRequest = false;
    bool exact = true;
    if (m_wanted >= 0) {
      target = m_wanted;
      exact = m_wantedExact;
      isRequest = true;
      m_wanted = -1;
      if (auto it = m_cache.find(target); it != m_cache.end() && (!exact || it->second.exact)) {
        Frame f = it->second;
        QMetaObject::invokeMethod(
            this, [this, target, f] { emit frameReady(target, f.image, f.exact); }, Qt::QueuedConnection);
        continue;
      }
    } else if ((target = readAheadTarget()) >= 0) {
      exact = false;
    }
    if (target < 0) {
      m_wake.wait(lock, [this] { return m_stop || m_wanted >= 0 || readAheadTarget() >= 0; });
      continue;
    }
    const QSize display = m_displaySize;
    lock.unlock();
    // Full-size frames also come through displayFrame: straight to Format_RGB32 in one swscale pass
    // (no second full-size conversion and allocation on this thread).
    constexpr int kFull = 1 << 20;
    auto result = exact || display.isEmpty() ? m_source->displayFrame(target, kFull, kFull)
                                             : m_source->displayFrame(target, display.width(), display.height());
    QImage img;
    if (result.ok())
      img = toImage(result.value());
    const bool gotExact =
        exact || display.isEmpty() ||
        (result.ok() && result.value().width == m_source->width() && result.value().height == m_source->height());
    lock.lock();
    if (!result.ok()) {
      log->warn("{}", result.error());
      if (isRequest) {
        const QString msg = QString::fromStdString(result.error());
        QMetaObject::invokeMethod(
            this, [this, target, msg] { emit decodeFailed(target, msg); }, Qt::QueuedConnection);
      }
      if (!isRequest)
        m_focus = -1; // stop reading ahead into a broken region
      continue;
    }
    ++m_decoded;
    insert(target, img, gotExact);
    if (!isRequest && target == m_wanted && !m_wantedExact) {
      isRequest = true; // the playhead caught up with the read-ahead
      m_wanted = -1;
    }
    if (isRequest)
      QMetaObject::invokeMethod(
          this, [this, target, img, gotExact] { emit frameReady(target, img, gotExact); }, Qt::QueuedConnection);
  }
}

} // namespace tacit
