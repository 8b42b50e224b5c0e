#include "core/export/FrameUndistorter.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace tacit::exporting {

FrameUndistorter::FrameUndistorter(std::shared_ptr<const geometry::CameraModel> model, int srcWidth, int srcHeight,
                                   int outWidth, int outHeight, double focalPx)
    : m_srcW(srcWidth), m_srcH(srcHeight), m_outW(outWidth), m_outH(outHeight),
      m_focal(focalPx > 0 ? focalPx : 266.5 * outWidth / 640.0) {
  if (!model || model->width() != srcWidth || model->height() != srcHeight)
    return;
  m_mapX.create(outHeight, outWidth, CV_32FC1);
  m_mapY.create(outHeight, outWidth, CV_32FC1);
  const double cx = (outWidth - 1) / 2.0, cy = (outHeight - 1) / 2.0;
  for (int v = 0; v < outHeight; ++v) {
    float *mx = m_mapX.ptr<float>(v);
    float *my = m_mapY.ptr<float>(v);
    for (int u = 0; u < outWidth; ++u) {
      const Eigen::Vector3d ray((u - cx) / m_focal, (v - cy) / m_focal, 1.0);
      const auto p = model->project(ray);
      mx[u] = p ? static_cast<float>(p->x()) : -1e6f;
      my[u] = p ? static_cast<float>(p->y()) : -1e6f;
    }
  }
  // Fixed-point maps make cv::remap several times faster than float maps.
  cv::Mat fx = m_mapX, fy = m_mapY;
  cv::convertMaps(fx, fy, m_mapX, m_mapY, CV_16SC2);
}

void FrameUndistorter::apply(const std::uint8_t *src, int srcStride, const std::vector<BlurBox> &blur,
                             std::vector<std::uint8_t> &out) {
  cv::Mat in(m_srcH, m_srcW, CV_8UC3, const_cast<std::uint8_t *>(src), static_cast<std::size_t>(srcStride));
  if (!blur.empty()) {
    in.copyTo(m_scratch);
    for (const auto &b : blur) {
      const int x0 = std::clamp(static_cast<int>(b.x * m_srcW), 0, m_srcW);
      const int y0 = std::clamp(static_cast<int>(b.y * m_srcH), 0, m_srcH);
      const int x1 = std::clamp(static_cast<int>((b.x + b.w) * m_srcW + 0.999), 0, m_srcW);
      const int y1 = std::clamp(static_cast<int>((b.y + b.h) * m_srcH + 0.999), 0, m_srcH);
      if (x1 <= x0 || y1 <= y0)
        continue;
      cv::Mat roi = m_scratch(cv::Rect(x0, y0, x1 - x0, y1 - y0));
      // Pixelate then blur: irreversible, unlike a light blur.
      cv::Mat small;
      cv::resize(roi, small, cv::Size(std::max(1, roi.cols / 16), std::max(1, roi.rows / 16)), 0, 0, cv::INTER_AREA);
      cv::resize(small, roi, roi.size(), 0, 0, cv::INTER_LINEAR);
      cv::GaussianBlur(roi, roi, cv::Size(0, 0), std::max(2.0, roi.cols / 32.0));
    }
    in = m_scratch;
  }
  out.resize(static_cast<std::size_t>(m_outW) * m_outH * 3);
  cv::Mat dst(m_outH, m_outW, CV_8UC3, out.data());
  if (!m_mapX.empty())
    cv::remap(in, dst, m_mapX, m_mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
  else
    cv::resize(in, dst, dst.size(), 0, 0, cv::INTER_AREA);
}

} // namespace tacit::exporting
