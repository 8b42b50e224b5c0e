#pragma once
// Kinematic signals on one uniform grid (the hand-tracking rate), global time: per hand the wrist
// position in the world frame (device frame without a trajectory), zero-phase low-passed, and its
// speed, acceleration and jerk magnitudes; hand aperture; head angular speed from the gyroscope;
// gaze angular speed in the world. NaN where a signal is missing.
#include <Eigen/Core>
#include <array>
#include <vector>

#include "core/curation/RecordingSignals.h"

namespace tacit::curation {

struct MotionOptions {
  double minHandConfidence = 0.3;
  double positionCutoffHz = 6.0; // Winter's cut-off for gross limb motion
  double slowCutoffHz = 3.0;     // for slowSpeed
  double fillGapSec = 0.1;       // shorter tracking gaps are bridged linearly before filtering
  double defaultRateHz = 30;     // grid rate without hand tracking
};

struct HandTrack {
  std::vector<bool> tracked;              // confidence >= threshold at this grid point
  std::vector<Eigen::Vector3d> position;  // filtered wrist position (m); NaN outside usable runs
  std::vector<double> speed, accel, jerk; // magnitudes (m/s, m/s^2, m/s^3); NaN where unknown
  // Wrist speed from the position low-passed again at slowCutoffHz: tells rest from motion under
  // tracking noise and tremor (idle time, movement onsets for the boundary cues).
  std::vector<double> slowSpeed;
  std::vector<double> aperture;           // mean fingertip-to-palm distance (m), filtered; NaN without landmarks
  std::vector<double> apertureRate;       // d aperture / dt (m/s)
};

struct MotionSignals {
  Timestamp t0 = 0, dt = 0; // grid: t0 + k * dt
  std::size_t n = 0;
  double rateHz() const { return dt > 0 ? 1e9 / static_cast<double>(dt) : 0; }
  Timestamp time(std::size_t k) const { return t0 + static_cast<Timestamp>(k) * dt; }
  // Grid index at or after t, clamped to [0, n].
  std::size_t indexAt(Timestamp t) const;
  bool worldFrame = false; // hand positions are in the world (a trajectory was available)
  bool hasHands = false, hasHead = false, hasGaze = false;
  std::array<HandTrack, 2> hands; // [0] left, [1] right
  std::vector<double> headSpeed;  // mean |gyro| per grid cell (rad/s)
  std::vector<double> gazeSpeed;  // gaze direction angular speed in the world (rad/s), filtered
};

MotionSignals computeMotion(const RecordingSignals &recording, const MotionOptions &options = {});

} // namespace tacit::curation
