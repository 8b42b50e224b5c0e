#include "core/series/SeriesCache.h"

#include <QCryptographicHash>
#include <cstdlib>
#include <fstream>

#include "core/series/SeriesFile.h"
#include "core/util/Logging.h"

namespace tacit::series {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHashedBytes = 64 * 1024; // from each end of the CSV
constexpr int kKeyVersion = 1;                  // bump when a parser's output changes

// What each series type needs to go through the cache: how to parse it, its columns, and how to
// rebuild it from mapped columns plus the stored layout tag.
template <typename S> struct CacheTraits;

template <> struct CacheTraits<ImuSeries> {
  static constexpr const char *kind = "imu";
  static Result<ImuSeries> parse(const fs::path &p, CsvLoadStats *s) { return ImuSeries::load(p.string(), s); }
  static const Series &series(const ImuSeries &x) { return x.series(); }
  static std::string layout(const ImuSeries &) { return {}; }
  static std::optional<ImuSeries> rebuild(Series s, const std::string &) { return ImuSeries(std::move(s)); }
};

template <> struct CacheTraits<HandSeries> {
  static constexpr const char *kind = "hands";
  static Result<HandSeries> parse(const fs::path &p, CsvLoadStats *s) { return HandSeries::load(p.string(), s); }
  static const Series &series(const HandSeries &x) { return x.series(); }
  static std::string layout(const HandSeries &x) { return handLayoutName(x.layout()); }
  static std::optional<HandSeries> rebuild(Series s, const std::string &layout) {
    const auto l = handLayoutFromName(layout);
    if (!l)
      return std::nullopt;
    return HandSeries(*l, std::move(s));
  }
};

template <> struct CacheTraits<TrajectorySeries> {
  static constexpr const char *kind = "trajectory";
  static Result<TrajectorySeries> parse(const fs::path &p, CsvLoadStats *s) {
    return TrajectorySeries::load(p.string(), s);
  }
  static const PreciseSeries &series(const TrajectorySeries &x) { return x.series(); }
  static std::string layout(const TrajectorySeries &x) {
    return x.kind() == TrajectoryKind::ClosedLoop ? "closed_loop" : "open_loop";
  }
  static std::optional<TrajectorySeries> rebuild(PreciseSeries s, const std::string &layout) {
    if (layout != "closed_loop" && layout != "open_loop")
      return std::nullopt;
    return TrajectorySeries(layout == "closed_loop" ? TrajectoryKind::ClosedLoop : TrajectoryKind::OpenLoop,
                            std::move(s));
  }
};

template <> struct CacheTraits<GazeSeries> {
  static constexpr const char *kind = "gaze";
  static Result<GazeSeries> parse(const fs::path &p, CsvLoadStats *s) { return GazeSeries::load(p.string(), s); }
  static const Series &series(const GazeSeries &x) { return x.series(); }
  static std::string layout(const GazeSeries &x) { return gazeLayoutName(x.layout()); }
  static std::optional<GazeSeries> rebuild(Series s, const std::string &layout) {
    const auto l = gazeLayoutFromName(layout);
    if (!l)
      return std::nullopt;
    return GazeSeries(*l, std::move(s));
  }
};

// SHA-1 of the first and last kHashedBytes: catches an edit that keeps size and mtime.
std::string headTailHash(const fs::path &csv, std::uintmax_t size) {
  std::ifstream in(csv, std::ios::binary);
  if (!in)
    return {};
  QCryptographicHash h(QCryptographicHash::Sha1);
  std::string buf(kHashedBytes, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(std::min<std::uintmax_t>(size, kHashedBytes)));
  h.addData(QByteArrayView(buf.data(), in.gcount()));
  if (size > kHashedBytes) {
    const std::uintmax_t tail = std::min<std::uintmax_t>(size - kHashedBytes, kHashedBytes);
    in.clear();
    in.seekg(static_cast<std::streamoff>(size - tail));
    in.read(buf.data(), static_cast<std::streamsize>(tail));
    h.addData(QByteArrayView(buf.data(), in.gcount()));
  }
  return h.result().toHex().toStdString();
}

} // namespace

