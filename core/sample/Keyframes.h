#pragma once
// Piecewise smooth keyframe curves for the scripted scene. Smootherstep easing has zero first and
// second derivatives at every key, so curves are C2 and the IMU's accelerations stay finite.
#include <algorithm>
#include <array>
#include <vector>

namespace tacit::sample {

inline double smootherstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * x * (x * (x * 6.0 - 15.0) + 10.0);
}

// Smooth 0..1..0 window over [a, b] with ramps of length `ramp` (C2).
inline double smoothWindow(double s, double a, double b, double ramp) {
  return smootherstep((s - a) / ramp) * (1.0 - smootherstep((s - (b - ramp)) / ramp));
}

template <int N> struct Key {
  double u; // normalized script time 0..1
  std::array<double, N> v;
};

// Value at u: held before the first and after the last key, eased between neighbours.
template <int N> std::array<double, N> interpolateKeys(const std::vector<Key<N>> &keys, double u) {
  if (keys.empty())
    return {};
  if (u <= keys.front().u)
    return keys.front().v;
  if (u >= keys.back().u)
    return keys.back().v;
  auto it = std::upper_bound(keys.begin(), keys.end(), u, [](double x, const Key<N> &k) { return x < k.u; });
  const Key<N> &b = *it;
  const Key<N> &a = *(it - 1);
  const double s = smootherstep((u - a.u) / std::max(1e-12, b.u - a.u));
  std::array<double, N> out{};
  for (int i = 0; i < N; ++i)
    out[i] = a.v[i] + (b.v[i] - a.v[i]) * s;
  return out;
}

} // namespace tacit::sample
