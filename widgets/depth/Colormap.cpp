#include "widgets/depth/Colormap.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tacit {

namespace {
QRgb turbo(double x) {
  // Polynomial fit of Turbo by Google (Apache-2.0 reference coefficients).
  x = std::clamp(x, 0.0, 1.0);
  const double r =
      0.13572138 + x * (4.61539260 + x * (-42.66032258 + x * (132.13108234 + x * (-152.94239396 + x * 59.28637943))));
  const double g =
      0.09140261 + x * (2.19418839 + x * (4.84296658 + x * (-14.18503333 + x * (4.27729857 + x * 2.82956604))));
  const double b =
      0.10667330 + x * (12.64194608 + x * (-60.58204836 + x * (110.36276771 + x * (-89.90310912 + x * 27.34824973))));
  auto c = [](double v) { return static_cast<int>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5); };
  return qRgb(c(r), c(g), c(b));
}
} // namespace

const std::array<QRgb, 256> &colormapTable(Colormap map) {
  static const std::array<QRgb, 256> kTurbo = [] {
    std::array<QRgb, 256> t{};
    for (int i = 0; i < 256; ++i)
      t[i] = turbo(i / 255.0);
    return t;
  }();
  static const std::array<QRgb, 256> kGrey = [] {
    std::array<QRgb, 256> t{};
    for (int i = 0; i < 256; ++i)
      t[i] = qRgb(i, i, i);
    return t;
  }();
  return map == Colormap::Turbo ? kTurbo : kGrey;
}

QImage colorizeDepth(const QImage &depth, Colormap map, int minMm, int maxMm) {
  if (depth.isNull() || depth.format() != QImage::Format_Grayscale16)
    return {};
  QImage out(depth.size(), QImage::Format_RGB32);
  const auto &lut = colormapTable(map);
  const double span = std::max(1, maxMm - minMm);
  // Per-value table for the whole 16-bit range would be 256 KB; a scale + clamp per pixel is cheap.
  const int w = depth.width();
  for (int y = 0; y < depth.height(); ++y) {
    const auto *src = reinterpret_cast<const std::uint16_t *>(depth.constScanLine(y));
    auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
    for (int x = 0; x < w; ++x) {
      const int v = src[x];
      if (v == 0) {
        dst[x] = qRgb(0, 0, 0);
        continue;
      }
      const int i = static_cast<int>((v - minMm) * 255.0 / span);
      dst[x] = lut[std::clamp(i, 0, 255)];
    }
  }
  return out;
}

std::pair<int, int> autoDepthRange(const QImage &depth) {
  if (depth.isNull() || depth.format() != QImage::Format_Grayscale16)
    return {0, 0};
  std::vector<std::uint16_t> values;
  const int step = std::max(1, static_cast<int>(std::sqrt(double(depth.width()) * depth.height() / 20000.0)));
  for (int y = 0; y < depth.height(); y += step) {
    const auto *src = reinterpret_cast<const std::uint16_t *>(depth.constScanLine(y));
    for (int x = 0; x < depth.width(); x += step)
      if (src[x] != 0)
        values.push_back(src[x]);
  }
  if (values.empty())
    return {0, 0};
  auto at = [&](double q) {
    auto it = values.begin() + static_cast<std::ptrdiff_t>(q * (values.size() - 1));
    std::nth_element(values.begin(), it, values.end());
    return static_cast<int>(*it);
  };
  const int lo = at(0.02), hi = at(0.98);
  return {lo, std::max(lo + 1, hi)};
}

} // namespace tacit
