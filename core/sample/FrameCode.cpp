#include "core/sample/FrameCode.h"

#include <QImage>
#include <algorithm>
#include <cstdio>
#include <opencv2/imgproc.hpp>

namespace tacit::sample {

namespace {
constexpr int kGuardLevel = 128;
constexpr int kDarkBelow = 96, kBrightAbove = 160, kGuardLow = 72, kGuardHigh = 184;

// Mean luma (BT.601 weights) of the central half of a cell.
int cellLuma(const std::uint8_t *rgb, int stride, int x, int y, int cell) {
  const int a = cell / 4, b = cell - cell / 4;
  long sum = 0, n = 0;
  for (int yy = y + a; yy < y + b; ++yy) {
    const std::uint8_t *row = rgb + static_cast<long>(yy) * stride;
    for (int xx = x + a; xx < x + b; ++xx) {
      const std::uint8_t *p = row + 3 * xx;
      sum += 299 * p[0] + 587 * p[1] + 114 * p[2];
      ++n;
    }
  }
  return n ? static_cast<int>(sum / (1000 * n)) : 0;
}
} // namespace

FrameCodeLayout frameCodeLayout(int width) {
  FrameCodeLayout l;
  l.cell = std::max(8, (width / 64) & ~1);
  l.x0 = ((width - (kFrameCodeBits + 2) * l.cell) / 2) & ~1;
  l.y0 = 0;
  return l;
}

void drawFrameCode(std::uint8_t *rgb, int width, int height, int stride, std::uint32_t index) {
  const FrameCodeLayout l = frameCodeLayout(width);
  if (l.x0 < 0 || height < 3 * l.cell)
    return;
  cv::Mat img(height, width, CV_8UC3, rgb, static_cast<std::size_t>(stride));
  auto fill = [&](int i, int level) {
    cv::rectangle(img, cv::Rect(l.x0 + i * l.cell, l.y0, l.cell, l.cell), cv::Scalar(level, level, level), cv::FILLED);
  };
  fill(0, kGuardLevel);
  fill(kFrameCodeBits + 1, kGuardLevel);
  for (int bit = 0; bit < kFrameCodeBits; ++bit) {
    const bool on = (index >> (kFrameCodeBits - 1 - bit)) & 1u;
    fill(bit + 1, on ? 255 : 0);
  }
  char text[32];
  std::snprintf(text, sizeof text, "#%06u", static_cast<unsigned>(index));
  const double scale = l.cell / 26.0;
  const int thick = std::max(1, l.cell / 10);
  int baseline = 0;
  const cv::Size size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, thick, &baseline);
  const cv::Point org((width - size.width) / 2, l.y0 + l.cell + size.height + l.cell / 3);
  cv::putText(img, text, org, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), thick + 2, cv::LINE_AA);
  cv::putText(img, text, org, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255), thick, cv::LINE_AA);
}

std::optional<std::uint32_t> readFrameCode(const std::uint8_t *rgb, int width, int height, int stride) {
  if (!rgb)
    return std::nullopt;
  const FrameCodeLayout l = frameCodeLayout(width);
  if (l.x0 < 0 || height < l.y0 + l.cell)
    return std::nullopt;
  for (int guard : {0, kFrameCodeBits + 1}) {
    const int v = cellLuma(rgb, stride, l.x0 + guard * l.cell, l.y0, l.cell);
    if (v < kGuardLow || v > kGuardHigh)
      return std::nullopt;
  }
  std::uint32_t value = 0;
  for (int bit = 0; bit < kFrameCodeBits; ++bit) {
    const int v = cellLuma(rgb, stride, l.x0 + (bit + 1) * l.cell, l.y0, l.cell);
    if (v > kBrightAbove)
      value = (value << 1) | 1u;
    else if (v < kDarkBelow)
      value <<= 1;
    else
      return std::nullopt;
  }
  return value;
}

std::optional<std::uint32_t> readFrameCode(const QImage &image) {
  if (image.isNull())
    return std::nullopt;
  if (image.format() == QImage::Format_RGB888)
    return readFrameCode(image.constBits(), image.width(), image.height(), static_cast<int>(image.bytesPerLine()));
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  return readFrameCode(rgb.constBits(), rgb.width(), rgb.height(), static_cast<int>(rgb.bytesPerLine()));
}

} // namespace tacit::sample
