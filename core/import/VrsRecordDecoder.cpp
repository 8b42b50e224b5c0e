#include "core/import/VrsRecordDecoder.h"

#include <cstdio>
#include <cstdlib>

namespace tacit::vrs {

namespace {

// Bytes per pixel of the packed formats, 0 for planar/packed-bit formats handled separately.
int bytesPerPixel(int pf) {
  switch (pf) {
  case 1:
  case 17:
  case 24:
  case 26: return 1; // GREY8, BAYER8_*
  case 2:
  case 4: return 3; // BGR8, RGB8
  case 3: return 4; // DEPTH32F
  case 6: return 4; // RGBA8
  case 7:
  case 8: return 6; // RGB10, RGB12 (16-bit containers)
  case 9:
  case 10:
  case 11:
  case 25: return 2;  // GREY10/12/16, BAYER10 (16-bit containers)
  case 12: return 12; // RGB32F
  case 13: return 8;  // SCALAR64F
  case 14: return 2;  // YUY2
  case 15: return 1;  // RGB_IR_RAW_4X4
  case 16: return 16; // RGBA32F
  default: return 0;
  }
}

} // namespace

int defaultStride(int pf, int width) {
  switch (pf) {
  case 5:
  case 21:
  case 22: return width; // planar YUV: luma stride
  case 18:
  case 19:
  case 20:
  case 23: return (width * 5 + 3) / 4; // RAW10 / GREY10PACKED: 4 px in 5 bytes
  default: return width * bytesPerPixel(pf);
  }
}

std::size_t rawImageBytes(int pf, int width, int height, int stride) {
  if (width <= 0 || height <= 0)
    return 0;
  if (stride <= 0)
    stride = defaultStride(pf, width);
  if (stride <= 0)
    return 0;
  std::size_t plane = std::size_t(stride) * std::size_t(height);
  switch (pf) {
  case 5:
  case 21:
  case 22: // Y plane + two quarter-size chroma planes (or one interleaved)
    return plane + 2 * (std::size_t((width + 1) / 2) * std::size_t((height + 1) / 2));
  default: return plane;
  }
}

std::optional<std::int64_t> DecodedRecord::integer(const std::string &name) const {
  for (const auto &l : layouts)
    if (auto v = l.integer(name))
      return v;
  return std::nullopt;
}
std::optional<double> DecodedRecord::number(const std::string &name) const {
  for (const auto &l : layouts)
    if (auto v = l.number(name))
      return v;
  return std::nullopt;
}
std::optional<std::vector<double>> DecodedRecord::numbers(const std::string &name) const {
  for (const auto &l : layouts)
    if (auto v = l.numbers(name))
      return v;
  return std::nullopt;
}
std::optional<std::string> DecodedRecord::string(const std::string &name) const {
  for (const auto &l : layouts)
    if (auto v = l.string(name))
      return v;
  return std::nullopt;
}

RecordDecoder::RecordDecoder(const Reader &reader, StreamId stream) : m_reader(reader), m_stream(stream) {}

std::string RecordDecoder::err(const Record &r, const std::string &what) const {
  return m_reader.fileName() + ": stream " + m_stream.str() + " " + recordTypeName(r.info.type) + " record at " +
         std::to_string(r.info.timestamp) + " s: " + what;
}

Result<std::shared_ptr<const DataLayout>> RecordDecoder::layoutFor(RecordType type, std::uint32_t version,
                                                                   std::size_t block) {
  using R = Result<std::shared_ptr<const DataLayout>>;
  auto key = std::make_tuple(int(type), version, block);
  if (auto it = m_layouts.find(key); it != m_layouts.end())
    return it->second;
  const StreamInfo *s = m_reader.stream(m_stream);
  std::string json = s ? s->dataLayoutJson(type, version, block) : std::string();
  if (json.empty())
    return R::failure("no DL:" + std::string(recordTypeName(type)) + ":" + std::to_string(version) + ":" +
                      std::to_string(block) + " data layout tag");
  auto dl = DataLayout::fromJson(json);
  if (!dl)
    return R::failure(dl.error());
  auto ptr = std::make_shared<const DataLayout>(dl.takeValue());
  m_layouts[key] = ptr;
  return ptr;
}

Result<DecodedRecord> RecordDecoder::read(const RecordInfo &info) {
  if (info.type == RecordType::Data && !m_config) {
    // Raw images are sized by the latest configuration before this record.
    const RecordInfo *cfg = nullptr;
    for (const auto &r : m_reader.records()) {
      if (r.stream == m_stream && r.type == RecordType::Configuration &&
          (r.timestamp < info.timestamp || (r.timestamp == info.timestamp && r.offset < info.offset)))
        cfg = &r;
    }
    if (cfg) {
      auto rec = m_reader.readRecord(*cfg);
      if (!rec)
        return Result<DecodedRecord>::failure(rec.error());
      if (auto d = decode(*rec); !d)
        return d;
    }
  }
  auto rec = m_reader.readRecord(info);
  if (!rec)
    return Result<DecodedRecord>::failure(rec.error());
  return decode(*rec);
}

Result<DecodedRecord> RecordDecoder::decode(const Record &record) {
  using R = Result<DecodedRecord>;
  const StreamInfo *s = m_reader.stream(m_stream);
  std::string rfText = s ? s->recordFormat(record.info.type, record.formatVersion) : std::string();
  DecodedRecord out;
  out.info = record.info;
  out.formatVersion = record.formatVersion;
  if (rfText.empty()) {
    if (record.payload.empty() || record.info.type == RecordType::State)
      return out; // nothing to decode (state records are usually empty)
    return R::failure(err(record, "unknown record format (no RF:" + std::string(recordTypeName(record.info.type)) +
                                      ":" + std::to_string(record.formatVersion) + " tag)"));
  }
  auto rf = RecordFormat::parse(rfText);
  if (!rf)
    return R::failure(err(record, rf.error()));

  const std::uint8_t *data = record.payload.data();
  std::size_t remaining = record.payload.size();
  for (std::size_t bi = 0; bi < rf->blocks.size(); ++bi) {
    const ContentBlock &b = rf->blocks[bi];
    const bool last = bi + 1 == rf->blocks.size();
    std::size_t size = remaining;
    std::shared_ptr<const DataLayout> layout;
    if (b.kind == BlockKind::DataLayout) {
      auto l = layoutFor(record.info.type, record.formatVersion, bi);
      if (!l)
        return R::failure(err(record, l.error()));
      layout = l.takeValue();
      if (b.size) {
        size = *b.size;
      } else {
        auto sz = layout->blockSize(data, remaining);
        if (!sz)
          return R::failure(err(record, sz.error()));
        size = *sz;
      }
    } else if (b.size) {
      size = *b.size;
    } else if (!last && b.kind == BlockKind::Image && b.format == "raw") {
      size = 0; // sized below from the image dimensions
    } else if (!last && b.kind != BlockKind::Empty) {
      return R::failure(err(record, "cannot tell the size of block " + std::to_string(bi) + " in '" + rfText + "'"));
    }
    if (b.kind == BlockKind::Empty)
      size = b.size.value_or(0);

    if (b.kind == BlockKind::Image) {
      ImageBlock img;
      img.format = b.format;
      if (auto it = b.params.find("codec"); it != b.params.end())
        img.codec = it->second;
      // Dimensions: this record's layout, else the configuration's, else the format string.
      auto dim = [&](const char *name) -> int {
        if (auto v = out.integer(name))
          return int(*v);
        if (m_config)
          if (auto v = m_config->integer(name))
            return int(*v);
        return 0;
      };
      img.width = dim("image_width");
      img.height = dim("image_height");
      img.stride = dim("image_stride");
      img.pixelFormat = dim("image_pixel_format");
      for (const auto &t : b.tokens) {
        int w = 0, h = 0;
        if (std::sscanf(t.c_str(), "%dx%d", &w, &h) == 2 && img.width == 0) {
          img.width = w;
          img.height = h;
        }
      }
      if (auto it = b.params.find("stride"); it != b.params.end() && img.stride == 0)
        img.stride = std::atoi(it->second.c_str());
      if (img.format == "raw") {
        std::size_t need = rawImageBytes(img.pixelFormat, img.width, img.height, img.stride);
        if (need == 0)
          return R::failure(err(record, "raw image without usable size or pixel format (width " +
                                            std::to_string(img.width) + ", height " + std::to_string(img.height) +
                                            ", pixel format " + std::to_string(img.pixelFormat) + ")"));
        if (!last && !b.size)
          size = need;
        if (size < need || size > remaining)
          return R::failure(err(record, "raw image block has " + std::to_string(std::min(size, remaining)) +
                                            " bytes, " + std::to_string(need) + " expected"));
      }
      if (size > remaining)
        return R::failure(err(record, "image block runs past the end of the record"));
      img.bytes.assign(data, data + size);
      out.image = std::move(img);
    } else if (size > remaining) {
      return R::failure(err(record, "block " + std::to_string(bi) + " runs past the end of the record"));
    } else if (b.kind == BlockKind::DataLayout) {
      if (size < layout->fixedSize())
        return R::failure(err(record, "data layout block is shorter than its fixed part"));
      out.layouts.emplace_back(layout, data, size);
    } else if (b.kind == BlockKind::Audio) {
      out.audio = AudioBlock{b, std::vector<std::uint8_t>(data, data + size)};
    }
    data += size;
    remaining -= size;
  }
  if (record.info.type == RecordType::Configuration)
    m_config = out;
  return out;
}

} // namespace tacit::vrs
