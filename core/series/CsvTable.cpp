#include "core/series/CsvTable.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/Logging.h"

namespace tacit::series {

namespace {

constexpr std::size_t kChunkBytes = 4 << 20;

// Byte buffer that grows without value-initialising (a vector<char> resize would memset every chunk).
struct Buffer {
  std::unique_ptr<char[]> data;
  std::size_t size = 0, capacity = 0;
  void ensure(std::size_t n) {
    if (n <= capacity)
      return;
    const std::size_t cap = std::max(n, capacity * 2);
    std::unique_ptr<char[]> bigger(new char[cap]);
    if (size)
      std::memcpy(bigger.get(), data.get(), size);
    data = std::move(bigger);
    capacity = cap;
  }
  const char *begin() const { return data.get(); }
  const char *end() const { return data.get() + size; }
};

// Owns a POSIX fd; reads the file in chunks so memory stays flat regardless of file size.
class ChunkedFile {
public:
  explicit ChunkedFile(const std::string &path) : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~ChunkedFile() {
    if (m_fd >= 0)
      ::close(m_fd);
  }
  ChunkedFile(const ChunkedFile &) = delete;
  ChunkedFile &operator=(const ChunkedFile &) = delete;
  bool ok() const { return m_fd >= 0; }
  std::size_t size() const {
    struct stat st {};
    return ::fstat(m_fd, &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
  }
  // Appends up to `want` bytes to buf (grown without zero-filling); returns bytes read, 0 at EOF,
  // -1 on error.
  long readInto(Buffer &buf, std::size_t want) {
    buf.ensure(buf.size + want);
    ssize_t got;
    do {
      got = ::read(m_fd, buf.data.get() + buf.size, want);
    } while (got < 0 && errno == EINTR);
    if (got > 0)
      buf.size += static_cast<std::size_t>(got);
    return static_cast<long>(got);
  }

private:
  int m_fd;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> splitHeader(std::string_view line) {
  if (line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0)
    line.remove_prefix(3);
  std::vector<std::string> names;
  while (true) {
    const auto comma = line.find(',');
    names.emplace_back(trim(line.substr(0, comma)));
    if (comma == std::string_view::npos)
      break;
    line.remove_prefix(comma + 1);
  }
  return names;
}

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Clinger's fast path for plain decimals ("-9.807123"), fused with field splitting: an integer
// mantissa below 2^53 divided by an exact power of ten is correctly rounded, so the result equals
// from_chars. Returns the pointer after the number when it ends the field (at ',' or end); anything
// else (exponent, long mantissa, nan, blanks) returns nullptr and takes the general path.
inline const char *scanPlainDecimal(const char *p, const char *end, double &out) {
  bool negative = false;
  if (p < end && *p == '-') {
    negative = true;
    ++p;
  }
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  for (; p < end; ++p, ++digits) {
    const unsigned d = static_cast<unsigned>(*p - '0');
    if (d >= 10u)
      break;
    mantissa = mantissa * 10 + d;
  }
  if (p < end && *p == '.') {
    for (++p; p < end; ++p, ++digits, ++fraction) {
      const unsigned d = static_cast<unsigned>(*p - '0');
      if (d >= 10u)
        break;
      mantissa = mantissa * 10 + d;
    }
  }
  if ((p < end && *p != ',') || digits == 0 || digits > 19 || fraction > 22 || mantissa > (std::uint64_t(1) << 53))
    return nullptr;
  double v = static_cast<double>(mantissa);
  if (fraction)
    v /= kPow10[fraction];
  out = negative ? -v : v;
  return p;
}

inline bool parsePlainDecimal(const char *p, const char *e, double &out) {
  return scanPlainDecimal(p, e, out) == e;
}

inline const char *scanPlainInteger(const char *p, const char *end, std::int64_t &out) {
  bool negative = false;
  if (p < end && *p == '-') {
    negative = true;
    ++p;
  }
  const char *start = p;
  std::uint64_t v = 0;
  while (p < end && static_cast<unsigned>(*p - '0') < 10u) {
    v = v * 10 + static_cast<unsigned>(*p - '0');
    ++p;
  }
  if (p == start || p - start > 18 || (p < end && *p != ','))
    return nullptr;
  out = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return p;
}

bool parseDouble(std::string_view s, double &out) {
  const char *b = s.data(), *e = s.data() + s.size();
  if (parsePlainDecimal(b, e, out))
    return true;
  auto r = std::from_chars(b, e, out);
  if (r.ec == std::errc() && r.ptr == e)
    return true;
  // Slow path: surrounding blanks or a leading '+'.
  s = trim(s);
  if (!s.empty() && s.front() == '+')
    s.remove_prefix(1);
  if (s.empty())
    return false;
  r = std::from_chars(s.data(), s.data() + s.size(), out);
  if (r.ec == std::errc::result_out_of_range) {
    out = std::strtod(std::string(s).c_str(), nullptr); // huge garbage values: keep +-inf / 0
    return true;
  }
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseTimestamp(std::string_view s, Timestamp scale, Timestamp &out) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
    if (v > std::numeric_limits<Timestamp>::max() / scale || v < std::numeric_limits<Timestamp>::min() / scale)
      return false;
    out = v * scale;
    return true;
  }
  double d = 0;
  if (!parseDouble(s, d) || !std::isfinite(d))
    return false;
  const double ns = d * static_cast<double>(scale);
  if (std::abs(ns) > 9.2e18)
    return false;
  out = static_cast<Timestamp>(std::llround(ns));
  return true;
}

std::string joinShort(const std::vector<std::string> &names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    if (i)
      out += ", ";
    out += names[i];
  }
  if (names.size() > limit)
    out += ", ... (" + std::to_string(names.size()) + " in total)";
  return out;
}

} // namespace

Result<std::vector<std::string>> readCsvHeader(const std::string &path) {
  ChunkedFile file(path);
  if (!file.ok())
    return Error{path + ": cannot open: " + std::strerror(errno)};
  Buffer buf;
  while (true) {
    const long got = file.readInto(buf, 64 * 1024);
    if (got < 0)
      return Error{path + ": read error: " + std::strerror(errno)};
    const auto nl = std::find(buf.begin(), buf.end(), '\n');
    if (nl != buf.end() || got == 0) {
      const std::string_view line(buf.begin(), static_cast<std::size_t>(nl - buf.begin()));
      if (trim(line).empty())
        return Error{path + ": empty file (no header line)"};
      return splitHeader(line);
    }
    if (buf.size > (16u << 20))
      return Error{path + ": header line longer than 16 MiB"};
  }
}

std::vector<std::string> missingColumns(const std::vector<std::string> &header,
                                        const std::vector<std::string> &required) {
  std::vector<std::string> missing;
  for (const auto &name : required)
    if (std::find(header.begin(), header.end(), name) == header.end())
      missing.push_back(name);
  return missing;
}

std::string missingColumnsMessage(const std::string &path, const std::string &what,
                                  const std::vector<std::string> &expected, const std::vector<std::string> &missing) {
  // Singular columns (timestamp, confidences) first: they say more than the 126th landmark.
  std::vector<std::string> sorted = missing;
  std::stable_partition(sorted.begin(), sorted.end(), [](const std::string &n) {
    return std::none_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  });
  return path + ": not " + what + ": missing column" + (missing.size() == 1 ? " " : "s ") + joinShort(sorted, 8) +
         " (expected: " + joinShort(expected, 12) + ")";
}

template <typename T>
Result<BasicSeries<T>> loadCsvTable(const std::string &path, const CsvTableSpec &spec, CsvLoadStats *stats) {
  auto header = readCsvHeader(path);
  if (!header)
    return Error{header.error()};
  std::vector<std::string> required = spec.columns;
  required.insert(required.begin(), spec.timestampColumn);
  if (auto missing = missingColumns(*header, required); !missing.empty())
    return Error{missingColumnsMessage(path, spec.what, required, missing)};

  // Role of each field: channel index, kTimestamp, or kSkip.
  constexpr int kSkip = -1, kTimestamp = -2;
  const std::size_t fieldCount = header->size();
  std::vector<int> role(fieldCount, kSkip);
  std::vector<char> nullable(spec.columns.size(), 0);
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    nullable[c] = std::find(spec.nullable.begin(), spec.nullable.end(), spec.columns[c]) != spec.nullable.end();
    const auto idx =
        static_cast<std::size_t>(std::find(header->begin(), header->end(), spec.columns[c]) - header->begin());
    role[idx] = static_cast<int>(c);
  }
  role[static_cast<std::size_t>(std::find(header->begin(), header->end(), spec.timestampColumn) - header->begin())] =
      kTimestamp;

