#pragma once
// LeRobot feature statistics (FORMATS.md §5.1): per dimension min, max, mean, std (population), count,
// and for v3 the quantiles q01, q10, q50, q90, q99 (linear interpolation between order statistics).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace tacit::exporting {

class FeatureStats {
public:
  explicit FeatureStats(int dims = 1) : m_dims(dims) {}
  void add(const float *row); // `dims` values
  void add(float v) { add(&v); }
  void merge(const FeatureStats &other);
  std::int64_t count() const { return static_cast<std::int64_t>(m_values.size() / std::max(1, m_dims)); }
  int dims() const { return m_dims; }

  struct Summary {
    std::vector<double> min, max, mean, std, q01, q10, q50, q90, q99;
    std::int64_t count = 0;
  };
  Summary summarize() const;
  // {"min":[..],"max":[..],"mean":[..],"std":[..],"count":[n]} (+ quantiles). `imageShape` wraps each
  // per-channel value as [[v]] (LeRobot's (3,1,1) image stats).
  nlohmann::json toJson(bool quantiles, bool imageShape = false) const;
  // Image stats count sampled frames, not pixels.
  void setReportedCount(std::int64_t n) { m_reportedCount = n; }

private:
  int m_dims;
  std::vector<float> m_values; // row-major
  std::int64_t m_reportedCount = -1;
};

} // namespace tacit::exporting
