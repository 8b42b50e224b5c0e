#pragma once
// LeRobot feature statistics, computed the way lerobot computes them so meta/stats.json is what lerobot
// itself would write (docs/export.md "Stats"):
//  * per episode (compute_episode_stats, lerobot 7427f31 datasets/compute_stats.py:487-543): min, max,
//    mean, std (population), count; v3 adds q01 q10 q50 q90 q99 read from a 5000-bin histogram over
//    [min - 1e-10, max + 1e-10] (RunningQuantileStats, compute_stats.py:31-201); an episode of one row
//    has std 0 and every quantile = mean (compute_stats.py:405-432, 475-476). v2.1 (v0.3.3
//    compute_stats.py:75-82) has no quantiles.
//  * images: the episode's frames at LeRobot's sample_indices, each downsampled by
//    auto_downsample_height_width, per channel over every pixel, divided by 255, shape (3,1,1), count =
//    sampled frames (compute_stats.py:204-255, 523-541).
//  * dataset (aggregate_feature_stats, compute_stats.py:581-625): count-weighted mean, parallel-algorithm
//    variance, min/max envelope; quantiles: the minimum over episodes for q <= 50, the maximum above.
// Arithmetic: StatsArithmetic::Exact accumulates in double (two-pass variance). LeRobotFloat32 repeats
// what lerobot 7427f31 does with a float32 column (RunningQuantileStats.update, compute_stats.py:57-101,
// get_statistics :103-115): float32 sums in numpy's order (row by row for vectors, numpy's pairwise sum
// for one column), mean and mean of squares rounded to float32, std = sqrt(max(0, E[x^2] - E[x]^2)) in
// float32. For a small spread around a large mean (palm positions) that loses digits, but it is what
// lerobot writes when it records a dataset itself, so v3 stats use it (docs/export.md "Stats").
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace tacit::exporting {

constexpr std::array<double, 5> kStatsQuantiles = {0.01, 0.10, 0.50, 0.90, 0.99};
constexpr std::array<const char *, 5> kStatsQuantileNames = {"q01", "q10", "q50", "q90", "q99"};

enum class StatsArithmetic { Exact, LeRobotFloat32 };

struct StatsSummary {
  std::vector<double> min, max, mean, std;
  std::array<std::vector<double>, 5> quantiles; // kStatsQuantiles order
  std::int64_t count = 0;
  // {"min":[..],"max":[..],"mean":[..],"std":[..],"count":[n]} (+ q01..q99). `imageShape` wraps each
  // per-channel value as [[v]] (LeRobot's (3,1,1) image stats).
  nlohmann::json toJson(bool withQuantiles, bool imageShape = false) const;
};

// One episode's values of one low-dimensional feature (rows of `dims` values).
class FeatureStats {
public:
  explicit FeatureStats(int dims = 1) : m_dims(dims) {}
  void add(const float *row);
  void add(const double *row);
  void add(double v) { add(&v); }
  std::int64_t count() const { return static_cast<std::int64_t>(m_values.size() / static_cast<std::size_t>(m_dims)); }
  int dims() const { return m_dims; }
  // `quantiles` false skips the histograms (robomimic/EgoMimic normalise with mean and std only).
  StatsSummary summarize(bool quantiles = true, StatsArithmetic arithmetic = StatsArithmetic::Exact) const;

private:
  int m_dims;
  std::vector<double> m_values; // row-major
};

// One episode's image statistics, sampled as LeRobot samples them. Pixel values are 8-bit, so a
// 256-value histogram per channel holds everything the statistics need (bounded memory).
class ImageStats {
public:
  explicit ImageStats(std::int64_t episodeFrames);
  // True when frame `index` of the episode is one LeRobot samples (sample_indices).
  bool samples(std::int64_t index) const;
  // Adds frame `index` (row-major RGB, width*height*3), as many times as sample_indices lists it.
  void addFrame(std::int64_t index, const std::uint8_t *rgb, int width, int height);
  StatsSummary summarize(StatsArithmetic arithmetic = StatsArithmetic::Exact) const;

  static std::vector<std::int64_t> sampleIndices(std::int64_t frames); // lerobot's sample_indices

private:
  std::vector<std::int64_t> m_indices; // sorted
  std::array<std::array<std::int64_t, 256>, 3> m_counts{};
  std::array<float, 3> m_sum32{}, m_sumSq32{}; // float32 running sums in lerobot's pixel order
  std::int64_t m_frames = 0;                   // sampled frames added
};

// numpy's float32 sum of one contiguous column (pairwise_sum in numpy/core/src/umath/loops_utils.h.src).
float numpyPairwiseSum(const float *values, std::size_t n);

// Quantiles q01..q99 of weighted values, from LeRobot's 5000-bin histogram over [min - 1e-10, max + 1e-10].
std::array<double, 5> histogramQuantiles(const std::vector<std::pair<double, double>> &valueWeights, double min,
                                         double max);
// aggregate_feature_stats over episodes (quantiles when every episode has them).
StatsSummary aggregateStats(const std::vector<StatsSummary> &episodes);

} // namespace tacit::exporting
