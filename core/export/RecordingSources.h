#pragma once
// Everything an export reads from one recording folder: the manifest, the RGB video (exact frame
// access), the RGB camera model and pose, and the optional hand, trajectory, IMU and gaze series.
#include <Eigen/Geometry>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry/CameraModel.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingManifest.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"
#include "core/util/Result.h"

namespace tacit::exporting {

struct RecordingSources {
  RecordingManifest manifest;
  std::unique_ptr<media::VideoSource> video;
  std::shared_ptr<const geometry::CameraModel> cameraModel; // null when calibration lacks the camera
  Eigen::Isometry3d deviceFromCamera = Eigen::Isometry3d::Identity();
  std::optional<series::HandSeries> hands;
  std::optional<series::TrajectorySeries> trajectory;
  std::optional<series::ImuSeries> imu;
  std::optional<series::GazeSeries> gaze;
  Timestamp handsOffset = 0, trajectoryOffset = 0, imuOffset = 0, gazeOffset = 0;
  std::vector<std::string> warnings;

  // Opens the first video stream and every series the manifest lists. A broken optional series is a
  // warning (the export goes on without it); a missing or unreadable video is an error.
  static Result<std::unique_ptr<RecordingSources>> open(const std::filesystem::path &folder);
  // Video frame rate estimated from the median frame spacing (rounded), at least 1.
  int nominalFps() const;
  // Recording time zero: the earliest first sample of the video and the series (offsets applied), as the
  // main window's time range starts (export reasons are in recording time, core/time/RecordingTime.h).
  Timestamp firstSampleTime() const;
};

} // namespace tacit::exporting
