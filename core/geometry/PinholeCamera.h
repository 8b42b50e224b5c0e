#pragma once
// Pinhole camera, params fx, fy, cx, cy. Valid for every ray in front of the camera.
#include "core/geometry/CameraModel.h"

namespace tacit::geometry {

class PinholeCamera final : public CameraModel {
public:
  PinholeCamera(int width, int height, std::vector<double> params); // params: exactly 4 (checked by the factory)
  CameraModelKind kind() const override { return CameraModelKind::Pinhole; }
  int width() const override { return m_width; }
  int height() const override { return m_height; }
  const std::vector<double> &params() const override { return m_params; }
  std::optional<Eigen::Vector2d> project(const Eigen::Vector3d &pointCamera) const override;
  std::optional<Eigen::Vector3d> unproject(const Eigen::Vector2d &pixel) const override;

private:
  int m_width, m_height;
  std::vector<double> m_params;
};

} // namespace tacit::geometry
