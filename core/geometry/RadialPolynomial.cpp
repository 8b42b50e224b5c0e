#include "core/geometry/RadialPolynomial.h"

#include <cmath>
#include <numbers>

namespace tacit::geometry {

namespace {
// Rays at exactly 90 degrees have z == 0 and cannot be projected by any model here.
constexpr double kHalfPiLimit = std::numbers::pi / 2 - 1e-9;
constexpr int kScanSteps = 20000;
} // namespace

RadialPolynomial::RadialPolynomial(std::vector<double> coefficients) : m_k(std::move(coefficients)) {
  // Scan for the first theta where the derivative stops being positive: beyond it the model folds
  // back on itself and a pixel no longer maps to one ray.
  m_monotonicLimit = kHalfPiLimit;
  for (int i = 1; i <= kScanSteps; ++i) {
    const double theta = kHalfPiLimit * i / kScanSteps;
    if (!(derivative(theta) > 0.0)) {
      m_monotonicLimit = kHalfPiLimit * (i - 1) / kScanSteps;
      break;
    }
  }
  setThetaMax(m_monotonicLimit);
}

double RadialPolynomial::eval(double theta) const {
  const double t2 = theta * theta;
  double poly = 0.0;
  for (auto it = m_k.rbegin(); it != m_k.rend(); ++it)
    poly = (poly + *it) * t2;
  return theta * (1.0 + poly);
}

double RadialPolynomial::derivative(double theta) const {
  // d/dtheta of theta^(2i+3) k_i = (2i+3) k_i theta^(2i+2)
  const double t2 = theta * theta;
  double sum = 1.0, power = t2;
  for (std::size_t i = 0; i < m_k.size(); ++i) {
    sum += static_cast<double>(2 * i + 3) * m_k[i] * power;
    power *= t2;
  }
  return sum;
}

void RadialPolynomial::setThetaMax(double thetaMax) {
  m_thetaMax = std::max(0.0, std::min(thetaMax, m_monotonicLimit));
  m_thetaDMax = eval(m_thetaMax);
}

std::optional<double> RadialPolynomial::invert(double thetaD) const {
  if (!std::isfinite(thetaD) || thetaD < 0.0)
    return std::nullopt;
  if (thetaD > m_thetaDMax * (1.0 + 1e-12))
    return std::nullopt;
  if (thetaD >= m_thetaDMax)
    return m_thetaMax;
  // eval is strictly increasing on [0, thetaMax]: Newton, falling back to bisection whenever a
  // step leaves the bracket, so it always converges.
  double lo = 0.0, hi = m_thetaMax;
  double theta = std::min(thetaD, hi);
  for (int iter = 0; iter < 100; ++iter) {
    const double f = eval(theta) - thetaD;
    if (f == 0.0)
      break;
    if (f > 0)
      hi = theta;
    else
      lo = theta;
    const double d = derivative(theta);
    double next = theta - f / d;
    if (!(next > lo && next < hi))
      next = 0.5 * (lo + hi);
    if (std::abs(next - theta) <= 1e-15 * std::max(1.0, theta)) {
      theta = next;
      break;
    }
    theta = next;
  }
  return theta;
}

} // namespace tacit::geometry
