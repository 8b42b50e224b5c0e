#include "core/geometry/Fisheye624Camera.h"

#include <Eigen/LU>
#include <cmath>

#include "core/geometry/FieldOfView.h"

namespace tacit::geometry {

namespace {
enum : int { kF = 0, kCx = 1, kCy = 2, kK0 = 3, kP0 = 9, kP1 = 10, kS0 = 11, kS1 = 12, kS2 = 13, kS3 = 14 };
constexpr int kMaxNewtonIterations = 50;
} // namespace

Fisheye624Camera::Fisheye624Camera(int width, int height, std::vector<double> params)
    : FisheyeCameraBase(width, height, std::move(params), kK0, 6) {
  limitToImage(m_radial, width, height, m_params[kF], m_params[kF], m_params[kCx], m_params[kCy]);
}

Eigen::Vector2d Fisheye624Camera::distortTangential(const Eigen::Vector2d &xr, Eigen::Matrix2d *jacobian) const {
  const double p0 = m_params[kP0], p1 = m_params[kP1];
  const double s0 = m_params[kS0], s1 = m_params[kS1], s2 = m_params[kS2], s3 = m_params[kS3];
  const double x = xr.x(), y = xr.y();
  const double rd2 = x * x + y * y;
  const double dot = x * p0 + y * p1;
  Eigen::Vector2d u(x + 2 * dot * x + rd2 * p0 + s0 * rd2 + s1 * rd2 * rd2,
                    y + 2 * dot * y + rd2 * p1 + s2 * rd2 + s3 * rd2 * rd2);
  if (jacobian) {
    const double px = s0 + 2 * s1 * rd2; // d(thin prism x)/d(rd2)
    const double py = s2 + 2 * s3 * rd2;
    (*jacobian)(0, 0) = 1 + 6 * p0 * x + 2 * p1 * y + 2 * x * px;
    (*jacobian)(0, 1) = 2 * p1 * x + 2 * p0 * y + 2 * y * px;
    (*jacobian)(1, 0) = 2 * p0 * y + 2 * p1 * x + 2 * x * py;
    (*jacobian)(1, 1) = 1 + 2 * p0 * x + 6 * p1 * y + 2 * y * py;
  }
  return u;
}

std::optional<Eigen::Vector2d> Fisheye624Camera::project(const Eigen::Vector3d &p) const {
  const auto xr = radialDistort(p);
  if (!xr)
    return std::nullopt;
  const Eigen::Vector2d u = distortTangential(*xr, nullptr);
  return Eigen::Vector2d(m_params[kF] * u.x() + m_params[kCx], m_params[kF] * u.y() + m_params[kCy]);
}

std::optional<Eigen::Vector3d> Fisheye624Camera::unproject(const Eigen::Vector2d &px) const {
  const Eigen::Vector2d target((px.x() - m_params[kCx]) / m_params[kF], (px.y() - m_params[kCy]) / m_params[kF]);
  if (!target.allFinite())
    return std::nullopt;
  // Tangential and thin-prism terms are small corrections: start from the target itself.
  Eigen::Vector2d xr = target;
  Eigen::Matrix2d jacobian;
  bool converged = false;
  for (int iter = 0; iter < kMaxNewtonIterations; ++iter) {
    const Eigen::Vector2d residual = distortTangential(xr, &jacobian) - target;
    const double det = jacobian.determinant();
    if (!std::isfinite(det) || std::abs(det) < 1e-12)
      return std::nullopt;
    const Eigen::Vector2d step = jacobian.inverse() * residual;
    xr -= step;
    if (step.norm() <= 1e-15 * (1.0 + xr.norm())) {
      converged = true;
      break;
    }
  }
  // Newton can stall one ulp away from the root; accept it when the residual says so.
  if (!converged && (distortTangential(xr, nullptr) - target).norm() > 1e-12 * (1.0 + target.norm()))
    return std::nullopt;
  return radialUndistort(xr);
}

} // namespace tacit::geometry
