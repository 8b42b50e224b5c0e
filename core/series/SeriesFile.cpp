#include "core/series/SeriesFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tacit::series {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr char kMagic[8] = {'T', 'A', 'C', 'I', 'T', 'S', 'E', 'R'};
constexpr char kTrailer[8] = {'T', 'A', 'C', 'I', 'T', 'E', 'N', 'D'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::uint64_t kAlign = 64;

struct FileHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t valueBytes; // sizeof(T): 4 float, 8 double
  std::uint64_t rows;
  std::uint32_t channels;
  std::uint32_t levels;
  std::uint64_t metaBytes;
  std::uint64_t totalBytes;
  std::uint32_t byteOrder;
  std::uint32_t reserved0;
  std::uint64_t reserved1;
};
static_assert(sizeof(FileHeader) == 64);

std::uint64_t aligned(std::uint64_t offset) {
  return (offset + kAlign - 1) / kAlign * kAlign;
}

// Blocks per pyramid level for n samples (the shape BasicSeries::finish builds).
std::vector<std::uint64_t> levelBlocks(std::uint64_t n) {
  std::vector<std::uint64_t> out;
  if (n < kPyramidFanout)
    return out;
  std::uint64_t blocks = (n + kPyramidFanout - 1) / kPyramidFanout;
  out.push_back(blocks);
  while (blocks > 1) {
    blocks = (blocks + kPyramidFanout - 1) / kPyramidFanout;
    out.push_back(blocks);
  }
  return out;
}

// Where each column starts, for a file of this shape.
struct Layout {
  std::uint64_t times = 0;
  std::vector<std::uint64_t> channels;
  std::vector<std::vector<std::uint64_t>> levels; // [level][channel]
  std::uint64_t trailer = 0;
  std::uint64_t total = 0;
};

Layout layoutFor(std::uint64_t metaBytes, std::uint64_t rows, std::uint64_t channels, std::uint64_t valueBytes,
                 const std::vector<std::uint64_t> &blocks) {
  Layout l;
  std::uint64_t at = aligned(sizeof(FileHeader) + metaBytes);
  l.times = at;
  at = aligned(at + rows * sizeof(Timestamp));
  for (std::uint64_t c = 0; c < channels; ++c) {
    l.channels.push_back(at);
    at = aligned(at + rows * valueBytes);
  }
  for (std::uint64_t b : blocks) {
    auto &lvl = l.levels.emplace_back();
    for (std::uint64_t c = 0; c < channels; ++c) {
      lvl.push_back(at);
      at = aligned(at + 2 * b * sizeof(float));
    }
  }
  l.trailer = at;
  l.total = at + sizeof(kTrailer);
  return l;
}

json metaJson(const std::vector<std::string> &names, const SeriesFileMeta &m) {
  return {{"names", names},
          {"kind", m.kind},
          {"layout", m.layout},
          {"warnings", m.warnings},
          {"stats",
           {{"rows", m.stats.rows},
            {"skipped_rows", m.stats.skippedRows},
            {"bytes", m.stats.bytes},
            {"reordered", m.stats.reordered}}}};
}

class Writer {
public:
  explicit Writer(std::FILE *f) : m_f(f) {}
  bool write(const void *data, std::size_t bytes) {
    if (bytes && std::fwrite(data, 1, bytes, m_f) != bytes)
      return false;
    m_at += bytes;
    return true;
  }
  bool padTo(std::uint64_t offset) {
    static const char zeros[kAlign] = {};
    while (m_at < offset)
      if (!write(zeros, static_cast<std::size_t>(std::min<std::uint64_t>(kAlign, offset - m_at))))
        return false;
    return m_at == offset;
  }

private:
  std::FILE *m_f;
  std::uint64_t m_at = 0;
};

struct Mapping {
  void *addr = MAP_FAILED;
  std::size_t length = 0;
  ~Mapping() {
    if (addr != MAP_FAILED)
      ::munmap(addr, length);
  }
};

} // namespace

template <typename T>
Status writeSeriesFile(const fs::path &path, const BasicSeries<T> &series, const SeriesFileMeta &meta) {
  const std::string metaText = metaJson(series.channelNames(), meta).dump();
  const std::uint64_t rows = series.size();
  const std::vector<std::uint64_t> blocks = levelBlocks(rows);
  if (series.levels().size() != blocks.size())
    return Status::failure(path.string() + ": series is not finished (pyramid missing)");
  const Layout layout = layoutFor(metaText.size(), rows, series.channelCount(), sizeof(T), blocks);

  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::random_device rd;
  const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rd());
  std::FILE *f = std::fopen(tmp.c_str(), "wb");
  if (!f)
    return Status::failure(tmp.string() + ": cannot create: " + std::strerror(errno));
  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.valueBytes = sizeof(T);
  h.rows = rows;
  h.channels = static_cast<std::uint32_t>(series.channelCount());
  h.levels = static_cast<std::uint32_t>(blocks.size());
  h.metaBytes = metaText.size();
  h.totalBytes = layout.total;
  h.byteOrder = kByteOrderMark;
  Writer w(f);
  bool ok = w.write(&h, sizeof h) && w.write(metaText.data(), metaText.size());
  ok = ok && w.padTo(layout.times) && w.write(series.times().data(), rows * sizeof(Timestamp));
  for (std::size_t c = 0; ok && c < series.channelCount(); ++c)
    ok = w.padTo(layout.channels[c]) && w.write(series.channel(c).data(), rows * sizeof(T));
  for (std::size_t l = 0; ok && l < blocks.size(); ++l)
    for (std::size_t c = 0; ok && c < series.channelCount(); ++c) {
      const auto &lvl = series.levels()[l][c];
      ok = lvl.size() == 2 * blocks[l] && w.padTo(layout.levels[l][c]) &&
           w.write(lvl.data(), lvl.size() * sizeof(float));
    }
  ok = ok && w.padTo(layout.trailer) && w.write(kTrailer, sizeof kTrailer);
  const int err = errno;
  if (std::fclose(f) != 0)
    ok = false;
  if (!ok) {
    fs::remove(tmp, ec);
    return Status::failure(tmp.string() + ": cannot write the series cache: " + std::strerror(err));
  }
  // No fsync: a cache; a torn file fails the layout checks of mapSeriesFile and is rebuilt.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    fs::remove(tmp, ec);
    return Status::failure(path.string() + ": cannot rename the series cache into place: " + why);
  }
  return okStatus();
}

