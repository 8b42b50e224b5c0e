#include "core/media/FrameIndexCache.h"

#include <QCryptographicHash>
#include <cstdlib>
#include <system_error>

#include "core/util/AtomicFile.h"
#include "core/util/Logging.h"

namespace fs = std::filesystem;

namespace tacit::media {

FrameIndexCache::FrameIndexCache(fs::path dir) : m_dir(std::move(dir)) {}

fs::path FrameIndexCache::defaultDirectory() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "tacit" / "index";
  if (const char *home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "tacit" / "index";
  return fs::temp_directory_path() / "tacit-index";
}

fs::path FrameIndexCache::entryPath(const fs::path &media, int streamIndex) const {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(media, ec), ec);
  const auto size = fs::file_size(media, ec);
  if (ec)
    return {};
  const auto mtime = fs::last_write_time(media, ec).time_since_epoch().count();
  if (ec)
    return {};
  const std::string keyText =
      abs.string() + '\n' + std::to_string(size) + '\n' + std::to_string(mtime) + '\n' + std::to_string(streamIndex);
  const QByteArray hash = QCryptographicHash::hash(QByteArray::fromStdString(keyText), QCryptographicHash::Sha1);
  return m_dir / (hash.toHex().toStdString() + ".idx");
}

std::optional<FrameIndex> FrameIndexCache::load(const fs::path &media, int streamIndex) const {
  const fs::path entry = entryPath(media, streamIndex);
  std::error_code ec;
  if (entry.empty() || !fs::exists(entry, ec))
    return std::nullopt;
  auto bytes = readSmallFile(entry, 512u << 20);
  if (!bytes)
    return std::nullopt;
  auto idx = FrameIndex::deserialize(*bytes, entry.string());
  if (!idx) {
    logging::get("tacit.media")->warn("{}; rebuilding", idx.error());
    return std::nullopt;
  }
  return idx.takeValue();
}

bool FrameIndexCache::store(const fs::path &media, int streamIndex, const FrameIndex &index) const {
  const fs::path entry = entryPath(media, streamIndex);
  if (entry.empty())
    return false;
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  auto st = writeFileAtomically(entry, index.serialize());
  if (!st) {
    logging::get("tacit.media")->warn("frame index cache not written: {}", st.error());
    return false;
  }
  return true;
}

} // namespace tacit::media
