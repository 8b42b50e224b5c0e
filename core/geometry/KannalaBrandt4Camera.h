#pragma once
// Kannala-Brandt with 4 radial terms (Aria "KannalaBrandtK3", the eye-tracking cameras):
// params fx, fy, cx, cy, k0..k3; theta_d = theta (1 + k0 theta^2 + k1 theta^4 + k2 theta^6 + k3 theta^8).
#include "core/geometry/FisheyeCameraBase.h"

namespace tacit::geometry {

class KannalaBrandt4Camera final : public FisheyeCameraBase {
public:
  KannalaBrandt4Camera(int width, int height, std::vector<double> params); // exactly 8 (checked by the factory)
  CameraModelKind kind() const override { return CameraModelKind::KannalaBrandt4; }
  std::optional<Eigen::Vector2d> project(const Eigen::Vector3d &pointCamera) const override;
  std::optional<Eigen::Vector3d> unproject(const Eigen::Vector2d &pixel) const override;
};

} // namespace tacit::geometry