SeriesCache::SeriesCache(fs::path dir) : m_dir(std::move(dir)) {}

SeriesCache SeriesCache::disabled() {
  SeriesCache c{std::filesystem::path()};
  c.m_enabled = false;
  return c;
}

fs::path SeriesCache::defaultDirectory() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "tacit" / "series";
  if (const char *home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "tacit" / "series";
  return fs::temp_directory_path() / "tacit-series";
}

fs::path SeriesCache::entryPath(const fs::path &csv, std::string_view kind) const {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(csv, ec), ec);
  const auto size = fs::file_size(csv, ec);
  if (ec)
    return {};
  const auto mtime = fs::last_write_time(csv, ec).time_since_epoch().count();
  if (ec)
    return {};
  const std::string content = headTailHash(csv, size);
  if (content.empty())
    return {};
  const std::string key = abs.string() + '\n' + std::to_string(size) + '\n' + std::to_string(mtime) + '\n' + content +
                          '\n' + std::string(kind) + '\n' + std::to_string(kKeyVersion);
  const QByteArray hash = QCryptographicHash::hash(QByteArray::fromStdString(key), QCryptographicHash::Sha1);
  return m_dir / (hash.toHex().toStdString() + ".series");
}

template <typename S> Result<S> SeriesCache::load(const fs::path &csv, CsvLoadStats *stats, bool *fromCache) const {
  using Traits = CacheTraits<S>;
  using Value = typename std::decay_t<decltype(Traits::series(std::declval<const S &>()))>::value_type;
  auto log = logging::get("tacit.series");
  if (fromCache)
    *fromCache = false;
  const fs::path entry = m_enabled ? entryPath(csv, Traits::kind) : fs::path();
  std::error_code ec;
  if (!entry.empty() && fs::exists(entry, ec)) {
    auto mapped = mapSeriesFile<Value>(entry);
    std::optional<S> rebuilt;
    if (mapped && mapped->meta.kind == Traits::kind)
      rebuilt = Traits::rebuild(std::move(mapped->series), mapped->meta.layout);
    if (rebuilt) {
      if (stats)
        *stats = mapped->meta.stats;
      if (fromCache)
        *fromCache = true;
      Result<S> out(std::move(*rebuilt));
      out.warnings() = std::move(mapped->meta.warnings);
      return out;
    }
    log->warn("{}; rebuilding", mapped ? entry.string() + ": series cache holds another kind" : mapped.error());
  }
  CsvLoadStats parsed;
  auto r = Traits::parse(csv, &parsed);
  if (stats)
    *stats = parsed;
  if (!r || entry.empty())
    return r;
  SeriesFileMeta meta{Traits::kind, Traits::layout(*r), r.warnings(), parsed};
  if (auto st = writeSeriesFile<Value>(entry, Traits::series(*r), meta); !st)
    log->warn("series cache not written: {}", st.error());
  // Continue on the mapped copy: the parsed columns' heap goes back now, and later opens see the
  // same pages.
  if (auto mapped = mapSeriesFile<Value>(entry); mapped)
    if (auto rebuilt = Traits::rebuild(std::move(mapped->series), mapped->meta.layout)) {
      Result<S> out(std::move(*rebuilt));
      out.warnings() = std::move(r.warnings());
      return out;
    }
  return r;
}

Result<ImuSeries> SeriesCache::imu(const fs::path &csv, CsvLoadStats *stats, bool *fromCache) const {
  return load<ImuSeries>(csv, stats, fromCache);
}
Result<HandSeries> SeriesCache::hands(const fs::path &csv, CsvLoadStats *stats, bool *fromCache) const {
  return load<HandSeries>(csv, stats, fromCache);
}
Result<TrajectorySeries> SeriesCache::trajectory(const fs::path &csv, CsvLoadStats *stats, bool *fromCache) const {
  return load<TrajectorySeries>(csv, stats, fromCache);
}
Result<GazeSeries> SeriesCache::gaze(const fs::path &csv, CsvLoadStats *stats, bool *fromCache) const {
  return load<GazeSeries>(csv, stats, fromCache);
}

} // namespace tacit::series
