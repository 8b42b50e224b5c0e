#include "core/sample/TimeWarp.h"

#include <algorithm>
#include <cmath>

namespace tacit::sample {

namespace {

// Antiderivative of smootherstep on [0, 1] (x^6 - 3x^5 + 2.5x^4), continued linearly after 1.
double rampIntegral(double s, double a, double ramp) {
  const double x = std::clamp((s - a) / ramp, 0.0, 1.0);
  const double x4 = x * x * x * x;
  return ramp * (x4 * x * x - 3 * x4 * x + 2.5 * x4) + std::max(0.0, s - a - ramp);
}

} // namespace

TimeWarp::TimeWarp(std::vector<Pause> pauses) : m_pauses(std::move(pauses)) {
  std::sort(m_pauses.begin(), m_pauses.end(), [](const Pause &a, const Pause &b) { return a.scriptSec < b.scriptSec; });
  // Rate window of pause i: [a, a + length + ramp), ramps of kRampSec at both ends; the script time
  // lost over it is exactly `length`. The window starts half a ramp before the halt point's
  // recording time, so the motion halts at about scriptSec.
  double lost = 0;
  for (const Pause &p : m_pauses) {
    m_windowBegin.push_back(p.scriptSec + lost - 0.5 * kRampSec);
    lost += p.lengthSec;
  }
}

double TimeWarp::totalPauseSec() const {
  double sum = 0;
  for (const Pause &p : m_pauses)
    sum += p.lengthSec;
  return sum;
}

double TimeWarp::script(double s) const {
  if (m_pauses.empty())
    return s;
  double lost = 0;
  for (std::size_t i = 0; i < m_pauses.size(); ++i) {
    const double a = m_windowBegin[i];
    const double b = a + m_pauses[i].lengthSec + kRampSec;
    lost += rampIntegral(s, a, kRampSec) - rampIntegral(s, b - kRampSec, kRampSec);
  }
  return s - lost;
}

double TimeWarp::recording(double scriptSec) const {
  if (m_pauses.empty())
    return scriptSec;
  double lo = scriptSec - 1.0, hi = scriptSec + totalPauseSec() + 1.0;
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (lo + hi);
    (script(mid) < scriptSec ? lo : hi) = mid;
  }
  return hi;
}

std::pair<double, double> TimeWarp::pauseSpan(std::size_t i) const {
  const double a = m_windowBegin[i];
  return {a, a + m_pauses[i].lengthSec + kRampSec};
}

std::pair<double, double> TimeWarp::haltSpan(std::size_t i) const {
  // The rate is below 1 % where smootherstep exceeds 0.99 (x > 0.905 of the ramp).
  const auto [a, b] = pauseSpan(i);
  constexpr double kX = 0.905;
  return {a + kX * kRampSec, b - kX * kRampSec};
}

} // namespace tacit::sample
