#include "widgets/video/CameraProjector.h"

namespace tacit {

CameraProjector::CameraProjector(const CameraCalibration &calibration, QSize imageSize)
    : m_model(calibration.model), m_T_device_camera(calibration.T_device_camera),
      m_T_camera_device(calibration.T_device_camera.inverse()) {
  if (m_model && imageSize.isValid() && m_model->width() > 0 && m_model->height() > 0) {
    m_sx = static_cast<double>(imageSize.width()) / m_model->width();
    m_sy = static_cast<double>(imageSize.height()) / m_model->height();
  }
}

std::optional<QPointF> CameraProjector::project(const Eigen::Vector3d &pointDevice) const {
  if (!m_model)
    return std::nullopt;
  const auto px = m_model->project(m_T_camera_device.apply(pointDevice));
  if (!px)
    return std::nullopt;
  // Scale about pixel edges (p' = s (p + 0.5) - 0.5), then shift to painting coordinates (+0.5).
  return QPointF(m_sx * (px->x() + 0.5), m_sy * (px->y() + 0.5));
}

ProjectedHand CameraProjector::projectHand(const series::HandPose &hand) const {
  ProjectedHand out;
  if (!hand.valid() || !hand.hasLandmarks || !m_model)
    return out;
  out.present = true;
  out.confidence = hand.confidence;
  for (int i = 0; i < series::kHandLandmarkCount; ++i)
    out.points[i] = project(hand.landmarks[i].cast<double>());
  return out;
}

} // namespace tacit
