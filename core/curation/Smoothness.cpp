#include "core/curation/Smoothness.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>

namespace tacit::curation {

double ldljFromSpeed(const std::vector<double> &v, double rate) {
  const std::size_t n = v.size();
  if (n < 5)
    return std::numeric_limits<double>::quiet_NaN();
  const double dt = 1.0 / rate;
  double peak = 0;
  for (double x : v)
    peak = std::max(peak, x);
  if (peak <= 0)
    return std::numeric_limits<double>::quiet_NaN();
  double integral = 0;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double d2 = (v[i + 1] - 2 * v[i] + v[i - 1]) / (dt * dt);
    integral += d2 * d2 * dt;
  }
  const double duration = static_cast<double>(n - 1) * dt;
  const double dlj = std::pow(duration, 3) / (peak * peak) * integral;
  return dlj > 0 ? -std::log(dlj) : std::numeric_limits<double>::quiet_NaN();
}

double sparc(const std::vector<double> &v, double rate, double maxCutoffHz, double threshold) {
  const std::size_t n = v.size();
  if (n < 5)
    return std::numeric_limits<double>::quiet_NaN();
  std::size_t size = 1;
  while (size < n)
    size <<= 1;
  size <<= 4;
  cv::Mat in = cv::Mat::zeros(1, static_cast<int>(size), CV_64F);
  for (std::size_t i = 0; i < n; ++i)
    in.at<double>(0, static_cast<int>(i)) = v[i];
  cv::Mat spectrum;
  cv::dft(in, spectrum, cv::DFT_COMPLEX_OUTPUT);
  const double df = rate / static_cast<double>(size);
  const auto bins = static_cast<std::size_t>(std::min(maxCutoffHz, rate / 2) / df) + 1;
  std::vector<double> mag(bins);
  for (std::size_t k = 0; k < bins; ++k) {
    const auto c = spectrum.at<cv::Vec2d>(0, static_cast<int>(k));
    mag[k] = std::hypot(c[0], c[1]);
  }
  const double dc = *std::max_element(mag.begin(), mag.end());
  if (dc <= 0)
    return std::numeric_limits<double>::quiet_NaN();
  for (double &m : mag)
    m /= dc;
  std::size_t last = 0;
  for (std::size_t k = 0; k < bins; ++k)
    if (mag[k] >= threshold)
      last = k;
  if (last < 1)
    return 0;
  const double fc = static_cast<double>(last) * df;
  double arc = 0;
  for (std::size_t k = 1; k <= last; ++k) {
    const double dfn = df / fc, dm = mag[k] - mag[k - 1];
    arc += std::sqrt(dfn * dfn + dm * dm);
  }
  return -arc;
}

std::vector<Run> movementUnits(const std::vector<double> &speed, std::size_t begin, std::size_t end, double rate,
                               double onSpeed, double offSpeed, double minSec) {
  std::vector<Run> out;
  end = std::min(end, speed.size());
  auto ok = [&](std::size_t i, double thr) { return std::isfinite(speed[i]) && speed[i] > thr; };
  std::size_t i = begin;
  while (i < end) {
    if (!ok(i, onSpeed)) {
      ++i;
      continue;
    }
    std::size_t a = i, b = i;
    while (a > begin && ok(a - 1, offSpeed))
      --a;
    while (b < end && ok(b, offSpeed))
      ++b;
    if (static_cast<double>(b - a) / rate >= minSec && (out.empty() || a >= out.back().end))
      out.push_back({a, b});
    i = b + 1;
  }
  return out;
}

} // namespace tacit::curation
