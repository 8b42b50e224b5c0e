#pragma once
// Clean-room, read-only VRS reader written from the documented layout (shared/docs/FORMATS.md §2):
// file header, description record (stream tags, file tags), index record (classic or front index),
// sequential rebuild when the index is missing or short, chunked files, lz4/zstd payloads.
// Thread-compatible: one reader per thread (reads share FILE* handles).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/import/VrsChunkedFile.h"
#include "core/import/VrsTypes.h"
#include "core/util/Result.h"

namespace tacit::vrs {

struct Record {
  RecordInfo info;
  std::uint32_t formatVersion = 0;
  std::vector<std::uint8_t> payload; // decompressed
};

class Reader {
public:
  static Result<Reader> open(const std::filesystem::path &path);

  std::string fileName() const { return m_file.displayName(); }
  std::string formatVersion() const { return m_formatVersion; } // "VRS1", "VRS2", ...
  const std::map<std::string, std::string> &fileTags() const { return m_fileTags; }
  std::string fileTag(const std::string &key) const;
  const std::vector<StreamInfo> &streams() const { return m_streams; }
  const StreamInfo *stream(StreamId id) const;
  // All user records sorted by (timestamp, stream, offset); TAGS records are not included.
  const std::vector<RecordInfo> &records() const { return m_records; }
  std::vector<RecordInfo> records(StreamId id, RecordType type) const;
  // Problems found while opening that did not stop it (index rebuilt, file cut short ...).
  const std::vector<std::string> &warnings() const { return m_warnings; }
  // True when the file ends inside a record or the index lists records past the end of the file.
  bool truncated() const { return m_truncated; }

  // Reads and decompresses one record; checks its header against the index.
  Result<Record> readRecord(const RecordInfo &info) const;

private:
  struct Header;
  Status readHeader(Header &h);
  Status readDescription(std::uint64_t offset);
  Status readIndex(const Header &h, std::uint64_t firstRecord);
  void scanRecords(std::uint64_t from, std::uint64_t end);
  Status applyTagsRecord(const RecordInfo &info);
  void finish();
  std::string err(const std::string &what) const { return fileName() + ": " + what; }

  ChunkedFile m_file;
  std::string m_formatVersion;
  std::uint32_t m_recordHeaderSize = 32;
  std::map<std::string, std::string> m_fileTags;
  std::vector<StreamInfo> m_streams;
  std::vector<RecordInfo> m_records;
  std::vector<std::string> m_warnings;
  bool m_truncated = false;
};

} // namespace tacit::vrs
