#pragma once
// Demo-quality metrics of one span (a labelled segment or a whole recording), from the motion
// signals and the sampled frames. Definitions and sources: docs/curation.md; ids: MetricCatalogue.
#include <map>
#include <string>
#include <vector>

#include "core/curation/MetricCatalogue.h"
#include "core/curation/MotionSignals.h"

namespace tacit::curation {

struct MetricValue {
  double value = 0;      // raw, in the catalogue's unit (NaN when it cannot be computed)
  double normalised = 0; // length-normalised (NaN likewise)
  TimeRange worst;       // where it is worst (empty when not localised)
};

struct MetricSet {
  TimeRange span;
  std::map<std::string, MetricValue> values; // by metric id
  const MetricValue *get(const std::string &id) const;
  double normalised(const std::string &id) const; // NaN when absent
};

// One sampled video frame (PixelMetrics).
struct FrameQuality {
  Timestamp t = 0;
  double sharpness = 0; // variance of the Laplacian at the analysis width
  double luma = 0;      // mean grey 0..255
  double clipped = 0;   // fraction of pixels at <= 5 or >= 250
};

struct MetricOptions {
  double movingSpeed = 0.05; // m/s: a movement unit starts above this wrist speed
  double restSpeed = 0.02;   // m/s: ... and ends below this
  double minMovementSec = 0.2;
  double idleHeadSpeed = 0.15; // rad/s: head still below this
  double idleAperture = 0.02;  // m/s: fingers still below this aperture rate
  double blurGyro = 1.0;       // rad/s: blur risk above this
  double spikeAccel = 4.0;     // m/s^2: an acceleration peak above this (and 4x the median) is a spike
};

MetricSet computeMetrics(const MotionSignals &motion, TimeRange span, const std::vector<FrameQuality> &frames,
                         const MetricOptions &options = {});

// The Tukey-fence distance of `value` from [Q1 - 1.5 IQR, Q3 + 1.5 IQR] of `population`, in IQR
// units (0 inside the fences; NaN with fewer than 4 values or IQR = 0 and value inside).
double tukeyOutlier(double value, const std::vector<double> &population);

} // namespace tacit::curation
