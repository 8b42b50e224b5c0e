#pragma once
// On-disk cache of FrameIndex so a second open of the same file is instant:
//   <cacheDir>/<sha1(absolute path, size, mtime, stream)>.idx
// cacheDir defaults to $XDG_CACHE_HOME/tacit/index (or ~/.cache/tacit/index).
// A changed file (size or mtime) gets a new key; unreadable cache files are rebuilt.
#include <filesystem>
#include <optional>
#include <string>

#include "core/media/FrameIndex.h"

namespace tacit::media {

class FrameIndexCache {
public:
  explicit FrameIndexCache(std::filesystem::path dir = defaultDirectory());
  static std::filesystem::path defaultDirectory();

  // Cache file for this media file and stream; empty if the file cannot be stat'ed.
  std::filesystem::path entryPath(const std::filesystem::path &media, int streamIndex) const;
  std::optional<FrameIndex> load(const std::filesystem::path &media, int streamIndex) const;
  // Best effort: a read-only cache folder only costs a rescan next time.
  bool store(const std::filesystem::path &media, int streamIndex, const FrameIndex &index) const;

private:
  std::filesystem::path m_dir;
};

} // namespace tacit::media
