#pragma once
// Shared state and the radial step of the two fisheye models (kb4, fisheye624): both map a ray at
// angle theta from the axis to theta_d = RadialPolynomial(theta) along the ray's image direction.
#include <Eigen/Core>
#include <optional>
#include <vector>

#include "core/geometry/CameraModel.h"
#include "core/geometry/RadialPolynomial.h"

namespace tacit::geometry {

class FisheyeCameraBase : public CameraModel {
public:
  int width() const override { return m_width; }
  int height() const override { return m_height; }
  const std::vector<double> &params() const override { return m_params; }
  double maxTheta() const override { return m_radial.thetaMax(); }

protected:
  FisheyeCameraBase(int width, int height, std::vector<double> params, std::size_t firstRadial,
                    std::size_t radialCount);

  // theta_d * (x, y) / |(x, y)| for a point in front of the camera within maxTheta(); the limit on
  // the optical axis is (0, 0).
  std::optional<Eigen::Vector2d> radialDistort(const Eigen::Vector3d &pointCamera) const;
  // Unit ray whose radially distorted image direction is m; nullopt outside the valid range.
  std::optional<Eigen::Vector3d> radialUndistort(const Eigen::Vector2d &m) const;

  int m_width, m_height;
  std::vector<double> m_params;
  RadialPolynomial m_radial;
};

} // namespace tacit::geometry