template <typename T> Result<MappedSeries<T>> mapSeriesFile(const fs::path &path) {
  using R = Result<MappedSeries<T>>;
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return R::failure(name + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(FileHeader) + sizeof kTrailer)) {
    ::close(fd);
    return R::failure(name + ": not a series cache file (too small)");
  }
  auto map = std::make_shared<Mapping>();
  map->length = static_cast<std::size_t>(st.st_size);
  map->addr = ::mmap(nullptr, map->length, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map->addr == MAP_FAILED)
    return R::failure(name + ": cannot map: " + std::strerror(errno));
  const auto *base = static_cast<const char *>(map->addr);
  FileHeader h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byteOrder != kByteOrderMark)
    return R::failure(name + ": not a series cache file");
  if (h.version != kFormatVersion || h.valueBytes != sizeof(T))
    return R::failure(name + ": series cache of another version or value type");
  if (h.metaBytes > map->length)
    return R::failure(name + ": series cache header is damaged");
  const std::vector<std::uint64_t> blocks = levelBlocks(h.rows);
  if (h.levels != blocks.size() || h.rows > map->length)
    return R::failure(name + ": series cache header is damaged");
  const Layout layout = layoutFor(h.metaBytes, h.rows, h.channels, sizeof(T), blocks);
  if (layout.total != h.totalBytes || layout.total != map->length ||
      std::memcmp(base + layout.trailer, kTrailer, sizeof kTrailer) != 0)
    return R::failure(name + ": series cache is truncated or damaged");

  MappedSeries<T> out;
  std::vector<std::string> names;
  try {
    const json meta = json::parse(base + sizeof(FileHeader), base + sizeof(FileHeader) + h.metaBytes);
    names = meta.at("names").get<std::vector<std::string>>();
    out.meta.kind = meta.at("kind").get<std::string>();
    out.meta.layout = meta.at("layout").get<std::string>();
    out.meta.warnings = meta.at("warnings").get<std::vector<std::string>>();
    const json &s = meta.at("stats");
    out.meta.stats.rows = s.at("rows").get<std::size_t>();
    out.meta.stats.skippedRows = s.at("skipped_rows").get<std::size_t>();
    out.meta.stats.bytes = s.at("bytes").get<std::size_t>();
    out.meta.stats.reordered = s.at("reordered").get<bool>();
  } catch (const std::exception &e) {
    return R::failure(name + ": series cache metadata is damaged: " + e.what());
  }
  if (names.size() != h.channels)
    return R::failure(name + ": series cache metadata does not match its columns");
  const std::size_t rows = static_cast<std::size_t>(h.rows);
  std::span<const Timestamp> times(reinterpret_cast<const Timestamp *>(base + layout.times), rows);
  std::vector<std::span<const T>> channels;
  for (std::uint32_t c = 0; c < h.channels; ++c)
    channels.emplace_back(reinterpret_cast<const T *>(base + layout.channels[c]), rows);
  std::vector<std::vector<std::span<const float>>> levels;
  for (std::size_t l = 0; l < blocks.size(); ++l) {
    auto &lvl = levels.emplace_back();
    for (std::uint32_t c = 0; c < h.channels; ++c)
      lvl.emplace_back(reinterpret_cast<const float *>(base + layout.levels[l][c]),
                       static_cast<std::size_t>(2 * blocks[l]));
  }
  out.series = BasicSeries<T>::fromStorage(std::move(names), times, std::move(channels), std::move(levels),
                                           std::shared_ptr<const void>(map, map->addr));
  return R(std::move(out));
}

template Status writeSeriesFile<float>(const fs::path &, const BasicSeries<float> &, const SeriesFileMeta &);
template Status writeSeriesFile<double>(const fs::path &, const BasicSeries<double> &, const SeriesFileMeta &);
template Result<MappedSeries<float>> mapSeriesFile<float>(const fs::path &);
template Result<MappedSeries<double>> mapSeriesFile<double>(const fs::path &);

} // namespace tacit::series
