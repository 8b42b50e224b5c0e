#pragma once
// Splits the records of one VRS stream into content blocks using the stream's RecordFormat and
// DataLayout tags (FORMATS §2.2). Keeps the latest configuration record, which gives raw image
// sizes. One decoder per stream; not thread-safe.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/import/VrsDataLayout.h"
#include "core/import/VrsReader.h"
#include "core/import/VrsRecordFormat.h"

namespace tacit::vrs {

struct ImageBlock {
  std::string format; // raw | jpg | png | jxl | video
  std::string codec;  // video: "H.264", "H.265" ...
  int width = 0, height = 0, stride = 0;
  int pixelFormat = 0; // VRS enum (1 GREY8, 2 BGR8, 4 RGB8 ...), raw only
  std::vector<std::uint8_t> bytes;
};

struct AudioBlock {
  ContentBlock format; // tokens like "int32le", params channels / rate
  std::vector<std::uint8_t> bytes;
};

struct DecodedRecord {
  RecordInfo info;
  std::uint32_t formatVersion = 0;
  std::vector<DataLayoutBlock> layouts;
  std::optional<ImageBlock> image;
  std::optional<AudioBlock> audio;
  // First layout in this record that has the field.
  std::optional<std::int64_t> integer(const std::string &name) const;
  std::optional<double> number(const std::string &name) const;
  std::optional<std::vector<double>> numbers(const std::string &name) const;
  std::optional<std::string> string(const std::string &name) const;
};

class RecordDecoder {
public:
  RecordDecoder(const Reader &reader, StreamId stream);
  // Reads and decodes one record of this stream. Data records first load the latest
  // configuration record before them when none was decoded yet.
  Result<DecodedRecord> read(const RecordInfo &info);
  // Decodes an already read record (configuration records update the stored configuration).
  Result<DecodedRecord> decode(const Record &record);
  const std::optional<DecodedRecord> &configuration() const { return m_config; }

private:
  Result<std::shared_ptr<const DataLayout>> layoutFor(RecordType type, std::uint32_t version, std::size_t block);
  std::string err(const Record &r, const std::string &what) const;

  const Reader &m_reader;
  StreamId m_stream;
  std::optional<DecodedRecord> m_config;
  std::map<std::tuple<int, std::uint32_t, std::size_t>, std::shared_ptr<const DataLayout>> m_layouts;
};

// Bytes one raw image needs for a VRS pixel format; 0 when the format is unknown.
std::size_t rawImageBytes(int pixelFormat, int width, int height, int stride);
int defaultStride(int pixelFormat, int width);

} // namespace tacit::vrs
