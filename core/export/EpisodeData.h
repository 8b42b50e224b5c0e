#pragma once
// The per-frame arrays of one exported episode, already aligned to its video frame times
// (docs/export.md "Per-frame alignment"). Writers (robomimic HDF5, LeRobot) consume this; images are
// pulled frame by frame through a FrameProvider so an episode never has to fit in memory.
#include <Eigen/Geometry>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::exporting {

struct EpisodeData {
  std::string task; // language / task string
  std::string recordingId;
  TimeRange range;                   // device-time span [first frame, end of last frame)
  std::vector<Timestamp> frameTimes; // device time of every exported video frame
  // Palm centres in the camera frame of the same frame (metres, x right, y down, z forward).
  std::vector<Eigen::Vector3f> leftPalm, rightPalm;
  std::vector<std::uint8_t> leftValid, rightValid; // 1 = tracked at this frame (else held from a neighbour)
  // Camera pose in the world frame per frame (identity when the recording has no trajectory).
  std::vector<Eigen::Isometry3d> worldFromCamera;
  // Extra low-dimensional signals resampled to frame times (IMU accel+gyro, gaze yaw/pitch/depth).
  std::vector<std::array<float, 6>> imu;
  std::vector<std::array<float, 3>> gaze;

  std::size_t size() const { return frameTimes.size(); }
};

// Fills `rgb` (height*width*3 bytes, row-major RGB) with exported frame `index` of the episode.
using FrameProvider = std::function<Status(std::size_t index, std::vector<std::uint8_t> &rgb)>;
// Progress in [0,1]; return false to cancel.
using ProgressCallback = std::function<bool(double fraction)>;

} // namespace tacit::exporting
