#pragma once
// Aria "FisheyeRadTanThinPrism" (Fisheye624), single focal: params f, cx, cy, k0..k5, p0, p1, s0..s3.
// Projection is code-exact with projectaria_tools (shared/docs/FORMATS.md §1.10); unprojection
// inverts the tangential + thin-prism part with 2-D Newton, then the radial part with 1-D Newton.
#include <Eigen/Core>

#include "core/geometry/FisheyeCameraBase.h"

namespace tacit::geometry {

class Fisheye624Camera final : public FisheyeCameraBase {
public:
  Fisheye624Camera(int width, int height, std::vector<double> params); // exactly 15 (checked by the factory)
  CameraModelKind kind() const override { return CameraModelKind::Fisheye624; }
  std::optional<Eigen::Vector2d> project(const Eigen::Vector3d &pointCamera) const override;
  std::optional<Eigen::Vector3d> unproject(const Eigen::Vector2d &pixel) const override;

private:
  // Radially distorted point (xr, yr) -> tangential + thin-prism distorted (ux, uy), and its Jacobian.
  Eigen::Vector2d distortTangential(const Eigen::Vector2d &xr, Eigen::Matrix2d *jacobian) const;
};

} // namespace tacit::geometry
