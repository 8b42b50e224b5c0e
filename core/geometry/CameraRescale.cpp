#include "core/geometry/CameraRescale.h"

namespace tacit::geometry {

std::unique_ptr<CameraModel> rescaleCamera(const CameraModel &model, int newWidth, int newHeight, double scale,
                                           const Eigen::Vector2d &cropOffset) {
  if (!(scale > 0.0))
    return nullptr;
  std::vector<double> p = model.params();
  const auto principal = [&](double c, double offset) { return scale * (c - offset + 0.5) - 0.5; };
  if (model.kind() == CameraModelKind::Fisheye624) { // f, cx, cy, ...
    p[0] *= scale;
    p[1] = principal(p[1], cropOffset.x());
    p[2] = principal(p[2], cropOffset.y());
  } else { // fx, fy, cx, cy, ...
    p[0] *= scale;
    p[1] *= scale;
    p[2] = principal(p[2], cropOffset.x());
    p[3] = principal(p[3], cropOffset.y());
  }
  return makeCameraModel(model.kind(), newWidth, newHeight, std::move(p));
}

std::unique_ptr<CameraModel> ariaRgbRescaleTo1408(const CameraModel &calibration2880) {
  return rescaleCamera(calibration2880, kAriaRgbHalfSize, kAriaRgbHalfSize, 0.5,
                       Eigen::Vector2d(kAriaRgbHalfCrop, kAriaRgbHalfCrop));
}

} // namespace tacit::geometry
