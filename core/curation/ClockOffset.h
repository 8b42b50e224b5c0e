#pragma once
// Clock offsets between streams from the motion they share (docs/curation.md "Clock offset"):
// the IMU's gyroscope against the trajectory's angular velocity (both about 1 kHz), and against the
// video's global image motion (phase correlation of consecutive frames). The lag that maximises the
// normalised cross-correlation of the motion magnitudes is the offset; positive = the compared
// stream's timestamps run ahead of the reference (its events appear later).
#include <functional>
#include <optional>
#include <vector>

#include "core/curation/RecordingSignals.h"

namespace tacit::curation {

struct OffsetEstimate {
  double offsetMs = 0;
  double correlation = 0; // peak normalised cross-correlation (0..1)
  int windows = 0;        // analysis windows that agreed
};

struct OffsetOptions {
  double maxLagMs = 250;
  double windowSec = 8; // length of one analysis window
  int maxWindows = 3;   // the most active windows are used
  int videoWidth = 160; // frames are decoded this wide for the video check
};

// |gyro| of the IMU against |angular velocity| of the trajectory; nullopt without enough motion.
std::optional<OffsetEstimate> imuTrajectoryOffset(const RecordingSignals &sig, const OffsetOptions &options = {});
// |gyro| against the video's frame-to-frame image shift; nullopt without video, IMU or motion.
std::optional<OffsetEstimate> imuVideoOffset(const RecordingSignals &sig, const OffsetOptions &options = {},
                                             const std::function<bool()> &cancelled = {});

// Uniform grid helper: |gyro| of the IMU at `rateHz` over [begin, end) (global), linear interpolation.
std::vector<double> gyroMagnitude(const RecordingSignals &sig, Timestamp begin, Timestamp end, double rateHz);

} // namespace tacit::curation
