#pragma once
// Resamples source video frames into the exported pinhole image (EgoMimic: 640x480, f = 266.5 px):
// for every output pixel the pinhole ray is projected through the recording's camera model
// (pinhole / kb4 / fisheye624) and the source is sampled bilinearly (cv::remap). Rays the source
// camera cannot see are black. Without a camera model the frame is only resized (INTER_AREA).
// Spatial redaction boxes are blurred in the source frame before resampling.
#include <cstdint>
#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "core/geometry/CameraModel.h"

namespace tacit::exporting {

struct BlurBox { // normalised 0..1 in the source frame
  double x = 0, y = 0, w = 0, h = 0;
};

class FrameUndistorter {
public:
  // `model` may be null (resize only). focalPx <= 0: 266.5 * outWidth / 640 (EgoMimic's camera).
  FrameUndistorter(std::shared_ptr<const geometry::CameraModel> model, int srcWidth, int srcHeight, int outWidth,
                   int outHeight, double focalPx);
  // Packed RGB24 in (stride bytes per row), packed RGB24 out (outWidth*outHeight*3).
  void apply(const std::uint8_t *src, int srcStride, const std::vector<BlurBox> &blur, std::vector<std::uint8_t> &out);
  double focalPx() const { return m_focal; }
  bool undistorts() const { return !m_mapX.empty(); }

private:
  int m_srcW, m_srcH, m_outW, m_outH;
  double m_focal;
  cv::Mat m_mapX, m_mapY; // fixed-point remap maps (CV_16SC2 + CV_16UC1); empty = resize only
  cv::Mat m_scratch;
};

} // namespace tacit::exporting
