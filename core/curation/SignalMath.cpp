#include "core/curation/SignalMath.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tacit::curation {

double quantile(std::vector<double> v, double q) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
  if (v.empty())
    return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  const double frac = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1 - frac) + v[i + 1] * frac : v[i];
}

double median(std::vector<double> v) {
  return quantile(std::move(v), 0.5);
}

namespace {

// One causal pass of the biquad (bilinear transform with pre-warping).
void biquad(std::vector<double> &x, double rateHz, double cutoffHz) {
  const double k = std::tan(std::numbers::pi * cutoffHz / rateHz);
  const double q = std::numbers::sqrt2 / 2; // Butterworth
  const double norm = 1 / (1 + k / q + k * k);
  const double b0 = k * k * norm, b1 = 2 * b0, b2 = b0;
  const double a1 = 2 * (k * k - 1) * norm, a2 = (1 - k / q + k * k) * norm;
  double x1 = x.empty() ? 0 : x.front(), x2 = x1, y1 = x1, y2 = x1; // start at rest on the first value
  for (double &v : x) {
    const double y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = v;
    y2 = y1;
    y1 = y;
    v = y;
  }
}

} // namespace

std::vector<double> lowPassZeroPhase(const std::vector<double> &x, double rateHz, double cutoffHz) {
  const std::size_t n = x.size();
  if (n < 3 || cutoffHz <= 0 || cutoffHz >= rateHz / 2)
    return x;
  const std::size_t pad = std::min<std::size_t>(n - 1, static_cast<std::size_t>(3 * rateHz / cutoffHz) + 3);
  std::vector<double> y;
  y.reserve(n + 2 * pad);
  for (std::size_t i = pad; i >= 1; --i)
    y.push_back(2 * x.front() - x[i]);
  y.insert(y.end(), x.begin(), x.end());
  for (std::size_t i = 1; i <= pad; ++i)
    y.push_back(2 * x.back() - x[n - 1 - i]);
  biquad(y, rateHz, cutoffHz);
  std::reverse(y.begin(), y.end());
  biquad(y, rateHz, cutoffHz);
  std::reverse(y.begin(), y.end());
  return {y.begin() + static_cast<std::ptrdiff_t>(pad), y.begin() + static_cast<std::ptrdiff_t>(pad + n)};
}

std::vector<double> derivative(const std::vector<double> &x, double dt) {
  const std::size_t n = x.size();
  std::vector<double> d(n, 0.0);
  if (n < 2)
    return d;
  d.front() = (x[1] - x[0]) / dt;
  d.back() = (x[n - 1] - x[n - 2]) / dt;
  for (std::size_t i = 1; i + 1 < n; ++i)
    d[i] = (x[i + 1] - x[i - 1]) / (2 * dt);
  return d;
}

std::vector<Run> runsWhere(std::size_t n, const std::function<bool(std::size_t)> &pred) {
  std::vector<Run> out;
  std::size_t i = 0;
  while (i < n) {
    if (!pred(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && pred(j))
      ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

double correlation(const std::vector<double> &a, const std::vector<double> &b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n < 2)
    return 0;
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ma += a[i];
    mb += b[i];
  }
  ma /= static_cast<double>(n);
  mb /= static_cast<double>(n);
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
}

std::vector<double> filteredRuns(const std::vector<double> &x, double rate, double cutoff, std::size_t minRun) {
  std::vector<double> out(x.size(), std::numeric_limits<double>::quiet_NaN());
  for (const Run &r : runsWhere(x.size(), [&](std::size_t i) { return std::isfinite(x[i]); })) {
    if (r.length() < minRun)
      continue;
    std::vector<double> part(x.begin() + static_cast<std::ptrdiff_t>(r.begin),
                             x.begin() + static_cast<std::ptrdiff_t>(r.end));
    part = lowPassZeroPhase(part, rate, std::min(cutoff, 0.45 * rate));
    std::copy(part.begin(), part.end(), out.begin() + static_cast<std::ptrdiff_t>(r.begin));
  }
  return out;
}

} // namespace tacit::curation
