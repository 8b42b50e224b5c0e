#include "core/consent/FaceBlur.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace tacit::consent {

void blurBoxes(cv::Mat &image, const std::vector<project::RedactionBox> &boxes) {
  if (image.empty())
    return;
  const cv::Rect bounds(0, 0, image.cols, image.rows);
  for (const auto &b : boxes) {
    const cv::Rect r =
        cv::Rect(static_cast<int>(std::floor(b.x * image.cols)), static_cast<int>(std::floor(b.y * image.rows)),
                 static_cast<int>(std::ceil(b.w * image.cols)) + 1, static_cast<int>(std::ceil(b.h * image.rows)) + 1) &
        bounds;
    if (r.width < 2 || r.height < 2)
      continue;
    cv::Mat roi = image(r);
    // Pixelate to ~6 blocks across: removes identity, not just sharpness.
    const int bw = std::max(1, r.width / 6), bh = std::max(1, r.height / 6);
    cv::Mat small;
    cv::resize(roi, small, cv::Size(std::max(1, r.width / bw), std::max(1, r.height / bh)), 0, 0, cv::INTER_AREA);
    cv::resize(small, roi, roi.size(), 0, 0, cv::INTER_NEAREST);
    const double sigma = std::max(2.0, std::max(r.width, r.height) / 8.0);
    cv::GaussianBlur(roi, roi, cv::Size(0, 0), sigma, sigma, cv::BORDER_REPLICATE);
  }
}

QImage blurBoxes(const QImage &image, const std::vector<project::RedactionBox> &boxes) {
  QImage out = image.convertToFormat(QImage::Format_RGB888);
  cv::Mat m(out.height(), out.width(), CV_8UC3, out.bits(), static_cast<std::size_t>(out.bytesPerLine()));
  blurBoxes(m, boxes);
  return out;
}

std::vector<project::RedactionBox> boxesAt(const std::vector<project::Redaction> &redactions, Timestamp t) {
  std::vector<project::RedactionBox> out;
  for (const auto &r : redactions) {
    const auto boxes = r.boxesAt(t); // plain boxes over the span, or the track's box at t
    out.insert(out.end(), boxes.begin(), boxes.end());
  }
  return out;
}

} // namespace tacit::consent
