#include "core/import/VrsReader.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "core/import/VrsDecompress.h"

static_assert(std::endian::native == std::endian::little, "the VRS reader assumes a little-endian host");

namespace tacit::vrs {

namespace {

constexpr std::uint32_t kFileHeaderMinSize = 80;
constexpr std::uint32_t kRecordHeaderMinSize = 32;
constexpr std::int32_t kIndexTypeId = 1;
constexpr std::int32_t kDescriptionTypeId = 2;
constexpr std::size_t kDiskStreamIdSize = 6;
constexpr std::size_t kDiskRecordInfoSize = 19;
constexpr std::size_t kMaxMetadataRecord = 256u << 20; // description/index larger than this is damage

template <typename T> T get(const std::uint8_t *p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

struct RecordHeader {
  std::uint32_t recordSize = 0, previousRecordSize = 0;
  std::int32_t typeId = 0;
  std::uint32_t formatVersion = 0;
  double timestamp = 0;
  std::uint16_t instanceId = 0;
  std::uint8_t recordType = 0, compression = 0;
  std::uint32_t uncompressedSize = 0;

  void parse(const std::uint8_t *p) {
    recordSize = get<std::uint32_t>(p);
    previousRecordSize = get<std::uint32_t>(p + 4);
    typeId = get<std::int32_t>(p + 8);
    formatVersion = get<std::uint32_t>(p + 12);
    timestamp = get<double>(p + 16);
    instanceId = get<std::uint16_t>(p + 24);
    recordType = p[26];
    compression = p[27];
    uncompressedSize = get<std::uint32_t>(p + 28);
  }
};

// Cursor over a byte buffer that never reads past the end.
class Cursor {
public:
  Cursor(const std::uint8_t *data, std::size_t size) : m_p(data), m_end(data + size) {}
  bool u32(std::uint32_t &v) { return take(&v, 4); }
  bool streamId(StreamId &id) { return take(&id.typeId, 4) && take(&id.instanceId, 2); }
  bool string(std::string &s) {
    std::uint32_t n;
    if (!u32(n) || n > std::size_t(m_end - m_p))
      return false;
    s.assign(reinterpret_cast<const char *>(m_p), n);
    m_p += n;
    return true;
  }
  bool map(std::map<std::string, std::string> &m) {
    std::uint32_t n;
    if (!u32(n))
      return false;
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string k, v;
      if (!string(k) || !string(v))
        return false;
      m[k] = v;
    }
    return true;
  }
  std::size_t remaining() const { return std::size_t(m_end - m_p); }
  const std::uint8_t *pos() const { return m_p; }

private:
  bool take(void *dest, std::size_t n) {
    if (remaining() < n)
      return false;
    std::memcpy(dest, m_p, n);
    m_p += n;
    return true;
  }
  const std::uint8_t *m_p, *m_end;
};

} // namespace

struct Reader::Header {
  std::uint32_t fileHeaderSize = 0, recordHeaderSize = 0;
  std::int64_t indexOffset = 0, descriptionOffset = 0, firstUserRecordOffset = 0;
};

Result<Reader> Reader::open(const std::filesystem::path &path) {
  auto file = ChunkedFile::open(path);
  if (!file)
    return Result<Reader>::failure(file.error());
  Reader r;
  r.m_file = file.takeValue();
  Header h;
  if (auto s = r.readHeader(h); !s)
    return Result<Reader>::failure(s.error());
  if (auto s = r.readDescription(std::uint64_t(h.descriptionOffset)); !s)
    return Result<Reader>::failure(s.error());
  std::uint64_t firstRecord = std::uint64_t(h.firstUserRecordOffset);
  if (firstRecord == 0) {
    std::uint8_t buf[kRecordHeaderMinSize];
    r.m_file.read(std::uint64_t(h.descriptionOffset), buf, sizeof buf);
    firstRecord = std::uint64_t(h.descriptionOffset) + get<std::uint32_t>(buf);
  }
  if (auto s = r.readIndex(h, firstRecord); !s)
    return Result<Reader>::failure(s.error());
  r.finish();
  return r;
}

Status Reader::readHeader(Header &h) {
  std::uint8_t buf[kFileHeaderMinSize];
  if (!m_file.read(0, buf, sizeof buf))
    return Status::failure(err("not a VRS file (shorter than the 80-byte file header)"));
  if (std::memcmp(buf, "VisionRe", 8) != 0 || std::memcmp(buf + 72, "cord", 4) != 0)
    return Status::failure(err("not a VRS file (magic bytes 'VisionRe...cord' missing)"));
  h.fileHeaderSize = get<std::uint32_t>(buf + 16);
  h.recordHeaderSize = get<std::uint32_t>(buf + 20);
  h.indexOffset = get<std::int64_t>(buf + 24);
  h.descriptionOffset = get<std::int64_t>(buf + 32);
  h.firstUserRecordOffset = get<std::int64_t>(buf + 40);
  m_formatVersion.assign(reinterpret_cast<const char *>(buf + 76), 4);
  if (h.fileHeaderSize < kFileHeaderMinSize || h.recordHeaderSize < kRecordHeaderMinSize || h.recordHeaderSize > 4096)
    return Status::failure(err("file header has invalid sizes (file header " + std::to_string(h.fileHeaderSize) +
                               ", record header " + std::to_string(h.recordHeaderSize) + ")"));
  m_recordHeaderSize = h.recordHeaderSize;
  if (h.descriptionOffset <= 0)
    h.descriptionOffset = h.fileHeaderSize;
  if (std::uint64_t(h.descriptionOffset) >= m_file.size())
    return Status::failure(err("file is truncated: description record at byte " + std::to_string(h.descriptionOffset) +
                               " is past the end"));
  return okStatus();
}

Status Reader::readDescription(std::uint64_t offset) {
  std::vector<std::uint8_t> head(m_recordHeaderSize);
  RecordHeader rh;
  if (!m_file.read(offset, head.data(), head.size()))
    return Status::failure(err("file is truncated inside the description record"));
  rh.parse(head.data());
  if (rh.typeId != kDescriptionTypeId)
    return Status::failure(err("no description record at byte " + std::to_string(offset) + " (type id " +
                               std::to_string(rh.typeId) + ")"));
  if (rh.recordSize < m_recordHeaderSize || rh.recordSize > kMaxMetadataRecord)
    return Status::failure(err("description record has an invalid size " + std::to_string(rh.recordSize)));
  std::vector<std::uint8_t> stored(rh.recordSize - m_recordHeaderSize);
  if (!m_file.read(offset + m_recordHeaderSize, stored.data(), stored.size()))
    return Status::failure(err("file is truncated inside the description record"));
  auto payload = decompress(Compression(rh.compression), stored.data(), stored.size(), rh.uncompressedSize);
  if (!payload)
    return Status::failure(err("description record: " + payload.error()));
  if (rh.formatVersion != 2)
    return Status::failure(
        err("description record format " + std::to_string(rh.formatVersion) + " is not supported (only 2)"));
  Cursor c(payload->data(), payload->size());
  std::uint32_t count = 0;
  if (!c.u32(count) || count > 100000)
    return Status::failure(err("description record is damaged (stream count)"));
  for (std::uint32_t i = 0; i < count; ++i) {
    StreamInfo s;
    if (!c.streamId(s.id) || !c.map(s.userTags) || !c.map(s.vrsTags))
      return Status::failure(err("description record is damaged (stream " + std::to_string(i) + ")"));
    m_streams.push_back(std::move(s));
  }
  if (!c.map(m_fileTags))
    return Status::failure(err("description record is damaged (file tags)"));
  return okStatus();
}

Status Reader::readIndex(const Header &h, std::uint64_t firstRecord) {
  const std::uint64_t fileSize = m_file.size();
  const std::uint64_t indexOffset = h.indexOffset > 0 ? std::uint64_t(h.indexOffset) : 0;
  const bool indexAtEnd = indexOffset > firstRecord;
  // Records live between firstRecord and the index (classic) or the end of the file (front index).
  std::uint64_t recordsEnd = indexAtEnd ? std::min(indexOffset, fileSize) : fileSize;
  if (indexOffset == 0 || indexOffset >= fileSize) {
    if (indexOffset > 0) {
      m_truncated = true;
      m_warnings.push_back(err("file is truncated: the index record at byte " + std::to_string(indexOffset) +
                               " is past the end (" + std::to_string(fileSize) + " bytes); records rebuilt"));
    } else {
      m_warnings.push_back(err("file has no index record; records rebuilt by scanning"));
    }
    scanRecords(firstRecord, fileSize);
    return okStatus();
  }

  std::vector<std::uint8_t> head(m_recordHeaderSize);
  RecordHeader rh;
  bool ok = m_file.read(indexOffset, head.data(), head.size());
  if (ok)
    rh.parse(head.data());
  if (!ok || rh.typeId != kIndexTypeId || rh.recordSize < m_recordHeaderSize || rh.recordSize > kMaxMetadataRecord ||
      indexOffset + rh.recordSize > fileSize) {
    m_warnings.push_back(err("index record is missing or damaged; records rebuilt by scanning"));
    scanRecords(firstRecord, recordsEnd);
    return okStatus();
  }
  std::vector<std::uint8_t> stored(rh.recordSize - m_recordHeaderSize);
  m_file.read(indexOffset + m_recordHeaderSize, stored.data(), stored.size());

  // Classic index (v2): stream list and record count are stored plainly; only the record array
  // is compressed. Split index (v3): the record array alone.
  Cursor c(stored.data(), stored.size());
  std::uint32_t recordCount = 0;
  if (rh.formatVersion == 2) {
    std::uint32_t streamCount = 0;
    if (!c.u32(streamCount) || std::size_t(streamCount) * kDiskStreamIdSize > c.remaining())
      return Status::failure(err("index record is damaged (stream list)"));
    for (std::uint32_t i = 0; i < streamCount; ++i) {
      StreamId id;
      c.streamId(id);
    }
    if (!c.u32(recordCount))
      return Status::failure(err("index record is damaged (record count)"));
  }
  std::size_t prelude = std::size_t(c.pos() - stored.data());
  std::vector<std::uint8_t> array;
  if (rh.compression != 0) {
    if (rh.uncompressedSize < prelude)
      return Status::failure(err("index record is damaged (uncompressed size)"));
    auto d = decompress(Compression(rh.compression), c.pos(), c.remaining(), rh.uncompressedSize - prelude);
    if (!d)
      return Status::failure(err("index record: " + d.error()));
    array = d.takeValue();
  } else {
    array.assign(c.pos(), c.pos() + c.remaining());
  }
  if (rh.formatVersion != 2)
    recordCount = std::uint32_t(array.size() / kDiskRecordInfoSize);
  if (std::size_t(recordCount) * kDiskRecordInfoSize > array.size())
    return Status::failure(err("index record is damaged: " + std::to_string(recordCount) + " records announced, " +
                               std::to_string(array.size() / kDiskRecordInfoSize) + " stored"));

  std::uint64_t offset = firstRecord;
  std::size_t cut = 0;
  for (std::uint32_t i = 0; i < recordCount; ++i) {
    const std::uint8_t *p = array.data() + std::size_t(i) * kDiskRecordInfoSize;
    RecordInfo r;
    r.timestamp = get<double>(p);
    r.size = get<std::uint32_t>(p + 8);
    r.type = RecordType(p[12]);
    r.stream.typeId = get<std::int32_t>(p + 13);
    r.stream.instanceId = get<std::uint16_t>(p + 17);
    r.offset = offset;
    if (r.size < m_recordHeaderSize)
      return Status::failure(
          err("index record is damaged: record " + std::to_string(i) + " has size " + std::to_string(r.size)));
    offset += r.size;
    if (offset > recordsEnd) {
      cut = recordCount - i;
      break;
    }
    m_records.push_back(r);
  }
  if (cut > 0) {
    m_truncated = true;
    m_warnings.push_back(err("file is truncated: the index lists " + std::to_string(recordCount) +
                             " records but only " + std::to_string(recordCount - cut) + " are complete"));
  } else if (!indexAtEnd && offset < fileSize) {
    // A front index written before the recording ended can be short: pick up the rest by scanning.
    std::size_t before = m_records.size();
    scanRecords(offset, fileSize);
    if (m_records.size() > before)
      m_warnings.push_back(err(std::to_string(m_records.size() - before) + " records after the index were rebuilt"));
  }
  return okStatus();
}

void Reader::scanRecords(std::uint64_t pos, std::uint64_t end) {
  std::vector<std::uint8_t> head(m_recordHeaderSize);
  while (pos < end) {
    if (end - pos < m_recordHeaderSize || !m_file.read(pos, head.data(), head.size())) {
      m_truncated = true;
      m_warnings.push_back(err("file ends inside a record header at byte " + std::to_string(pos)));
      return;
    }
    RecordHeader rh;
    rh.parse(head.data());
    if (rh.recordSize < m_recordHeaderSize || rh.recordType < 1 || rh.recordType > 4) {
      m_warnings.push_back(err("invalid record header at byte " + std::to_string(pos) + "; later records ignored"));
      return;
    }
    if (rh.recordSize > end - pos) {
      m_truncated = true;
      m_warnings.push_back(err("file is truncated: the record at byte " + std::to_string(pos) + " needs " +
                               std::to_string(rh.recordSize) + " bytes, " + std::to_string(end - pos) + " remain"));
      return;
    }
    if (rh.typeId != kIndexTypeId && rh.typeId != kDescriptionTypeId)
      m_records.push_back({rh.timestamp, pos, rh.recordSize, RecordType(rh.recordType), {rh.typeId, rh.instanceId}});
    pos += rh.recordSize;
  }
}

Status Reader::applyTagsRecord(const RecordInfo &info) {
  // TAGS record payload = a DataLayout with two string maps (vrs tags, user tags): no fixed part,
  // a var index of two {offset,length} pairs, then each map as repeated (key, value) strings.
  auto rec = readRecord(info);
  if (!rec)
    return Status::failure(rec.error());
  const auto &b = rec->payload;
  if (b.size() < 16)
    return Status::failure(err("tags record of stream " + info.stream.str() + " is too short"));
  StreamInfo *s = nullptr;
  for (auto &st : m_streams)
    if (st.id == info.stream)
      s = &st;
  if (!s) {
    m_streams.push_back(StreamInfo{info.stream, {}, {}});
    s = &m_streams.back();
  }
  for (int m = 0; m < 2; ++m) {
    std::uint32_t off = get<std::uint32_t>(b.data() + 8 * m), len = get<std::uint32_t>(b.data() + 8 * m + 4);
    if (std::size_t(16) + off + len > b.size())
      return Status::failure(err("tags record of stream " + info.stream.str() + " is damaged"));
    Cursor c(b.data() + 16 + off, len);
    auto &target = m == 0 ? s->vrsTags : s->userTags;
    while (c.remaining() > 0) {
      std::string k, v;
      if (!c.string(k) || !c.string(v))
        return Status::failure(err("tags record of stream " + info.stream.str() + " is damaged"));
      target[k] = v;
    }
  }
  return okStatus();
}

void Reader::finish() {
  std::vector<RecordInfo> user;
  user.reserve(m_records.size());
  for (const auto &r : m_records) {
    if (r.type == RecordType::Tags) {
      if (auto s = applyTagsRecord(r); !s)
        m_warnings.push_back(s.error());
    } else {
      user.push_back(r);
    }
  }
  std::stable_sort(user.begin(), user.end(), [](const RecordInfo &a, const RecordInfo &b) {
    if (a.timestamp != b.timestamp)
      return a.timestamp < b.timestamp;
    return a.stream < b.stream;
  });
  m_records = std::move(user);
  for (const auto &r : m_records) {
    auto it = std::find_if(m_streams.begin(), m_streams.end(), [&](const StreamInfo &s) { return s.id == r.stream; });
    if (it == m_streams.end()) {
      m_warnings.push_back(err("stream " + r.stream.str() + " has records but no description"));
      m_streams.push_back(StreamInfo{r.stream, {}, {}});
      it = m_streams.end() - 1;
    }
    switch (r.type) {
    case RecordType::Configuration: ++it->configurationCount; break;
    case RecordType::State: ++it->stateCount; break;
    case RecordType::Data: ++it->dataCount; break;
    default: break;
    }
  }
  std::sort(m_streams.begin(), m_streams.end(), [](const StreamInfo &a, const StreamInfo &b) { return a.id < b.id; });
}

std::string Reader::fileTag(const std::string &key) const {
  auto it = m_fileTags.find(key);
  return it == m_fileTags.end() ? std::string() : it->second;
}

const StreamInfo *Reader::stream(StreamId id) const {
  for (const auto &s : m_streams)
    if (s.id == id)
      return &s;
  return nullptr;
}

std::vector<RecordInfo> Reader::records(StreamId id, RecordType type) const {
  std::vector<RecordInfo> out;
  for (const auto &r : m_records)
    if (r.stream == id && r.type == type)
      out.push_back(r);
  return out;
}

Result<Record> Reader::readRecord(const RecordInfo &info) const {
  auto fail = [&](const std::string &what) {
    return Result<Record>::failure(
        err("record of stream " + info.stream.str() + " at byte " + std::to_string(info.offset) + ": " + what));
  };
  std::vector<std::uint8_t> head(m_recordHeaderSize);
  if (!m_file.read(info.offset, head.data(), head.size()))
    return fail("file is truncated");
  RecordHeader rh;
  rh.parse(head.data());
  if (rh.recordSize != info.size || rh.typeId != info.stream.typeId || rh.instanceId != info.stream.instanceId ||
      rh.recordType != std::uint8_t(info.type))
    return fail("record header does not match the index (damaged file)");
  std::vector<std::uint8_t> stored(rh.recordSize - m_recordHeaderSize);
  if (!m_file.read(info.offset + m_recordHeaderSize, stored.data(), stored.size()))
    return fail("file is truncated");
  Record rec;
  rec.info = info;
  rec.formatVersion = rh.formatVersion;
  if (rh.compression == 0) {
    rec.payload = std::move(stored);
  } else {
    auto d = decompress(Compression(rh.compression), stored.data(), stored.size(), rh.uncompressedSize);
    if (!d)
      return fail(d.error());
    rec.payload = d.takeValue();
  }
  return rec;
}

} // namespace tacit::vrs
