#include "core/geometry/FisheyeCameraBase.h"

#include <cmath>

namespace tacit::geometry {

FisheyeCameraBase::FisheyeCameraBase(int width, int height, std::vector<double> params, std::size_t firstRadial,
                                     std::size_t radialCount)
    : m_width(width), m_height(height), m_params(std::move(params)),
      m_radial(std::vector<double>(m_params.begin() + static_cast<std::ptrdiff_t>(firstRadial),
                                   m_params.begin() + static_cast<std::ptrdiff_t>(firstRadial + radialCount))) {}

std::optional<Eigen::Vector2d> FisheyeCameraBase::radialDistort(const Eigen::Vector3d &p) const {
  if (!(p.z() > 0.0))
    return std::nullopt;
  const double r = std::hypot(p.x(), p.y());
  const double theta = std::atan2(r, p.z());
  if (theta > m_radial.thetaMax())
    return std::nullopt;
  const double thetaD = m_radial.eval(theta);
  return r > 0 ? Eigen::Vector2d(thetaD * p.x() / r, thetaD * p.y() / r) : Eigen::Vector2d(0, 0);
}

std::optional<Eigen::Vector3d> FisheyeCameraBase::radialUndistort(const Eigen::Vector2d &m) const {
  const double thetaD = m.norm();
  const auto theta = m_radial.invert(thetaD);
  if (!theta)
    return std::nullopt;
  if (thetaD == 0.0)
    return Eigen::Vector3d(0, 0, 1);
  const double s = std::sin(*theta) / thetaD;
  return Eigen::Vector3d(s * m.x(), s * m.y(), std::cos(*theta));
}

} // namespace tacit::geometry
