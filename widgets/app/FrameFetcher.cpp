#include "widgets/app/FrameFetcher.h"

#include <QMetaObject>

#include "core/util/Logging.h"

namespace tacit {

namespace {
constexpr int kReadAhead = 12;
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

void FrameFetcher::request(qint64 index, int direction) {
  if (index < 0 || index >= m_frameCount)
    return;
  {
    std::lock_guard lock(m_mutex);
    m_wanted = index;
    m_focus = index;
    m_direction = direction > 0 ? 1 : (direction < 0 ? -1 : 0);
  }
  m_wake.notify_one();
}

std::optional<QImage> FrameFetcher::cached(qint64 index) const {
  std::lock_guard lock(m_mutex);
  auto it = m_cache.find(index);
  if (it == m_cache.end())
    return std::nullopt;
  return it->second;
}

qint64 FrameFetcher::decodedCount() const {
  std::lock_guard lock(m_mutex);
  return m_decoded;
}

QImage FrameFetcher::toImage(const media::VideoFrame &f) const {
  if (f.format == media::PixelFormat::Gray16)
    return f.image(); // zero-copy, keeps the pooled buffer alive
  return f.image().convertToFormat(QImage::Format_RGB32);
}

void FrameFetcher::insert(qint64 index, const QImage &image) {
  if (m_cache.count(index))
    return;
  m_cache[index] = image;
  m_lru.push_back(index);
  m_bytes += static_cast<std::size_t>(image.sizeInBytes());
  // Evict the frames farthest from the focus first among the oldest ones.
  while (m_bytes > m_budget && m_lru.size() > 1) {
    const qint64 victim = m_lru.front();
    m_lru.pop_front();
    auto it = m_cache.find(victim);
    if (it != m_cache.end()) {
      m_bytes -= static_cast<std::size_t>(it->second.sizeInBytes());
      m_cache.erase(it);
    }
  }
}

void FrameFetcher::run() {
  auto log = logging::get("tacit.media");
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    qint64 target = -1;
    bool isRequest = false;
    if (m_wanted >= 0) {
      target = m_wanted;
      isRequest = true;
      m_wanted = -1;
      if (auto it = m_cache.find(target); it != m_cache.end()) {
        QImage img = it->second;
        QMetaObject::invokeMethod(
            this, [this, target, img] { emit frameReady(target, img); }, Qt::QueuedConnection);
        continue;
      }
    } else if (m_focus >= 0 && m_direction != 0) {
      // Read ahead (and a little behind) the focus, nearest first.
      for (int k = 1; k <= kReadAhead && target < 0; ++k) {
        const qint64 i = m_focus + k * m_direction;
        if (i >= 0 && i < m_frameCount && !m_cache.count(i))
          target = i;
        if (k <= kReadBehind && target < 0) {
          const qint64 j = m_focus - k * m_direction;
          if (j >= 0 && j < m_frameCount && !m_cache.count(j) && m_direction < 0)
            target = j;
        }
      }
    }
    if (target < 0) {
      m_wake.wait(lock, [this] { return m_stop || m_wanted >= 0; });
      continue;
    }
    lock.unlock();
    auto result = m_source->frame(target);
    QImage img;
    if (result.ok())
      img = toImage(result.value());
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
    insert(target, img);
    if (!isRequest && target == m_wanted) {
      isRequest = true;
      m_wanted = -1;
    }
    if (isRequest)
      QMetaObject::invokeMethod(
          this, [this, target, img] { emit frameReady(target, img); }, Qt::QueuedConnection);
  }
}

} // namespace tacit
