#include "core/sample/SampleCalibration.h"

#include <algorithm>
#include <numbers>

namespace tacit::sample {

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;

// Aria Gen1 RGB factory calibration at 2880x2880 (a real device's online calibration), fisheye624.
constexpr double kAriaRgb2880[15] = {1220.01943882295,   1461.091249679011, 1447.087207987354, 0.411035882200732,
                                     -0.456468282322496, 0.038303075146701, 1.298336637403988, -1.770471163632234,
                                     0.654993502244781,  -7.9203062637e-05, 4.4207001233e-05,  -0.000587384169463,
                                     0.00056439365081,   0.000515794638327, 0.000235027249453};

Eigen::Isometry3d pose(const Eigen::Matrix3d &R, const Eigen::Vector3d &t) {
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  T.linear() = R;
  T.translation() = t;
  return T;
}
Eigen::Matrix3d aa(double deg, const Eigen::Vector3d &axis) {
  return Eigen::AngleAxisd(deg * kDeg, axis.normalized()).toRotationMatrix();
}
} // namespace

Rigid toRigid(const Eigen::Isometry3d &T) {
  Rigid r;
  r.rotation = Eigen::Quaterniond(T.linear()).normalized();
  r.translation = T.translation();
  return r;
}

std::vector<double> SampleCalibration::ariaRgbFactoryParams() {
  return {std::begin(kAriaRgb2880), std::end(kAriaRgb2880)};
}

Result<SampleCalibration> SampleCalibration::make(const SampleOptions &o) {
  SampleCalibration c;
  // 2880 -> 1408: crop 32 px, halve (p' = 0.5 (p - 32 + 0.5) - 0.5); then scale to the requested size,
  // keeping square pixels (single focal) and centring the extra width or height.
  std::vector<double> p(std::begin(kAriaRgb2880), std::end(kAriaRgb2880));
  p[0] *= 0.5;
  p[1] = 0.5 * (p[1] - 32 + 0.5) - 0.5;
  p[2] = 0.5 * (p[2] - 32 + 0.5) - 0.5;
  const double s = std::min(o.width, o.height) / 1408.0;
  p[0] *= s;
  p[1] = s * (p[1] + 0.5) - 0.5 + (o.width - s * 1408.0) / 2.0;
  p[2] = s * (p[2] + 0.5) - 0.5 + (o.height - s * 1408.0) / 2.0;
  c.rgb = geometry::makeCameraModel(geometry::CameraModelKind::Fisheye624, o.width, o.height, p);
  if (!c.rgb)
    return Result<SampleCalibration>::failure("calibration.json: rgb fisheye624 parameters rejected");

  const int dw = std::max(80, (o.width / 4) & ~1);
  const int dh = std::max(60, (dw * 3 / 4) & ~1);
  const double df = 0.62 * dw; // ~78 degrees horizontal field of view
  c.depth =
      geometry::makeCameraModel(geometry::CameraModelKind::Pinhole, dw, dh, {df, df, (dw - 1) / 2.0, (dh - 1) / 2.0});
  if (!c.depth)
    return Result<SampleCalibration>::failure("calibration.json: depth pinhole parameters rejected");

  c.T_device_rgb = pose(aa(4.0, Eigen::Vector3d(1, 0.3, 0)), Eigen::Vector3d(0.004, -0.012, 0.004));
  c.T_device_depth = pose(aa(6.0, Eigen::Vector3d(1, 0, 0)), Eigen::Vector3d(0.02, -0.01, 0.0));
  // IMU axes differ from the device's (as on Aria): 180 degrees about (1,1,0) swaps x/y and flips z.
  c.T_device_imu = pose(aa(180.0, Eigen::Vector3d(1, 1, 0)) * aa(3.0, Eigen::Vector3d(0, 0, 1)),
                        Eigen::Vector3d(0.03, -0.005, -0.015));
  c.T_device_cpf = pose(aa(180.0, Eigen::Vector3d(0, 0, 1)), Eigen::Vector3d::Zero());
  return c;
}

Calibration SampleCalibration::toCalibration() const {
  Calibration cal;
  cal.cameras["rgb"] = CameraCalibration{"rgb", rgb, toRigid(T_device_rgb)};
  cal.cameras["depth"] = CameraCalibration{"depth", depth, toRigid(T_device_depth)};
  cal.T_device_imu = toRigid(T_device_imu);
  return cal;
}

} // namespace tacit::sample
