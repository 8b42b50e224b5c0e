#pragma once
// Projects device-frame points (metres) into a stream's image through the recording's camera model
// (pinhole, kb4 or fisheye624) and T_device_camera. When the decoded image size differs from the
// calibrated size, pixels are scaled by image/calibration size.
#include <QPointF>
#include <QSize>
#include <array>
#include <memory>
#include <optional>

#include "core/recording/RecordingManifest.h"
#include "core/series/HandPose.h"

namespace tacit {

struct ProjectedHand {
  bool present = false;
  float confidence = 0;
  // Image coordinates for painting: pixel (u, v) covers [u, u+1) x [v, v+1), so the centre is u+0.5.
  std::array<std::optional<QPointF>, series::kHandLandmarkCount> points;
};

class CameraProjector {
public:
  CameraProjector() = default;
  CameraProjector(const CameraCalibration &calibration, QSize imageSize);

  bool isValid() const { return m_model != nullptr; }
  // Image coordinates (see ProjectedHand) or nullopt when behind the camera / outside the model's FOV.
  std::optional<QPointF> project(const Eigen::Vector3d &pointDevice) const;
  ProjectedHand projectHand(const series::HandPose &hand) const;
  // Camera origin in the device frame.
  const Rigid &deviceFromCamera() const { return m_T_device_camera; }

private:
  std::shared_ptr<const geometry::CameraModel> m_model;
  Rigid m_T_device_camera;
  Rigid m_T_camera_device;
  double m_sx = 1, m_sy = 1;
};

} // namespace tacit
