#include "core/geometry/CameraModel.h"

#include <cmath>
#include <numbers>

#include "core/geometry/Fisheye624Camera.h"
#include "core/geometry/KannalaBrandt4Camera.h"
#include "core/geometry/PinholeCamera.h"

namespace tacit::geometry {

double CameraModel::maxTheta() const {
  return std::numbers::pi / 2 - 1e-9;
}

const char *cameraModelName(CameraModelKind kind) {
  switch (kind) {
  case CameraModelKind::Pinhole: return "pinhole";
  case CameraModelKind::KannalaBrandt4: return "kb4";
  case CameraModelKind::Fisheye624: return "fisheye624";
  }
  return "unknown";
}

std::optional<CameraModelKind> cameraModelFromName(const std::string &name) {
  for (auto kind : {CameraModelKind::Pinhole, CameraModelKind::KannalaBrandt4, CameraModelKind::Fisheye624})
    if (name == cameraModelName(kind))
      return kind;
  return std::nullopt;
}

int cameraModelParamCount(CameraModelKind kind) {
  switch (kind) {
  case CameraModelKind::Pinhole: return 4;
  case CameraModelKind::KannalaBrandt4: return 8;
  case CameraModelKind::Fisheye624: return 15;
  }
  return 0;
}

std::string cameraParamsProblem(CameraModelKind kind, int width, int height, const std::vector<double> &params) {
  const int expected = cameraModelParamCount(kind);
  if (static_cast<int>(params.size()) != expected)
    return "expected " + std::to_string(expected) + " params for " + cameraModelName(kind) + ", got " +
           std::to_string(params.size());
  if (width <= 0 || height <= 0)
    return "width and height must be > 0, got " + std::to_string(width) + "x" + std::to_string(height);
  for (std::size_t i = 0; i < params.size(); ++i)
    if (!std::isfinite(params[i]))
      return "params[" + std::to_string(i) + "] is not a finite number";
  const int focalCount = kind == CameraModelKind::Fisheye624 ? 1 : 2;
  for (int i = 0; i < focalCount; ++i)
    if (params[i] <= 0)
      return "params[" + std::to_string(i) + "] (focal length) must be > 0";
  return {};
}

std::unique_ptr<CameraModel> makeCameraModel(CameraModelKind kind, int width, int height, std::vector<double> params) {
  if (!cameraParamsProblem(kind, width, height, params).empty())
    return nullptr;
  switch (kind) {
  case CameraModelKind::Pinhole: return std::make_unique<PinholeCamera>(width, height, std::move(params));
  case CameraModelKind::KannalaBrandt4: return std::make_unique<KannalaBrandt4Camera>(width, height, std::move(params));
  case CameraModelKind::Fisheye624: return std::make_unique<Fisheye624Camera>(width, height, std::move(params));
  }
  return nullptr;
}

} // namespace tacit::geometry
