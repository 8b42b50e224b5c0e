#include "core/export/ActionTargets.h"

#include <algorithm>
#include <cmath>

namespace tacit::exporting {
namespace {

Eigen::Isometry3d poseAt(const EpisodeData &ep, std::size_t i) {
  return i < ep.worldFromCamera.size() ? ep.worldFromCamera[i] : Eigen::Isometry3d::Identity();
}

// Both palms of frame j, moved into the camera frame of frame t.
void palmsInFrame(const EpisodeData &ep, std::size_t t, std::size_t j, Eigen::Vector3d out[2]) {
  const Eigen::Isometry3d camTFromCamJ = poseAt(ep, t).inverse() * poseAt(ep, j);
  out[0] = camTFromCamJ * ep.leftPalm[j].cast<double>();
  out[1] = camTFromCamJ * ep.rightPalm[j].cast<double>();
}

void put(std::vector<float> &dst, const Eigen::Vector3d p[2]) {
  for (int h = 0; h < 2; ++h)
    for (int k = 0; k < 3; ++k)
      dst.push_back(static_cast<float>(p[h][k]));
}

} // namespace

std::vector<float> eePoseArray(const EpisodeData &ep) {
  std::vector<float> out;
  out.reserve(ep.size() * 6);
  for (std::size_t i = 0; i < ep.size(); ++i) {
    const Eigen::Vector3d p[2] = {ep.leftPalm[i].cast<double>(), ep.rightPalm[i].cast<double>()};
    put(out, p);
  }
  return out;
}

std::vector<float> futureActions(const EpisodeData &ep, int steps, int stride) {
  std::vector<float> out;
  const std::size_t n = ep.size();
  out.reserve(n * steps * 6);
  for (std::size_t t = 0; t < n; ++t)
    for (int k = 1; k <= steps; ++k) {
      const std::size_t j = std::min(n - 1, t + static_cast<std::size_t>(k * stride));
      Eigen::Vector3d p[2];
      palmsInFrame(ep, t, j, p);
      put(out, p);
    }
  return out;
}

std::vector<float> denseFutureActions(const EpisodeData &ep, int steps, int stride, int keySteps) {
  std::vector<float> out;
  const std::size_t n = ep.size();
  out.reserve(n * steps * 6);
  const double first = stride, last = static_cast<double>(stride) * keySteps;
  for (std::size_t t = 0; t < n; ++t)
    for (int m = 0; m < steps; ++m) {
      const double offset = steps > 1 ? first + (last - first) * m / (steps - 1) : first;
      const double f = std::min(static_cast<double>(n - 1), static_cast<double>(t) + offset);
      const std::size_t j0 = static_cast<std::size_t>(std::floor(f));
      const std::size_t j1 = std::min(n - 1, j0 + 1);
      const double w = f - static_cast<double>(j0);
      Eigen::Vector3d a[2], b[2], p[2];
      palmsInFrame(ep, t, j0, a);
      palmsInFrame(ep, t, j1, b);
      for (int h = 0; h < 2; ++h)
        p[h] = (1.0 - w) * a[h] + w * b[h];
      put(out, p);
    }
  return out;
}

} // namespace tacit::exporting