  ChunkedFile file(path);
  if (!file.ok())
    return Error{path + ": cannot open: " + std::strerror(errno)};
  const std::size_t fileSize = file.size();

  BasicSeries<T> series(spec.columns);
  Result<BasicSeries<T>> result(BasicSeries<T>{});
  std::vector<T> values(spec.columns.size());
  std::size_t skipped = 0, lineNo = 0;
  bool reserved = false;
  std::string problem;

  auto warnRow = [&](std::size_t line, const std::string &what) {
    ++skipped;
    if (skipped <= spec.maxWarnings)
      result.addWarning(path + ": line " + std::to_string(line) + ": " + what + "; row skipped");
  };

  // Parses one data line; returns false with `problem` set when malformed.
  auto parseRow = [&](std::string_view line, Timestamp &t) -> bool {
    const char *p = line.data();
    const char *const end = p + line.size();
    std::size_t field = 0;
    bool haveTime = false;
    while (true) {
      const int r0 = field < fieldCount ? role[field] : kSkip;
      // Fast paths parse and find the field end in one pass.
      if (r0 >= 0) {
        double d;
        if (const char *stop = scanPlainDecimal(p, end, d)) {
          values[static_cast<std::size_t>(r0)] = static_cast<T>(d);
          ++field;
          if (stop == end)
            break;
          p = stop + 1;
          continue;
        }
      } else if (r0 == kTimestamp) {
        std::int64_t v;
        if (const char *stop = scanPlainInteger(p, end, v);
            stop && v <= std::numeric_limits<Timestamp>::max() / spec.timestampScale &&
            v >= std::numeric_limits<Timestamp>::min() / spec.timestampScale) {
          t = v * spec.timestampScale;
          haveTime = true;
          ++field;
          if (stop == end)
            break;
          p = stop + 1;
          continue;
        }
      }
      const char *comma = static_cast<const char *>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
      const char *fieldEnd = comma ? comma : end;
      if (field < fieldCount) {
        const int r = r0;
        if (r != kSkip) {
          std::string_view cell(p, static_cast<std::size_t>(fieldEnd - p));
          if (r == kTimestamp) {
            if (!parseTimestamp(cell, spec.timestampScale, t)) {
              problem = "invalid timestamp '" + std::string(cell.substr(0, 40)) + "'";
              return false;
            }
            haveTime = true;
          } else {
            double d;
            if (parseDouble(cell, d)) {
              values[static_cast<std::size_t>(r)] = static_cast<T>(d);
            } else if (nullable[static_cast<std::size_t>(r)] && trim(cell).empty()) {
              values[static_cast<std::size_t>(r)] = std::numeric_limits<T>::quiet_NaN();
            } else {
              problem = "column " + spec.columns[static_cast<std::size_t>(r)] + ": invalid number '" +
                        std::string(cell.substr(0, 40)) + "'";
              return false;
            }
          }
        }
      }
      ++field;
      if (!comma)
        break;
      p = comma + 1;
    }
    if (field != fieldCount) {
      problem = "expected " + std::to_string(fieldCount) + " fields, got " + std::to_string(field);
      return false;
    }
    return haveTime;
  };

