#pragma once
// Streaming CSV -> BasicSeries loader shared by every sensor reader (IMU, hands, trajectory, gaze).
// Reads in fixed-size chunks (no whole-file copy), parses numbers with std::from_chars, keys on
// column names. Malformed rows are skipped with a warning naming the file and line; the first
// CsvTableSpec::maxWarnings are listed individually, then one summary line.
#include <cstddef>
#include <string>
#include <vector>

#include "core/series/Series.h"
#include "core/util/Result.h"

namespace tacit::series {

struct CsvTableSpec {
  std::string timestampColumn = "tracking_timestamp_us";
  Timestamp timestampScale = kNsPerUs; // file unit -> ns
  std::vector<std::string> columns;    // loaded as channels, in this order; all must be in the header
  std::vector<std::string> nullable;   // an empty cell in these reads as NaN instead of a bad row
  std::size_t maxWarnings = 20;
  std::string what = "CSV"; // for messages: "imu.csv: not an IMU CSV: ..."
};

struct CsvLoadStats {
  std::size_t rows = 0;        // rows kept
  std::size_t skippedRows = 0; // malformed rows
  std::size_t bytes = 0;
  bool reordered = false; // timestamps were not sorted in the file
  // Where the file's timestamps step back (row = index among kept rows, in file order); the first
  // kMaxBackwardSteps are listed, backwardCount counts them all. The series itself is sorted.
  struct BackwardStep {
    std::size_t row = 0;
    Timestamp from = 0, to = 0;
  };
  static constexpr std::size_t kMaxBackwardSteps = 100;
  std::vector<BackwardStep> backwardSteps;
  std::size_t backwardCount = 0;
};

// The header line split into trimmed names (BOM and CR removed). Error when the file cannot be read
// or is empty.
Result<std::vector<std::string>> readCsvHeader(const std::string &path);

// Names of `required` absent from `header`.
std::vector<std::string> missingColumns(const std::vector<std::string> &header,
                                        const std::vector<std::string> &required);
// "path: not a <what> file: missing columns a, b (expected: x, y, ...)" (long lists are shortened).
std::string missingColumnsMessage(const std::string &path, const std::string &what,
                                  const std::vector<std::string> &expected, const std::vector<std::string> &missing);

template <typename T>
Result<BasicSeries<T>> loadCsvTable(const std::string &path, const CsvTableSpec &spec, CsvLoadStats *stats = nullptr);

extern template Result<BasicSeries<float>> loadCsvTable<float>(const std::string &, const CsvTableSpec &,
                                                               CsvLoadStats *);
extern template Result<BasicSeries<double>> loadCsvTable<double>(const std::string &, const CsvTableSpec &,
                                                                 CsvLoadStats *);

} // namespace tacit::series
