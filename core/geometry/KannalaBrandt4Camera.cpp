#include "core/geometry/KannalaBrandt4Camera.h"

#include <cmath>

#include "core/geometry/FieldOfView.h"

namespace tacit::geometry {

KannalaBrandt4Camera::KannalaBrandt4Camera(int width, int height, std::vector<double> params)
    : FisheyeCameraBase(width, height, std::move(params), 4, 4) {
  limitToImage(m_radial, width, height, m_params[0], m_params[1], m_params[2], m_params[3]);
}

std::optional<Eigen::Vector2d> KannalaBrandt4Camera::project(const Eigen::Vector3d &p) const {
  const auto m = radialDistort(p);
  if (!m)
    return std::nullopt;
  return Eigen::Vector2d(m_params[0] * m->x() + m_params[2], m_params[1] * m->y() + m_params[3]);
}

std::optional<Eigen::Vector3d> KannalaBrandt4Camera::unproject(const Eigen::Vector2d &px) const {
  const double mx = (px.x() - m_params[2]) / m_params[0];
  const double my = (px.y() - m_params[3]) / m_params[1];
  return radialUndistort(Eigen::Vector2d(mx, my));
}

} // namespace tacit::geometry
