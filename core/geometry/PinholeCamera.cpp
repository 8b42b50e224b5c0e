#include "core/geometry/PinholeCamera.h"

namespace tacit::geometry {

PinholeCamera::PinholeCamera(int width, int height, std::vector<double> params)
    : m_width(width), m_height(height), m_params(std::move(params)) {}

std::optional<Eigen::Vector2d> PinholeCamera::project(const Eigen::Vector3d &p) const {
  if (!(p.z() > 0.0))
    return std::nullopt;
  return Eigen::Vector2d(m_params[0] * p.x() / p.z() + m_params[2], m_params[1] * p.y() / p.z() + m_params[3]);
}

std::optional<Eigen::Vector3d> PinholeCamera::unproject(const Eigen::Vector2d &px) const {
  const Eigen::Vector3d ray((px.x() - m_params[2]) / m_params[0], (px.y() - m_params[3]) / m_params[1], 1.0);
  if (!ray.allFinite())
    return std::nullopt;
  return ray.normalized();
}

} // namespace tacit::geometry
