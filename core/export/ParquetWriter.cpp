#include "core/export/ParquetWriter.h"

#include <cstring>
#include <fstream>
#include <zstd.h>

#include "core/export/ArrowSchema.h"
#include "core/export/ThriftCompactWriter.h"
#include "core/util/AtomicFile.h"

namespace tacit::exporting {
namespace {

// parquet.thrift enum values.
constexpr int kTypeInt64 = 2, kTypeFloat = 4, kTypeDouble = 5, kTypeByteArray = 6;
constexpr int kRepRequired = 0, kRepRepeated = 2;
constexpr int kConvertedUtf8 = 0, kConvertedList = 3;
constexpr int kEncodingPlain = 0, kEncodingRle = 3;
constexpr int kCodecUncompressed = 0, kCodecZstd = 6;
constexpr int kPageData = 0;

template <typename T> void appendLE(std::string &out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T)); // x86-64 / aarch64 are little-endian, as Parquet is
  out.append(buf, sizeof(T));
}

void appendVarint(std::string &out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// RLE/bit-packing hybrid with bit width 1, RLE runs only, prefixed by its 4-byte length (data page v1).
void appendLevels(std::string &out, const std::vector<std::uint8_t> &levels) {
  std::string runs;
  std::size_t i = 0;
  while (i < levels.size()) {
    std::size_t j = i;
    while (j < levels.size() && levels[j] == levels[i])
      ++j;
    appendVarint(runs, static_cast<std::uint64_t>(j - i) << 1);
    runs.push_back(static_cast<char>(levels[i]));
    i = j;
  }
  appendLE<std::uint32_t>(out, static_cast<std::uint32_t>(runs.size()));
  out += runs;
}

int physicalType(ParquetValueType t) {
  switch (t) {
  case ParquetValueType::Int64: return kTypeInt64;
  case ParquetValueType::Float32: return kTypeFloat;
  case ParquetValueType::Float64: return kTypeDouble;
  case ParquetValueType::String: return kTypeByteArray;
  }
  return kTypeInt64;
}

struct ChunkInfo {
  std::int64_t offset = 0, numValues = 0, uncompressed = 0, compressed = 0;
};

} // namespace

ParquetTable::Column ParquetTable::makeColumn(std::string name, ParquetValueType type, bool list, std::size_t rows) {
  Column c;
  c.name = std::move(name);
  c.type = type;
  c.list = list;
  c.rows = rows;
  return c;
}

std::size_t ParquetTable::Column::valueCount() const {
  switch (type) {
  case ParquetValueType::Int64: return i64.size();
  case ParquetValueType::Float32: return f32.size();
  case ParquetValueType::Float64: return f64.size();
  case ParquetValueType::String: return str.size();
  }
  return 0;
}