  Buffer buf;
  buf.ensure(2 * kChunkBytes);
  std::size_t bytes = 0;
  bool headerDone = false, eof = false;
  while (!eof) {
    const long got = file.readInto(buf, kChunkBytes);
    if (got < 0)
      return Error{path + ": read error: " + std::strerror(errno)};
    eof = got == 0;
    bytes += static_cast<std::size_t>(std::max(got, 0L));
    const char *p = buf.begin();
    const char *const end = buf.end();
    if (!reserved && !eof) {
      // Size the columns from the average line length of this chunk so they are not regrown.
      const std::size_t lines = static_cast<std::size_t>(std::count(buf.begin(), buf.end(), '\n'));
      if (lines > 1) {
        const double avg = static_cast<double>(buf.size) / static_cast<double>(lines);
        series.reserve(static_cast<std::size_t>(static_cast<double>(fileSize) / avg * 1.05) + 16);
      }
      reserved = true;
    }
    while (p < end) {
      const char *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (!nl && !eof)
        break; // incomplete line: keep for the next chunk
      const char *lineEnd = nl ? nl : end;
      std::string_view line(p, static_cast<std::size_t>(lineEnd - p));
      p = nl ? nl + 1 : end;
      ++lineNo;
      if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
      if (!headerDone) {
        headerDone = true;
        continue;
      }
      if (line.empty() || trim(line).empty())
        continue;
      Timestamp t = 0;
      if (!parseRow(line, t)) {
        // A wrong field count explains a bad cell better (e.g. a line cut in the middle).
        const std::size_t fields = static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
        if (fields != fieldCount)
          problem = "expected " + std::to_string(fieldCount) + " fields, got " + std::to_string(fields);
        if (!nl)
          warnRow(lineNo, "truncated last line (" + problem + ")");
        else
          warnRow(lineNo, problem);
      } else {
        series.append(t, values.data());
      }
    }
    // Move the incomplete tail to the front.
    const std::size_t rest = static_cast<std::size_t>(end - p);
    std::memmove(buf.data.get(), p, rest);
    buf.size = rest;
  }
  if (skipped > spec.maxWarnings)
    result.addWarning(path + ": " + std::to_string(skipped) + " malformed rows skipped in total");
  if (stats) {
    const auto &times = series.times(); // still in file order
    for (std::size_t i = 1; i < times.size(); ++i)
      if (times[i] < times[i - 1] && ++stats->backwardCount <= CsvLoadStats::kMaxBackwardSteps)
        stats->backwardSteps.push_back({i, times[i - 1], times[i]});
  }
  const bool reordered = series.finish();
  if (reordered)
    result.addWarning(path + ": timestamps were not in order; rows sorted by time");
  if (!result.warnings().empty()) {
    auto log = logging::get("tacit.series");
    log->warn("{}", result.warnings().front());
    if (result.warnings().size() > 1)
      log->warn("{}: {} more warnings", path, result.warnings().size() - 1);
  }
  if (stats) {
    stats->rows = series.size();
    stats->skippedRows = skipped;
    stats->bytes = bytes;
    stats->reordered = reordered;
  }
  result.value() = std::move(series);
  return result;
}

template Result<BasicSeries<float>> loadCsvTable<float>(const std::string &, const CsvTableSpec &, CsvLoadStats *);
template Result<BasicSeries<double>> loadCsvTable<double>(const std::string &, const CsvTableSpec &, CsvLoadStats *);

} // namespace tacit::series
