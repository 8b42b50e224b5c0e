#include "core/series/Series.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sys/mman.h>
#include <unistd.h>

namespace tacit::series {

namespace {
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// NaN compares false both ways, so NaNs never win.
inline void accumulate(float v, float &mn, float &mx) {
  if (v < mn)
    mn = v;
  if (v > mx)
    mx = v;
}
} // namespace

template <typename T>
BasicSeries<T>::BasicSeries(std::vector<std::string> channelNames)
    : m_names(std::move(channelNames)), m_owned(std::make_shared<Owned>()) {
  m_owned->channels.resize(m_names.size());
  bindViews();
}

template <typename T>
BasicSeries<T> BasicSeries<T>::fromStorage(std::vector<std::string> names, std::span<const Timestamp> times,
                                           std::vector<std::span<const T>> channels,
                                           std::vector<std::vector<std::span<const float>>> levels,
                                           std::shared_ptr<const void> keepAlive) {
  BasicSeries s;
  s.m_names = std::move(names);
  s.m_times = times;
  s.m_channels = std::move(channels);
  s.m_levels = std::move(levels);
  s.m_keepAlive = std::move(keepAlive);
  return s;
}

template <typename T> typename BasicSeries<T>::Owned &BasicSeries<T>::owned() {
  if (m_owned && m_owned.use_count() == 1)
    return *m_owned;
  // Shared with a copy, mapped, or empty: take a private copy of the current views.
  auto o = std::make_shared<Owned>();
  o->times.assign(m_times.begin(), m_times.end());
  o->channels.resize(m_names.size());
  for (std::size_t c = 0; c < m_channels.size() && c < m_names.size(); ++c)
    o->channels[c].assign(m_channels[c].begin(), m_channels[c].end());
  for (const auto &level : m_levels) {
    auto &copy = o->levels.emplace_back();
    for (const auto &ch : level)
      copy.emplace_back(ch.begin(), ch.end());
  }
  m_owned = std::move(o);
  m_keepAlive.reset();
  bindViews();
  return *m_owned;
}

template <typename T> void BasicSeries<T>::bindViews() {
  if (!m_owned)
    return;
  m_times = m_owned->times;
  m_channels.assign(m_owned->channels.begin(), m_owned->channels.end());
  m_levels.clear();
  for (const auto &level : m_owned->levels)
    m_levels.emplace_back(level.begin(), level.end());
}

template <typename T> int BasicSeries<T>::channelIndex(std::string_view name) const {
  for (std::size_t i = 0; i < m_names.size(); ++i)
    if (m_names[i] == name)
      return static_cast<int>(i);
  return -1;
}

template <typename T> TimeRange BasicSeries<T>::timeRange() const {
  if (m_times.empty())
    return {};
  return {m_times.front(), m_times.back() + 1};
}

template <typename T> std::ptrdiff_t BasicSeries<T>::indexAt(Timestamp t) const {
  auto it = std::upper_bound(m_times.begin(), m_times.end(), t);
  return static_cast<std::ptrdiff_t>(it - m_times.begin()) - 1;
}

template <typename T> std::ptrdiff_t BasicSeries<T>::nearestIndex(Timestamp t) const {
  if (m_times.empty())
    return -1;
  const std::ptrdiff_t i = indexAt(t);
  if (i < 0)
    return 0;
  const auto next = static_cast<std::size_t>(i) + 1;
  if (next < m_times.size() && m_times[next] - t < t - m_times[static_cast<std::size_t>(i)])
    return static_cast<std::ptrdiff_t>(next);
  return i;
}

template <typename T> std::vector<T> BasicSeries<T>::sampleAt(std::size_t i) const {
  std::vector<T> out(m_channels.size());
  for (std::size_t c = 0; c < m_channels.size(); ++c)
    out[c] = m_channels[c][i];
  return out;
}

template <typename T> void BasicSeries<T>::reserve(std::size_t rows) {
  Owned &o = owned();
  o.times.reserve(rows);
  for (auto &ch : o.channels)
    ch.reserve(rows);
  bindViews();
}

template <typename T> void BasicSeries<T>::append(Timestamp t, const T *values) {
  Owned &o = owned();
  o.times.push_back(t);
  for (std::size_t c = 0; c < o.channels.size(); ++c)
    o.channels[c].push_back(values[c]);
  m_times = o.times; // channel views are rebound by finish()
}

template <typename T> std::vector<T> &BasicSeries<T>::mutableChannel(std::size_t c) {
  Owned &o = owned();
  bindViews();
  return o.channels[c];
}

template <typename T> std::size_t BasicSeries<T>::addChannel(std::string name, std::vector<T> values) {
  Owned &o = owned();
  values.resize(o.times.size(), std::numeric_limits<T>::quiet_NaN());
  m_names.push_back(std::move(name));
  o.channels.push_back(std::move(values));
  bindViews();
  return m_names.size() - 1;
}

template <typename T> bool BasicSeries<T>::finish() {
  Owned &o = owned();
  auto &times = o.times;
  bool reordered = false;
  if (!std::is_sorted(times.begin(), times.end())) {
    std::vector<std::size_t> order(times.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
    std::vector<Timestamp> sortedTimes(times.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      sortedTimes[i] = times[order[i]];
    times.swap(sortedTimes);
    for (auto &ch : o.channels) {
      std::vector<T> sorted(ch.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        sorted[i] = ch[order[i]];
      ch.swap(sorted);
    }
    reordered = true;
  }
  bindViews();
  buildPyramid();
  bindViews();
  return reordered;
}

template <typename T> void BasicSeries<T>::buildPyramid() {
  auto &levels = m_owned->levels;
  levels.clear();
  const std::size_t n = m_times.size();
  if (n < kPyramidFanout)
    return;
  // Level 0 from raw samples.
  std::size_t blocks = (n + kPyramidFanout - 1) / kPyramidFanout;
  std::vector<std::vector<float>> level(m_channels.size());
  for (std::size_t c = 0; c < m_channels.size(); ++c) {
    const T *raw = m_channels[c].data();
    auto &out = level[c];
    out.resize(2 * blocks);
    for (std::size_t b = 0; b < blocks; ++b) {
      float mn = kInf, mx = -kInf;
      const std::size_t end = std::min(n, (b + 1) * kPyramidFanout);
      for (std::size_t i = b * kPyramidFanout; i < end; ++i)
        accumulate(static_cast<float>(raw[i]), mn, mx);
      out[2 * b] = mn;
      out[2 * b + 1] = mx;
    }
  }
  levels.push_back(std::move(level));
  // Higher levels from the level below until one block remains.
  while (blocks > 1) {
    const std::size_t next = (blocks + kPyramidFanout - 1) / kPyramidFanout;
    std::vector<std::vector<float>> up(m_channels.size());
    for (std::size_t c = 0; c < m_channels.size(); ++c) {
      const auto &below = levels.back()[c];
      auto &out = up[c];
      out.resize(2 * next);
      for (std::size_t b = 0; b < next; ++b) {
        float mn = kInf, mx = -kInf;
        const std::size_t end = std::min(blocks, (b + 1) * kPyramidFanout);
        for (std::size_t i = b * kPyramidFanout; i < end; ++i) {
          mn = std::min(mn, below[2 * i]);
          mx = std::max(mx, below[2 * i + 1]);
        }
        out[2 * b] = mn;
        out[2 * b + 1] = mx;
      }
    }
    levels.push_back(std::move(up));
    blocks = next;
  }
}

namespace {
// A piece of a sample range: a pyramid block (level >= 0, block index) or one raw sample (level -1).
struct Piece {
  int level;
  std::size_t index;
};

constexpr unsigned kFanoutBits = 3; // kPyramidFanout == 8
static_assert(std::size_t(1) << kFanoutBits == kPyramidFanout);

// Splits [begin, end) into the fewest aligned pyramid blocks plus raw samples at the ragged edges.
void decompose(std::size_t begin, std::size_t end, std::size_t levels, std::vector<Piece> &out) {
  std::size_t i = begin;
  while (i < end) {
    int best = -1;
    unsigned shift = kFanoutBits;
    for (std::size_t l = 0; l < levels; ++l, shift += kFanoutBits) {
      const std::size_t size = std::size_t(1) << shift;
      if ((i & (size - 1)) != 0 || i + size > end)
        break;
      best = static_cast<int>(l);
    }
    if (best < 0) {
      out.push_back({-1, i});
      ++i;
    } else {
      const unsigned bits = kFanoutBits * static_cast<unsigned>(best + 1);
      out.push_back({best, i >> bits});
      i += std::size_t(1) << bits;
    }
  }
}
} // namespace

template <typename T>
std::pair<float, float> BasicSeries<T>::rangeMinMax(std::size_t c, std::size_t begin, std::size_t end) const {
  std::vector<Piece> pieces;
  decompose(begin, std::min(end, m_times.size()), m_levels.size(), pieces);
  float mn = kInf, mx = -kInf;
  const T *raw = m_channels[c].data();
  for (const Piece &p : pieces) {
    if (p.level < 0) {
      accumulate(static_cast<float>(raw[p.index]), mn, mx);
    } else {
      const float *block = m_levels[static_cast<std::size_t>(p.level)][c].data() + 2 * p.index;
      mn = std::min(mn, block[0]);
      mx = std::max(mx, block[1]);
    }
  }
  if (mn > mx)
    return {kNaN, kNaN};
  return {mn, mx};
}

template <typename T>
SeriesWindow BasicSeries<T>::windowQuery(TimeRange range, std::size_t maxPoints,
                                         const std::vector<int> &channels) const {
  SeriesWindow w;
  if (channels.empty()) {
    w.channels.resize(m_channels.size());
    std::iota(w.channels.begin(), w.channels.end(), 0);
  } else {
    for (int c : channels)
      if (c >= 0 && static_cast<std::size_t>(c) < m_channels.size())
        w.channels.push_back(c);
  }
  w.min.resize(w.channels.size());
  w.max.resize(w.channels.size());
  if (range.empty() || m_times.empty())
    return w;
  const auto lower = [&](Timestamp t) {
    return static_cast<std::size_t>(std::lower_bound(m_times.begin(), m_times.end(), t) - m_times.begin());
  };
  const std::size_t i0 = lower(range.begin), i1 = lower(range.end);
  w.firstIndex = i0;
  w.endIndex = i1;
  const std::size_t n = i1 - i0;
  maxPoints = std::max<std::size_t>(maxPoints, 3);
  if (n <= maxPoints) {
    w.samplesPerBucket = 1;
    w.begin.assign(m_times.begin() + static_cast<std::ptrdiff_t>(i0),
                   m_times.begin() + static_cast<std::ptrdiff_t>(i1));
    w.end = w.begin;
    for (std::size_t r = 0; r < w.channels.size(); ++r) {
      const auto &ch = m_channels[static_cast<std::size_t>(w.channels[r])];
      w.min[r].resize(n);
      for (std::size_t i = 0; i < n; ++i)
        w.min[r][i] = static_cast<float>(ch[i0 + i]);
      w.max[r] = w.min[r];
    }
    return w;
  }
  // Bucket size s = m * 8^k >= n / (maxPoints - 2): at most maxPoints buckets aligned to absolute
  // sample indices, each made of at most 8 pyramid blocks plus ragged edges.
  const std::size_t minSize = (n + maxPoints - 3) / (maxPoints - 2);
  std::size_t p = 1;
  while (p * kPyramidFanout <= minSize)
    p *= kPyramidFanout;
  const std::size_t s = ((minSize + p - 1) / p) * p;
  w.samplesPerBucket = s;
  // The decomposition is the same for every channel: compute it once.
  std::vector<Piece> pieces;
  std::vector<std::size_t> bucketEnd; // end offset into pieces per bucket
  pieces.reserve(((i1 - i0) / s + 2) * 16);
  for (std::size_t b = (i0 / s) * s; b < i1; b += s) {
    const std::size_t lo = std::max(b, i0), hi = std::min(b + s, i1);
    w.begin.push_back(m_times[lo]);
    w.end.push_back(m_times[hi - 1]);
    decompose(lo, hi, m_levels.size(), pieces);
    bucketEnd.push_back(pieces.size());
  }
  const std::size_t buckets = bucketEnd.size();
  for (std::size_t r = 0; r < w.channels.size(); ++r) {
    const auto c = static_cast<std::size_t>(w.channels[r]);
    const T *raw = m_channels[c].data();
    w.min[r].resize(buckets);
    w.max[r].resize(buckets);
    std::size_t k = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
      float mn = kInf, mx = -kInf;
      for (; k < bucketEnd[b]; ++k) {
        const Piece &piece = pieces[k];
        if (piece.level < 0) {
          accumulate(static_cast<float>(raw[piece.index]), mn, mx);
        } else {
          const float *block = m_levels[static_cast<std::size_t>(piece.level)][c].data() + 2 * piece.index;
          mn = std::min(mn, block[0]);
          mx = std::max(mx, block[1]);
        }
      }
      w.min[r][b] = mn > mx ? kNaN : mn;
      w.max[r][b] = mn > mx ? kNaN : mx;
    }
  }
  return w;
}

namespace {
template <typename V> void releaseSpan(std::span<const V> v) {
  if (v.empty())
    return;
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  // Only whole pages inside the view: a neighbouring column keeps its pages.
  const auto begin = (reinterpret_cast<std::uintptr_t>(v.data()) + page - 1) / page * page;
  const auto end = reinterpret_cast<std::uintptr_t>(v.data() + v.size()) / page * page;
  if (end > begin)
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
}
} // namespace

template <typename T> void BasicSeries<T>::releasePages() const {
  if (!isMapped())
    return;
  releaseSpan(m_times);
  for (const auto &c : m_channels)
    releaseSpan(c);
}

template <typename T> std::size_t BasicSeries<T>::memoryBytes() const {
  if (!m_owned)
    return 0;
  std::size_t bytes = m_owned->times.capacity() * sizeof(Timestamp);
  for (const auto &ch : m_owned->channels)
    bytes += ch.capacity() * sizeof(T);
  for (const auto &lvl : m_owned->levels)
    for (const auto &ch : lvl)
      bytes += ch.capacity() * sizeof(float);
  return bytes;
}

template class BasicSeries<float>;
template class BasicSeries<double>;

} // namespace tacit::series
