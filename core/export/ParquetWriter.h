#pragma once
// A small Parquet writer (no Parquet library exists in Debian 12): one row group, one PLAIN-encoded
// data page (v1) per column, levels as RLE runs, optional zstd, Thrift compact footer, key-value
// metadata (LeRobot's "huggingface" key, and "ARROW:schema" as pyarrow writes it). Supports required
// int64/float32/float64/string columns and required list<...> of those (Arrow's 3-level layout: <name>.list.element),
// which is all LeRobot datasets need. Validated against an independent reader (hyparquet) in tests/core/export.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/util/Result.h"

namespace tacit::exporting {

enum class ParquetValueType { Int64, Float32, Float64, String };
enum class ParquetCompression { None, Zstd };

class ParquetTable {
public:
  void addInt64(std::string name, std::vector<std::int64_t> values);
  void addFloat32(std::string name, std::vector<float> values);
  void addFloat64(std::string name, std::vector<double> values);
  void addString(std::string name, std::vector<std::string> values);
  void addInt64List(std::string name, const std::vector<std::vector<std::int64_t>> &rows);
  void addFloat32List(std::string name, const std::vector<std::vector<float>> &rows);
  void addFloat64List(std::string name, const std::vector<std::vector<double>> &rows);
  void addStringList(std::string name, const std::vector<std::vector<std::string>> &rows);
  void setMetadata(std::string key, std::string value);

  std::size_t columnCount() const { return m_columns.size(); }
  // Bytes of a complete .parquet file; fails when columns have different row counts.
  Result<std::string> serialize(ParquetCompression compression = ParquetCompression::None) const;
  // serialize() + write; errors name the file.
  Status write(const std::filesystem::path &path, ParquetCompression compression = ParquetCompression::None) const;

private:
  struct Column {
    std::string name;
    ParquetValueType type = ParquetValueType::Int64;
    bool list = false;
    std::size_t rows = 0;
    std::vector<std::uint32_t> listSizes; // per row, list columns only
    std::vector<std::int64_t> i64;
    std::vector<float> f32;
    std::vector<double> f64;
    std::vector<std::string> str;
    std::size_t valueCount() const;
  };
  static Column makeColumn(std::string name, ParquetValueType type, bool list, std::size_t rows);
  std::vector<Column> m_columns;
  std::vector<std::pair<std::string, std::string>> m_metadata;
};

} // namespace tacit::exporting
