#pragma once
// theta_d = theta * (1 + k0 theta^2 + k1 theta^4 + ...): the radial part shared by kb4 and fisheye624.
// Knows where it stops being invertible and inverts it with safeguarded Newton iterations.
#include <optional>
#include <vector>

namespace tacit::geometry {

class RadialPolynomial {
public:
  RadialPolynomial() = default;
  explicit RadialPolynomial(std::vector<double> coefficients);

  double eval(double theta) const;
  double derivative(double theta) const;
  // Largest theta (< pi/2) up to which theta_d is strictly increasing.
  double monotonicLimit() const { return m_monotonicLimit; }
  // Limits the valid range to [0, thetaMax] (thetaMax <= monotonicLimit()).
  void setThetaMax(double thetaMax);
  double thetaMax() const { return m_thetaMax; }
  double thetaDMax() const { return m_thetaDMax; }
  // theta in [0, thetaMax] with eval(theta) == thetaD; nullopt when thetaD is out of range.
  std::optional<double> invert(double thetaD) const;

private:
  std::vector<double> m_k;
  double m_monotonicLimit = 0.0;
  double m_thetaMax = 0.0;
  double m_thetaDMax = 0.0;
};

} // namespace tacit::geometry
