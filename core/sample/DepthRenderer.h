#pragma once
// Renders metric depth (z along the optical axis, millimetres, 0 = no return) of the scene through
// a pinhole camera with a z-buffer rasteriser. Small images only (a few hundred pixels across).
#include <Eigen/Geometry>
#include <memory>
#include <opencv2/core.hpp>

#include "core/geometry/CameraModel.h"
#include "core/sample/SceneGeometry.h"

namespace tacit::sample {

class DepthRenderer {
public:
  DepthRenderer(std::shared_ptr<const geometry::CameraModel> pinhole, const Eigen::Isometry3d &T_device_camera);

  // `out` becomes CV_16UC1 of the model's size.
  void render(const SceneState &state, cv::Mat &out) const;

private:
  void triangle(cv::Mat &z, const Eigen::Vector3d &a, const Eigen::Vector3d &b, const Eigen::Vector3d &c) const;
  void polygon(cv::Mat &z, const std::vector<Eigen::Vector3d> &cameraPoints) const;
  void sphere(cv::Mat &z, const Eigen::Vector3d &centre, double radius) const;

  std::shared_ptr<const geometry::CameraModel> m_model;
  Eigen::Isometry3d m_T_device_camera;
  double m_fx, m_fy, m_cx, m_cy;
};

} // namespace tacit::sample
