#pragma once
// Rewrites a sidecar CSV whose headers differ from Tacit's native columns: picks our columns from
// theirs through a name map (ours -> theirs, e.g. accel_x=ax) and rescales the timestamp column to
// the native unit. Cells are copied verbatim (the series readers validate numbers afterwards).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::import {

struct CsvRemap {
  std::map<std::string, std::string> columns; // ours -> theirs; unmapped columns keep their name
  std::string timeColumn;                     // our timestamp column
  double timeScale = 1;                       // their unit -> our unit (e.g. 1e9 for seconds -> ns)
};

// Header names of `path` (trimmed).
Result<std::vector<std::string>> csvHeader(const std::filesystem::path &path);
// Our columns that cannot be found in `header` through the map.
std::vector<std::string> unmappedColumns(const std::vector<std::string> &header, const std::vector<std::string> &ours,
                                         const CsvRemap &remap);
// CSV text with exactly `ours` as header. Errors name the file and the missing columns.
Result<std::string> remapCsv(const std::filesystem::path &path, const std::vector<std::string> &ours,
                             const CsvRemap &remap);

} // namespace tacit::import