void ParquetTable::addInt64(std::string name, std::vector<std::int64_t> values) {
  Column c = makeColumn(std::move(name), ParquetValueType::Int64, false, 0);
  c.rows = values.size();
  c.i64 = std::move(values);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addFloat32(std::string name, std::vector<float> values) {
  Column c = makeColumn(std::move(name), ParquetValueType::Float32, false, 0);
  c.rows = values.size();
  c.f32 = std::move(values);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addFloat64(std::string name, std::vector<double> values) {
  Column c = makeColumn(std::move(name), ParquetValueType::Float64, false, 0);
  c.rows = values.size();
  c.f64 = std::move(values);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addString(std::string name, std::vector<std::string> values) {
  Column c = makeColumn(std::move(name), ParquetValueType::String, false, 0);
  c.rows = values.size();
  c.str = std::move(values);
  m_columns.push_back(std::move(c));
}

template <typename T>
static void fillList(std::vector<std::uint32_t> &sizes, std::vector<T> &flat, const std::vector<std::vector<T>> &rows) {
  for (const auto &r : rows) {
    sizes.push_back(static_cast<std::uint32_t>(r.size()));
    flat.insert(flat.end(), r.begin(), r.end());
  }
}

void ParquetTable::addInt64List(std::string name, const std::vector<std::vector<std::int64_t>> &rows) {
  Column c = makeColumn(std::move(name), ParquetValueType::Int64, true, rows.size());
  fillList(c.listSizes, c.i64, rows);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addFloat32List(std::string name, const std::vector<std::vector<float>> &rows) {
  Column c = makeColumn(std::move(name), ParquetValueType::Float32, true, rows.size());
  fillList(c.listSizes, c.f32, rows);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addFloat64List(std::string name, const std::vector<std::vector<double>> &rows) {
  Column c = makeColumn(std::move(name), ParquetValueType::Float64, true, rows.size());
  fillList(c.listSizes, c.f64, rows);
  m_columns.push_back(std::move(c));
}
void ParquetTable::addStringList(std::string name, const std::vector<std::vector<std::string>> &rows) {
  Column c = makeColumn(std::move(name), ParquetValueType::String, true, rows.size());
  fillList(c.listSizes, c.str, rows);
  m_columns.push_back(std::move(c));
}

void ParquetTable::setMetadata(std::string key, std::string value) {
  for (auto &kv : m_metadata)
    if (kv.first == key) {
      kv.second = std::move(value);
      return;
    }
  m_metadata.emplace_back(std::move(key), std::move(value));
}

Result<std::string> ParquetTable::serialize(ParquetCompression compression) const {
  using R = Result<std::string>;
  if (m_columns.empty())
    return R::failure("parquet: table has no columns");
  const std::size_t rows = m_columns.front().rows;
  for (const auto &c : m_columns)
    if (c.rows != rows)
      return R::failure("parquet: column '" + c.name + "' has " + std::to_string(c.rows) + " rows, expected " +
                        std::to_string(rows));

  std::string out = "PAR1";
  std::vector<ChunkInfo> chunks;
  for (const auto &c : m_columns) {
    // Page body: [repetition levels][definition levels] values.
    std::string body;
    std::int64_t numValues = static_cast<std::int64_t>(c.rows);
    if (c.list) {
      std::vector<std::uint8_t> rep, def;
      for (std::uint32_t n : c.listSizes) {
        if (n == 0) {
          rep.push_back(0);
          def.push_back(0);
          continue;
        }
        for (std::uint32_t k = 0; k < n; ++k) {
          rep.push_back(k == 0 ? 0 : 1);
          def.push_back(1);
        }
      }
      numValues = static_cast<std::int64_t>(rep.size());
      appendLevels(body, rep);
      appendLevels(body, def);
    }
    switch (c.type) {
    case ParquetValueType::Int64:
      body.append(reinterpret_cast<const char *>(c.i64.data()), c.i64.size() * sizeof(std::int64_t));
      break;
    case ParquetValueType::Float32:
      body.append(reinterpret_cast<const char *>(c.f32.data()), c.f32.size() * sizeof(float));
      break;
    case ParquetValueType::Float64:
      body.append(reinterpret_cast<const char *>(c.f64.data()), c.f64.size() * sizeof(double));
      break;
    case ParquetValueType::String:
      for (const auto &s : c.str) {
        appendLE<std::uint32_t>(body, static_cast<std::uint32_t>(s.size()));
        body += s;
      }
      break;
    }
    if (body.size() > 0x7fffffffu)
      return R::failure("parquet: column '" + c.name + "' is larger than 2 GiB");

    std::string page = body;
    if (compression == ParquetCompression::Zstd) {
      page.resize(ZSTD_compressBound(body.size()));
      const std::size_t n = ZSTD_compress(page.data(), page.size(), body.data(), body.size(), 3);
      if (ZSTD_isError(n))
        return R::failure(std::string("parquet: zstd failed: ") + ZSTD_getErrorName(n));
      page.resize(n);
    }

    ThriftCompactWriter header;
    header.fieldI32(1, kPageData);
    header.fieldI32(2, static_cast<std::int32_t>(body.size()));
    header.fieldI32(3, static_cast<std::int32_t>(page.size()));
    header.beginStructField(5);
    header.fieldI32(1, static_cast<std::int32_t>(numValues));
    header.fieldI32(2, kEncodingPlain);
    header.fieldI32(3, kEncodingRle);
    header.fieldI32(4, kEncodingRle);
    header.endStruct();
    const std::string &h = header.finish();

    ChunkInfo info;
    info.offset = static_cast<std::int64_t>(out.size());
    info.numValues = numValues;
    info.uncompressed = static_cast<std::int64_t>(h.size() + body.size());
    info.compressed = static_cast<std::int64_t>(h.size() + page.size());
    out += h;
    out += page;
    chunks.push_back(info);
  }

  ThriftCompactWriter meta;
  meta.fieldI32(1, 1);
  // Schema: root, then per column one leaf, or group(LIST) > repeated group "list" > leaf "element".
  std::size_t schemaCount = 1;
  for (const auto &c : m_columns)
    schemaCount += c.list ? 3 : 1;
  meta.beginListField(2, ThriftCompactWriter::kStruct, schemaCount);
  meta.beginStructElement();
  meta.fieldBinary(4, "schema");
  meta.fieldI32(5, static_cast<std::int32_t>(m_columns.size()));
  meta.endStruct();
  auto leaf = [&](const Column &c, const std::string &name) {
    meta.beginStructElement();
    meta.fieldI32(1, physicalType(c.type));
    meta.fieldI32(3, kRepRequired);
    meta.fieldBinary(4, name);
    if (c.type == ParquetValueType::String) {
      meta.fieldI32(6, kConvertedUtf8);
      meta.beginStructField(10); // LogicalType union: STRING = 1
      meta.beginStructField(1);
      meta.endStruct();
      meta.endStruct();
    }
    meta.endStruct();
  };
  for (const auto &c : m_columns) {
    if (!c.list) {
      leaf(c, c.name);
      continue;
    }
    meta.beginStructElement();
    meta.fieldI32(3, kRepRequired);
    meta.fieldBinary(4, c.name);
    meta.fieldI32(5, 1);
    meta.fieldI32(6, kConvertedList);
    meta.beginStructField(10); // LogicalType union: LIST = 3
    meta.beginStructField(3);
    meta.endStruct();
    meta.endStruct();
    meta.endStruct();
    meta.beginStructElement();
    meta.fieldI32(3, kRepRepeated);
    meta.fieldBinary(4, "list");
    meta.fieldI32(5, 1);
    meta.endStruct();
    leaf(c, "element");
  }
  meta.fieldI64(3, static_cast<std::int64_t>(rows));

  std::int64_t totalUncompressed = 0, totalCompressed = 0;
  for (const auto &ch : chunks) {
    totalUncompressed += ch.uncompressed;
    totalCompressed += ch.compressed;
  }
  meta.beginListField(4, ThriftCompactWriter::kStruct, 1);
  meta.beginStructElement(); // RowGroup
  meta.beginListField(1, ThriftCompactWriter::kStruct, m_columns.size());
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    const Column &c = m_columns[i];
    const ChunkInfo &ch = chunks[i];
    meta.beginStructElement(); // ColumnChunk
    meta.fieldI64(2, ch.offset);
    meta.beginStructField(3); // ColumnMetaData
    meta.fieldI32(1, physicalType(c.type));
    meta.beginListField(2, ThriftCompactWriter::kI32, 2);
    meta.elementI32(kEncodingPlain);
    meta.elementI32(kEncodingRle);
    if (c.list) {
      meta.beginListField(3, ThriftCompactWriter::kBinary, 3);
      meta.elementBinary(c.name);
      meta.elementBinary("list");
      meta.elementBinary("element");
    } else {
      meta.beginListField(3, ThriftCompactWriter::kBinary, 1);
      meta.elementBinary(c.name);
    }
    meta.fieldI32(4, compression == ParquetCompression::Zstd ? kCodecZstd : kCodecUncompressed);
    meta.fieldI64(5, ch.numValues);
    meta.fieldI64(6, ch.uncompressed);
    meta.fieldI64(7, ch.compressed);
    meta.fieldI64(9, ch.offset);
    meta.endStruct();
    meta.endStruct();
  }
  meta.fieldI64(2, totalUncompressed);
  meta.fieldI64(3, static_cast<std::int64_t>(rows));
  meta.fieldI64(5, chunks.front().offset);
  meta.fieldI64(6, totalCompressed);
  meta.endStruct();

  // Key-value metadata, plus the Arrow schema as pyarrow writes it.
  std::vector<ArrowColumn> arrowColumns;
  for (const auto &c : m_columns)
    arrowColumns.push_back({c.name, c.type, c.list, false});
  auto keyValues = m_metadata;
  keyValues.emplace_back("ARROW:schema", arrowSchemaBase64(arrowColumns, m_metadata));
  {
    meta.beginListField(5, ThriftCompactWriter::kStruct, keyValues.size());
    for (const auto &kv : keyValues) {
      meta.beginStructElement();
      meta.fieldBinary(1, kv.first);
      meta.fieldBinary(2, kv.second);
      meta.endStruct();
    }
  }
  meta.fieldBinary(6, std::string("tacit version ") + TACIT_EXPORT_TOOL_VERSION);
  const std::string &footer = meta.finish();
  out += footer;
  appendLE<std::uint32_t>(out, static_cast<std::uint32_t>(footer.size()));
  out += "PAR1";
  return out;
}

Status ParquetTable::write(const std::filesystem::path &path, ParquetCompression compression) const {
  auto bytes = serialize(compression);
  if (!bytes)
    return Status::failure(path.string() + ": " + bytes.error());
  return writeFileAtomically(path, *bytes); // says "disk full" naming the file
}

} // namespace tacit::exporting
