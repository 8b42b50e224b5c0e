#include "core/geometry/KannalaBrandt4Camera.h"

#include <cmath>

#include "core/geometry/FieldOfView.h"

namespace tacit::geometry {

KannalaBrandt4Camera::KannalaBrandt4Camera(int width, int height, std::vector<double> params)
    : m_width(width), m_height(height), m_params(std::move(params)),
      m_radial({m_params[4], m_params[5], m_params[6], m_params[7]}) {
  limitToImage(m_radial, width, height, m_params[0], m_params[1], m_params[2], m_params[3]);
}

std::optional<Eigen::Vector2d> KannalaBrandt4Camera::project(const Eigen::Vector3d &p) const {
  if (!(p.z() > 0.0))
    return std::nullopt;
  const double r = std::hypot(p.x(), p.y());
  const double theta = std::atan2(r, p.z());
  if (theta > m_radial.thetaMax())
    return std::nullopt;
  const double thetaD = m_radial.eval(theta);
  const double mx = r > 0 ? thetaD * p.x() / r : 0.0;
  const double my = r > 0 ? thetaD * p.y() / r : 0.0;
  return Eigen::Vector2d(m_params[0] * mx + m_params[2], m_params[1] * my + m_params[3]);
}

std::optional<Eigen::Vector3d> KannalaBrandt4Camera::unproject(const Eigen::Vector2d &px) const {
  const double mx = (px.x() - m_params[2]) / m_params[0];
  const double my = (px.y() - m_params[3]) / m_params[1];
  const double thetaD = std::hypot(mx, my);
  const auto theta = m_radial.invert(thetaD);
  if (!theta)
    return std::nullopt;
  if (thetaD == 0.0)
    return Eigen::Vector3d(0, 0, 1);
  const double s = std::sin(*theta) / thetaD;
  return Eigen::Vector3d(s * mx, s * my, std::cos(*theta));
}

} // namespace tacit::geometry
