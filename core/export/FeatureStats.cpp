#include "core/export/FeatureStats.h"

#include <algorithm>
#include <cmath>

namespace tacit::exporting {

void FeatureStats::add(const float *row) {
  m_values.insert(m_values.end(), row, row + m_dims);
}

void FeatureStats::merge(const FeatureStats &other) {
  m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
  if (other.m_reportedCount >= 0)
    m_reportedCount = std::max<std::int64_t>(0, m_reportedCount) + other.m_reportedCount;
}

namespace {
double quantile(const std::vector<float> &sorted, double q) {
  if (sorted.empty())
    return 0.0;
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(sorted.size() - 1, lo + 1);
  const double w = pos - static_cast<double>(lo);
  return (1.0 - w) * sorted[lo] + w * sorted[hi];
}
} // namespace

FeatureStats::Summary FeatureStats::summarize() const {
  Summary s;
  const std::size_t n = static_cast<std::size_t>(count());
  s.count = m_reportedCount >= 0 ? m_reportedCount : static_cast<std::int64_t>(n);
  std::vector<float> column;
  column.reserve(n);
  for (int d = 0; d < m_dims; ++d) {
    // NaN marks a blanked (redacted) value: statistics describe the values that were exported.
    column.clear();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const float v = m_values[i * static_cast<std::size_t>(m_dims) + static_cast<std::size_t>(d)];
      if (!std::isfinite(v))
        continue;
      column.push_back(v);
      sum += v;
    }
    const std::size_t m = column.size();
    const double mean = m ? sum / static_cast<double>(m) : 0.0;
    double var = 0.0;
    for (float v : column)
      var += (v - mean) * (v - mean);
    std::sort(column.begin(), column.end());
    s.min.push_back(m ? column.front() : 0.0);
    s.max.push_back(m ? column.back() : 0.0);
    s.mean.push_back(mean);
    s.std.push_back(m ? std::sqrt(var / static_cast<double>(m)) : 0.0);
    s.q01.push_back(quantile(column, 0.01));
    s.q10.push_back(quantile(column, 0.10));
    s.q50.push_back(quantile(column, 0.50));
    s.q90.push_back(quantile(column, 0.90));
    s.q99.push_back(quantile(column, 0.99));
  }
  return s;
}

nlohmann::json FeatureStats::toJson(bool quantiles, bool imageShape) const {
  const Summary s = summarize();
  auto arr = [&](const std::vector<double> &v) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : v)
      a.push_back(imageShape ? nlohmann::json::array({nlohmann::json::array({x})}) : nlohmann::json(x));
    return a;
  };
  nlohmann::json j = {{"min", arr(s.min)},
                      {"max", arr(s.max)},
                      {"mean", arr(s.mean)},
                      {"std", arr(s.std)},
                      {"count", nlohmann::json::array({s.count})}};
  if (quantiles) {
    j["q01"] = arr(s.q01);
    j["q10"] = arr(s.q10);
    j["q50"] = arr(s.q50);
    j["q90"] = arr(s.q90);
    j["q99"] = arr(s.q99);
  }
  return j;
}

} // namespace tacit::exporting
