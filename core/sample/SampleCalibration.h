#pragma once
// Calibration of the synthetic device: an Aria-like fisheye624 RGB camera (the real Aria RGB
// intrinsics rescaled to 1408x1408 as projectaria_tools does, then to the requested size), a small
// pinhole depth camera and an IMU with a non-trivial mounting. Device frame: x right, y down,
// z forward (camera-like), origin between the eyes.
#include <Eigen/Geometry>
#include <memory>
#include <vector>

#include "core/geometry/CameraModel.h"
#include "core/recording/RecordingManifest.h"
#include "core/sample/SampleOptions.h"
#include "core/util/Result.h"

namespace tacit::sample {

struct SampleCalibration {
  std::shared_ptr<const geometry::CameraModel> rgb, depth;
  Eigen::Isometry3d T_device_rgb, T_device_depth, T_device_imu;
  // Central pupil frame (X left, Y up, Z forward) used by gaze.csv; not part of calibration.json.
  Eigen::Isometry3d T_device_cpf;

  static Result<SampleCalibration> make(const SampleOptions &options);
  Calibration toCalibration() const;
  // The real Aria RGB factory intrinsics at 2880x2880 (fisheye624, 15 params) the rgb model derives from.
  static std::vector<double> ariaRgbFactoryParams();
};

Rigid toRigid(const Eigen::Isometry3d &T);

} // namespace tacit::sample
