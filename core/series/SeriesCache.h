#pragma once
// Binary, memory-mapped columnar cache of sensor CSVs (docs/recording-format.md "Caches"), beside
// the frame-index cache: <dir>/<sha1(key)>.series, dir = $XDG_CACHE_HOME/tacit/series (or
// ~/.cache/tacit/series). The key is the CSV's absolute path, size, modification time, a SHA-1 of its
// first and last 64 KiB, what it is read as and the file format version, so an edited CSV gets a new
// entry. The first open parses the CSV (CsvTable) and writes the entry (SeriesFile); later opens map
// it. The CSV's warnings (malformed rows with line numbers) are stored in the entry and come back
// with every open. A read-only or full cache folder only costs a parse next time.
#include <filesystem>
#include <string_view>

#include "core/series/CsvTable.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"

namespace tacit::series {

class SeriesCache {
public:
  explicit SeriesCache(std::filesystem::path dir = defaultDirectory());
  // Parses every time and writes nothing (tests, tools that must not touch the cache).
  static SeriesCache disabled();
  static std::filesystem::path defaultDirectory();
  const std::filesystem::path &directory() const { return m_dir; }
  bool enabled() const { return m_enabled; }

  // Entry for `csv` read as `kind`; empty when the CSV cannot be stat'ed or read.
  std::filesystem::path entryPath(const std::filesystem::path &csv, std::string_view kind) const;

  // fromCache (optional) tells whether the entry was mapped (true) or the CSV parsed (false).
  Result<ImuSeries> imu(const std::filesystem::path &csv, CsvLoadStats *stats = nullptr,
                        bool *fromCache = nullptr) const;
  Result<HandSeries> hands(const std::filesystem::path &csv, CsvLoadStats *stats = nullptr,
                           bool *fromCache = nullptr) const;
  Result<TrajectorySeries> trajectory(const std::filesystem::path &csv, CsvLoadStats *stats = nullptr,
                                      bool *fromCache = nullptr) const;
  Result<GazeSeries> gaze(const std::filesystem::path &csv, CsvLoadStats *stats = nullptr,
                          bool *fromCache = nullptr) const;

private:
  template <typename S> Result<S> load(const std::filesystem::path &csv, CsvLoadStats *stats, bool *fromCache) const;

  std::filesystem::path m_dir;
  bool m_enabled = true;
};

} // namespace tacit::series
