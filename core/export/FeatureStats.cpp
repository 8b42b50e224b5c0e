#include "core/export/FeatureStats.h"

#include <algorithm>
#include <cmath>

namespace tacit::exporting {
namespace {

constexpr int kQuantileBins = 5000; // RunningQuantileStats num_quantile_bins

// numpy.linspace(start, stop, num) in float64: k * step + start, the last edge exactly `stop`.
std::vector<double> linspace(double start, double stop, int num) {
  std::vector<double> y(static_cast<std::size_t>(num));
  const int div = num - 1;
  const double delta = stop - start;
  const double step = div > 0 ? delta / div : 0.0;
  for (int k = 0; k < num; ++k)
    y[static_cast<std::size_t>(k)] = div > 0 && step != 0 ? static_cast<double>(k) * step + start
                                                          : static_cast<double>(k) / std::max(1, div) * delta + start;
  if (num > 1)
    y.back() = stop;
  return y;
}

StatsSummary basicSummary(int dims) {
  StatsSummary s;
  s.min.assign(static_cast<std::size_t>(dims), 0.0);
  s.max = s.mean = s.std = s.min;
  for (auto &q : s.quantiles)
    q = s.min;
  return s;
}

// np.mean's division of a float32 sum by the row count: numpy 2 divides in float64 (the count is an intp
// scalar) and stores float32; rounding the float64 quotient is the correctly rounded float32 quotient.
float toFloat32Mean(float sum, std::size_t n) {
  return static_cast<float>(static_cast<double>(sum) / static_cast<double>(n));
}

} // namespace

float numpyPairwiseSum(const float *a, std::size_t n) {
  // numpy/core/src/umath/loops_utils.h.src pairwise_sum (float accumulators, 8-way unrolled blocks of at
  // most 128 values, halves split at a multiple of 8).
  if (n < 8) {
    float res = 0;
    for (std::size_t i = 0; i < n; ++i)
      res = res + a[i];
    return res;
  }
  if (n <= 128) {
    float r[8];
    for (std::size_t j = 0; j < 8; ++j)
      r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (std::size_t j = 0; j < 8; ++j)
        r[j] = r[j] + a[i + j];
    float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      res = res + a[i];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return numpyPairwiseSum(a, n2) + numpyPairwiseSum(a + n2, n - n2);
}

std::array<double, 5> histogramQuantiles(const std::vector<std::pair<double, double>> &valueWeights, double min,
                                         double max) {
  // compute_stats.py:72-76 (edges), 161-165 (np.histogram: [e_k, e_k+1), the last bin closed), 167-201.
  const std::vector<double> edges = linspace(min - 1e-10, max + 1e-10, kQuantileBins + 1);
  std::vector<double> hist(kQuantileBins, 0.0);
  double total = 0;
  for (const auto &[v, w] : valueWeights) {
    auto it = std::upper_bound(edges.begin(), edges.end(), v);
    auto k = static_cast<std::ptrdiff_t>(it - edges.begin()) - 1;
    if (k < 0 || (k >= kQuantileBins && v > edges.back()))
      continue; // outside the edges (cannot happen: they span [min, max])
    hist[static_cast<std::size_t>(std::min<std::ptrdiff_t>(k, kQuantileBins - 1))] += w;
    total += w;
  }
  std::vector<double> cumsum(hist.size());
  double run = 0;
  for (std::size_t i = 0; i < hist.size(); ++i)
    cumsum[i] = run += hist[i];
  std::array<double, 5> out{};
  for (std::size_t qi = 0; qi < kStatsQuantiles.size(); ++qi) {
    const double target = kStatsQuantiles[qi] * total;
    const auto idx = static_cast<std::size_t>(std::lower_bound(cumsum.begin(), cumsum.end(), target) - cumsum.begin());
    if (idx == 0) {
      out[qi] = edges[0];
    } else if (idx >= cumsum.size()) {
      out[qi] = edges.back();
    } else {
      const double before = cumsum[idx - 1], inBin = cumsum[idx] - before;
      out[qi] = inBin == 0 ? edges[idx] : edges[idx] + (target - before) / inBin * (edges[idx + 1] - edges[idx]);
    }
  }
  return out;
}

void FeatureStats::add(const float *row) {
  for (int d = 0; d < m_dims; ++d)
    m_values.push_back(static_cast<double>(row[d]));
}

void FeatureStats::add(const double *row) {
  m_values.insert(m_values.end(), row, row + m_dims);
}

StatsSummary FeatureStats::summarize(bool quantiles, StatsArithmetic arithmetic) const {
  StatsSummary s = basicSummary(m_dims);
  const auto n = static_cast<std::size_t>(count());
  s.count = static_cast<std::int64_t>(n);
  if (n == 0)
    return s;
  std::vector<std::pair<double, double>> column(n);
  std::vector<float> column32(arithmetic == StatsArithmetic::LeRobotFloat32 ? n : 0);
  for (int d = 0; d < m_dims; ++d) {
    const auto dd = static_cast<std::size_t>(d);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      column[i] = {m_values[i * static_cast<std::size_t>(m_dims) + dd], 1.0};
      sum += column[i].first;
    }
    const double mean = sum / static_cast<double>(n);
    double var = 0, lo = column[0].first, hi = column[0].first;
    for (const auto &[v, w] : column) {
      var += (v - mean) * (v - mean);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    s.min[dd] = lo;
    s.max[dd] = hi;
    s.mean[dd] = mean;
    s.std[dd] = std::sqrt(var / static_cast<double>(n));
    if (arithmetic == StatsArithmetic::LeRobotFloat32 && n >= 2) {
      // RunningQuantileStats.update/get_statistics (compute_stats.py:57-115) on a float32 column. numpy sums
      // a (n, d > 1) array row by row and a single column pairwise (numpy 1.24 and 2.x alike).
      float sum32 = 0, sumSq32 = 0;
      for (std::size_t i = 0; i < n; ++i)
        column32[i] = static_cast<float>(column[i].first);
      if (m_dims == 1) {
        sum32 = numpyPairwiseSum(column32.data(), n);
        for (float &v : column32)
          v = v * v;
        sumSq32 = numpyPairwiseSum(column32.data(), n);
      } else {
        for (float v : column32) {
          sum32 = sum32 + v;
          sumSq32 = sumSq32 + v * v;
        }
      }
      const float mean32 = toFloat32Mean(sum32, n), meanSq32 = toFloat32Mean(sumSq32, n);
      const float var32 = meanSq32 - mean32 * mean32;
      s.mean[dd] = mean32;
      s.std[dd] = std::sqrt(std::max(0.0f, var32));
    }
    // Fewer than two rows: every quantile is the mean (_compute_basic_stats).
    if (!quantiles)
      continue;
    const std::array<double, 5> q =
        n < 2 ? std::array<double, 5>{mean, mean, mean, mean, mean} : histogramQuantiles(column, lo, hi);
    for (std::size_t k = 0; k < q.size(); ++k)
      s.quantiles[k][dd] = q[k];
  }
  return s;
}

std::vector<std::int64_t> ImageStats::sampleIndices(std::int64_t frames) {
  // estimate_num_samples (min 100, max 10000, power 0.75) and np.round(np.linspace(0, n - 1, num)).
  if (frames <= 0)
    return {};
  const std::int64_t minSamples = std::min<std::int64_t>(100, frames);
  const auto powered = static_cast<std::int64_t>(std::pow(static_cast<double>(frames), 0.75));
  const std::int64_t num = std::max(minSamples, std::min<std::int64_t>(powered, 10000));
  std::vector<std::int64_t> out;
  for (double v : linspace(0.0, static_cast<double>(frames - 1), static_cast<int>(num)))
    out.push_back(static_cast<std::int64_t>(std::nearbyint(v))); // round half to even, as np.round
  return out;
}

ImageStats::ImageStats(std::int64_t episodeFrames) : m_indices(sampleIndices(episodeFrames)) {}

bool ImageStats::samples(std::int64_t index) const {
  return std::binary_search(m_indices.begin(), m_indices.end(), index);
}

void ImageStats::addFrame(std::int64_t index, const std::uint8_t *rgb, int width, int height) {
  const auto [first, last] = std::equal_range(m_indices.begin(), m_indices.end(), index);
  const auto times = static_cast<std::int64_t>(last - first);
  if (times == 0)
    return;
  // auto_downsample_height_width: frames of 300 px or more keep every f-th row and column.
  int f = 1;
  if (std::max(width, height) >= 300)
    f = width > height ? width / 150 : height / 150;
  f = std::max(f, 1);
  for (int y = 0; y < height; y += f)
    for (int x = 0; x < width; x += f) {
      const std::uint8_t *p = rgb + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3;
      for (std::size_t c = 0; c < 3; ++c) {
        m_counts[c][p[c]] += times;
        const float v = p[c];
        for (std::int64_t k = 0; k < times; ++k) { // lerobot's row order: sampled frame, row, column
          m_sum32[c] = m_sum32[c] + v;
          m_sumSq32[c] = m_sumSq32[c] + v * v;
        }
      }
    }
  m_frames += times;
}

StatsSummary ImageStats::summarize(StatsArithmetic arithmetic) const {
  StatsSummary s = basicSummary(3);
  s.count = m_frames;
  for (std::size_t c = 0; c < 3; ++c) {
    std::vector<std::pair<double, double>> values;
    double n = 0, sum = 0;
    for (int v = 0; v < 256; ++v)
      if (const auto k = m_counts[c][static_cast<std::size_t>(v)]; k > 0) {
        values.emplace_back(v, static_cast<double>(k));
        n += static_cast<double>(k);
        sum += static_cast<double>(k) * v;
      }
    if (values.empty())
      continue;
    const double mean = sum / n;
    double var = 0;
    for (const auto &[v, k] : values)
      var += k * (v - mean) * (v - mean);
    const double lo = values.front().first, hi = values.back().first;
    // Statistics of the 8-bit values, then divided by 255 (compute_stats.py:536-541).
    s.min[c] = lo / 255.0;
    s.max[c] = hi / 255.0;
    s.mean[c] = mean / 255.0;
    s.std[c] = std::sqrt(var / n) / 255.0;
    if (arithmetic == StatsArithmetic::LeRobotFloat32) {
      // uint8 pixels become float32 (compute_stats.py:64), summed row by row; `v / 255.0` stays float32.
      const auto pixels = static_cast<std::size_t>(n);
      const float mean32 = toFloat32Mean(m_sum32[c], pixels), meanSq32 = toFloat32Mean(m_sumSq32[c], pixels);
      const float var32 = meanSq32 - mean32 * mean32;
      s.mean[c] = mean32 / 255.0f;
      s.std[c] = std::sqrt(std::max(0.0f, var32)) / 255.0f;
      s.min[c] = static_cast<float>(lo) / 255.0f;
      s.max[c] = static_cast<float>(hi) / 255.0f;
    }
    const std::array<double, 5> q =
        n < 2 ? std::array<double, 5>{mean, mean, mean, mean, mean} : histogramQuantiles(values, lo, hi);
    for (std::size_t k = 0; k < q.size(); ++k)
      s.quantiles[k][c] = q[k] / 255.0;
  }
  return s;
}

StatsSummary aggregateStats(const std::vector<StatsSummary> &eps) {
  if (eps.empty())
    return {};
  const std::size_t dims = eps.front().mean.size();
  StatsSummary s = basicSummary(static_cast<int>(dims));
  for (const auto &e : eps)
    s.count += e.count;
  const double total = static_cast<double>(std::max<std::int64_t>(1, s.count));
  for (std::size_t d = 0; d < dims; ++d) {
    double mean = 0;
    for (const auto &e : eps)
      mean += e.mean[d] * static_cast<double>(e.count);
    mean /= total;
    double var = 0;
    for (const auto &e : eps)
      var += (e.std[d] * e.std[d] + (e.mean[d] - mean) * (e.mean[d] - mean)) * static_cast<double>(e.count);
    s.mean[d] = mean;
    s.std[d] = std::sqrt(var / total);
    s.min[d] = eps.front().min[d];
    s.max[d] = eps.front().max[d];
    for (std::size_t k = 0; k < kStatsQuantiles.size(); ++k)
      s.quantiles[k][d] = eps.front().quantiles[k][d];
    for (const auto &e : eps) {
      s.min[d] = std::min(s.min[d], e.min[d]);
      s.max[d] = std::max(s.max[d], e.max[d]);
      for (std::size_t k = 0; k < kStatsQuantiles.size(); ++k)
        s.quantiles[k][d] = kStatsQuantiles[k] <= 0.5 ? std::min(s.quantiles[k][d], e.quantiles[k][d])
                                                      : std::max(s.quantiles[k][d], e.quantiles[k][d]);
    }
  }
  return s;
}

nlohmann::json StatsSummary::toJson(bool withQuantiles, bool imageShape) const {
  auto arr = [&](const std::vector<double> &v) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : v)
      a.push_back(imageShape ? nlohmann::json::array({nlohmann::json::array({x})}) : nlohmann::json(x));
    return a;
  };
  nlohmann::json j = {{"min", arr(min)},
                      {"max", arr(max)},
                      {"mean", arr(mean)},
                      {"std", arr(std)},
                      {"count", nlohmann::json::array({count})}};
  if (withQuantiles)
    for (std::size_t k = 0; k < kStatsQuantiles.size(); ++k)
      j[kStatsQuantileNames[k]] = arr(quantiles[k]);
  return j;
}

} // namespace tacit::exporting
