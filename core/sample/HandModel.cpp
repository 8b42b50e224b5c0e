#include "core/sample/HandModel.h"

#include <Eigen/Geometry>
#include <cmath>
#include <numbers>

namespace tacit::sample {

namespace {

struct FingerSpec {
  int proximal, intermediate, distal, tip;
  Eigen::Vector3d base;
  double splayDeg;
  std::array<double, 3> lengths;
};

constexpr double kDeg = std::numbers::pi / 180.0;

// Chain from `base` along `dir`, bending each joint towards the palm (-z) by the given angles.
void chain(const Eigen::Vector3d &base, const Eigen::Vector3d &dir, const std::array<double, 3> &lengths,
           const std::array<double, 3> &angles, std::array<Eigen::Vector3d, 4> &out) {
  const Eigen::Vector3d palmward(0, 0, -1);
  const Eigen::Vector3d axis = dir.cross(palmward).normalized();
  out[0] = base;
  double phi = 0;
  for (int i = 0; i < 3; ++i) {
    phi += angles[i];
    const Eigen::Vector3d d = Eigen::AngleAxisd(phi, axis) * dir;
    out[i + 1] = out[i] + lengths[i] * d;
  }
}

} // namespace

HandLandmarks handLandmarksInHandFrame(Side side, double flex) {
  const double f = 0.12 + 0.88 * std::clamp(flex, 0.0, 1.0); // a relaxed hand is slightly curled
  static const FingerSpec kFingers[4] = {
      {8, 9, 10, 1, {0.085, 0.028, 0.0}, 7.0, {0.040, 0.024, 0.020}},
      {11, 12, 13, 2, {0.090, 0.007, 0.0}, 0.0, {0.045, 0.028, 0.021}},
      {14, 15, 16, 3, {0.084, -0.013, 0.0}, -6.0, {0.042, 0.027, 0.020}},
      {17, 18, 19, 4, {0.073, -0.032, 0.0}, -12.0, {0.032, 0.020, 0.018}},
  };
  HandLandmarks lm;
  lm[5] = Eigen::Vector3d::Zero();              // wrist
  lm[20] = Eigen::Vector3d(0.048, 0.0, -0.010); // palm centre
  for (const auto &fs : kFingers) {
    const double s = fs.splayDeg * kDeg * (1.0 - 0.5 * f);
    const Eigen::Vector3d dir(std::cos(s), std::sin(s), 0.0);
    std::array<Eigen::Vector3d, 4> pts;
    chain(fs.base, dir, fs.lengths, {0.85 * f, 1.25 * f, 0.75 * f}, pts);
    lm[fs.proximal] = pts[0];
    lm[fs.intermediate] = pts[1];
    lm[fs.distal] = pts[2];
    lm[fs.tip] = pts[3];
  }
  // Thumb: intermediate (6), distal (7), tip (0); it swings towards the palm when grasping.
  {
    const Eigen::Vector3d base(0.028, 0.036, -0.012);
    const Eigen::Vector3d dir0 = Eigen::Vector3d(0.62, 0.72, -0.30).normalized();
    const Eigen::Vector3d dir = Eigen::AngleAxisd(-0.55 * f, Eigen::Vector3d(0.3, 0.2, 1.0).normalized()) * dir0;
    std::array<Eigen::Vector3d, 4> pts;
    chain(base, dir, {0.036, 0.030, 0.026}, {0.0, 0.35 * f, 0.45 * f}, pts);
    lm[6] = pts[1];
    lm[7] = pts[2];
    lm[0] = pts[3];
  }
  if (side == Side::Left)
    for (auto &p : lm)
      p.y() = -p.y();
  return lm;
}

} // namespace tacit::sample
