#pragma once
// The binary, columnar file a series cache entry is (docs/recording-format.md "Caches"): one header,
// a JSON block (channel names, what was loaded, the CSV load's warnings with their line numbers and
// its stats), then 64-byte aligned columns: the int64 times, each channel's values (float or double)
// and every level of the min/max pyramid. mapSeriesFile maps it read-only: the series' columns are
// views into the mapping, so opening costs no parse and no copy, and only the pages a view touches
// are read. Native byte order (a per-machine cache); a file that does not match the layout it
// declares (truncated, another version, another value type) is an error, and the caller rebuilds it.
#include <filesystem>
#include <string>
#include <vector>

#include "core/series/CsvTable.h"
#include "core/series/Series.h"
#include "core/util/Result.h"

namespace tacit::series {

struct SeriesFileMeta {
  std::string kind;                  // what the file holds: "imu", "hands", "trajectory", "gaze"
  std::string layout;                // kind-specific variant (hand or gaze layout, trajectory kind); may be empty
  std::vector<std::string> warnings; // of the CSV load (malformed rows with line numbers, reordering)
  CsvLoadStats stats;
};

template <typename T> struct MappedSeries {
  BasicSeries<T> series;
  SeriesFileMeta meta;
};

// Writes to a temporary file beside `path`, then renames it into place (readers never see a partial
// file). The series must be finished.
template <typename T>
Status writeSeriesFile(const std::filesystem::path &path, const BasicSeries<T> &series, const SeriesFileMeta &meta);

template <typename T> Result<MappedSeries<T>> mapSeriesFile(const std::filesystem::path &path);

extern template Status writeSeriesFile<float>(const std::filesystem::path &, const BasicSeries<float> &,
                                              const SeriesFileMeta &);
extern template Status writeSeriesFile<double>(const std::filesystem::path &, const BasicSeries<double> &,
                                               const SeriesFileMeta &);
extern template Result<MappedSeries<float>> mapSeriesFile<float>(const std::filesystem::path &);
extern template Result<MappedSeries<double>> mapSeriesFile<double>(const std::filesystem::path &);

} // namespace tacit::series
