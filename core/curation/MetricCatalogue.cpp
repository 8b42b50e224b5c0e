#include "core/curation/MetricCatalogue.h"

#include <algorithm>
#include <cmath>

namespace tacit::curation {

const std::vector<MetricDef> &metricCatalogue() {
  // Anchors: `good` about the clean synthetic sample's value, `bad` what a reviewer would flag
  // (docs/curation.md explains each).
  static const std::vector<MetricDef> all = {
      {"duration_s", "Duration", "s", "s", true, 0, 0, 0},
      {"duration_outlier", "Duration outlier (Tukey, per label)", "IQR", "IQR", true, 0, 1.5, 1.0},
      {"idle_fraction", "Idle (hands and head still)", "fraction", "fraction", true, 0.30, 0.50, 1.0},
      {"path_efficiency", "Path efficiency of the acting hand", "ratio", "ratio", false, 0.85, 0.55, 1.0},
      {"jerk_median", "Jerk, median", "m/s^3", "m/s^3", true, 2.0, 12.0, 0.5},
      {"jerk_p95", "Jerk, 95th percentile", "m/s^3", "m/s^3", true, 8.0, 40.0, 1.0},
      {"ldlj", "LDLJ of hand speed", "", "per movement", false, -6.5, -9.5, 1.0},
      {"sparc", "SPARC of hand speed", "", "per movement", false, -1.8, -3.5, 1.0},
      {"accel_spikes", "Acceleration spikes", "count", "per min", true, 0.0, 20.0, 0.5},
      {"tracking_loss", "Hand tracking lost", "fraction", "fraction", true, 0.05, 0.20, 1.0},
      {"longest_dropout_s", "Longest tracking dropout", "s", "fraction of length", true, 0.06, 0.20, 0.5},
      {"blur_risk", "Head-motion blur risk (|gyro| > 1 rad/s)", "fraction", "fraction", true, 0.03, 0.15, 1.0},
      {"gyro_p95", "Head angular speed, 95th percentile", "rad/s", "rad/s", true, 1.0, 2.5, 0},
      {"sharpness", "Sharpness (Laplacian variance), median", "grey^2", "grey^2", false, 0, 0, 0, true},
      {"blurred_frames", "Blurred frames (sharpness < half the recording's p90)", "fraction", "fraction", true, 0.05,
       0.25, 1.0, true},
      {"exposure", "Exposure (mean grey), median", "grey", "grey", true, 0, 0, 0, true},
      {"exposure_bad", "Badly exposed frames", "fraction", "fraction", true, 0.02, 0.20, 1.0, true},
      {"integrity_issues", "Data-integrity issues (frames, gaps, clocks)", "count", "per min", true, 0.0, 5.0, 1.0},
  };
  return all;
}

const MetricDef *findMetric(std::string_view id) {
  for (const MetricDef &d : metricCatalogue())
    if (id == d.id)
      return &d;
  return nullptr;
}

double badness(const MetricDef &d, double v) {
  if (!std::isfinite(v) || d.bad == d.good)
    return 0;
  return std::clamp((v - d.good) / (d.bad - d.good), 0.0, 2.0);
}

} // namespace tacit::curation
