#include "core/sample/DepthRenderer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/geometry/HandSkeleton.h"

namespace tacit::sample {

namespace {
constexpr double kNear = 0.05;
constexpr float kFar = std::numeric_limits<float>::infinity();
} // namespace

DepthRenderer::DepthRenderer(std::shared_ptr<const geometry::CameraModel> pinhole,
                             const Eigen::Isometry3d &T_device_camera)
    : m_model(std::move(pinhole)), m_T_device_camera(T_device_camera) {
  const auto &p = m_model->params();
  m_fx = p[0];
  m_fy = p[1];
  m_cx = p[2];
  m_cy = p[3];
}

void DepthRenderer::triangle(cv::Mat &z, const Eigen::Vector3d &a, const Eigen::Vector3d &b,
                             const Eigen::Vector3d &c) const {
  const Eigen::Vector2d pa(m_fx * a.x() / a.z() + m_cx, m_fy * a.y() / a.z() + m_cy);
  const Eigen::Vector2d pb(m_fx * b.x() / b.z() + m_cx, m_fy * b.y() / b.z() + m_cy);
  const Eigen::Vector2d pc(m_fx * c.x() / c.z() + m_cx, m_fy * c.y() / c.z() + m_cy);
  const double area = (pb - pa).x() * (pc - pa).y() - (pb - pa).y() * (pc - pa).x();
  if (std::abs(area) < 1e-12)
    return;
  const int x0 = std::max(0, static_cast<int>(std::ceil(std::min({pa.x(), pb.x(), pc.x()}))));
  const int x1 = std::min(z.cols - 1, static_cast<int>(std::floor(std::max({pa.x(), pb.x(), pc.x()}))));
  const int y0 = std::max(0, static_cast<int>(std::ceil(std::min({pa.y(), pb.y(), pc.y()}))));
  const int y1 = std::min(z.rows - 1, static_cast<int>(std::floor(std::max({pa.y(), pb.y(), pc.y()}))));
  const double ia = 1.0 / a.z(), ib = 1.0 / b.z(), ic = 1.0 / c.z();
  auto edge = [](const Eigen::Vector2d &p, const Eigen::Vector2d &q, double x, double y) {
    return (q.x() - p.x()) * (y - p.y()) - (q.y() - p.y()) * (x - p.x());
  };
  for (int y = y0; y <= y1; ++y) {
    float *row = z.ptr<float>(y);
    for (int x = x0; x <= x1; ++x) {
      const double wa = edge(pb, pc, x, y) / area, wb = edge(pc, pa, x, y) / area, wc = edge(pa, pb, x, y) / area;
      if (wa < 0 || wb < 0 || wc < 0)
        continue;
      const float depth = static_cast<float>(1.0 / (wa * ia + wb * ib + wc * ic));
      if (depth < row[x])
        row[x] = depth;
    }
  }
}

void DepthRenderer::polygon(cv::Mat &z, const std::vector<Eigen::Vector3d> &in) const {
  // Clip against the near plane, then fan-triangulate.
  std::vector<Eigen::Vector3d> poly;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const Eigen::Vector3d &a = in[i];
    const Eigen::Vector3d &b = in[(i + 1) % in.size()];
    const double da = a.z() - kNear, db = b.z() - kNear;
    if (da >= 0)
      poly.push_back(a);
    if ((da >= 0) != (db >= 0))
      poly.push_back(a + (b - a) * (da / (da - db)));
  }
  for (std::size_t i = 1; i + 1 < poly.size(); ++i)
    triangle(z, poly[0], poly[i], poly[i + 1]);
}

void DepthRenderer::sphere(cv::Mat &z, const Eigen::Vector3d &c, double radius) const {
  if (c.z() < kNear + radius)
    return;
  const double u = m_fx * c.x() / c.z() + m_cx, v = m_fy * c.y() / c.z() + m_cy;
  const double r = m_fx * radius / c.z();
  const float depth = static_cast<float>(c.z() - radius * 0.7);
  const int x0 = std::max(0, static_cast<int>(std::ceil(u - r))), x1 = std::min(z.cols - 1, static_cast<int>(u + r));
  const int y0 = std::max(0, static_cast<int>(std::ceil(v - r))), y1 = std::min(z.rows - 1, static_cast<int>(v + r));
  for (int y = y0; y <= y1; ++y) {
    float *row = z.ptr<float>(y);
    for (int x = x0; x <= x1; ++x)
      if ((x - u) * (x - u) + (y - v) * (y - v) <= r * r && depth < row[x])
        row[x] = depth;
  }
}

void DepthRenderer::render(const SceneState &state, cv::Mat &out) const {
  cv::Mat z(m_model->height(), m_model->width(), CV_32F, cv::Scalar(kFar));
  const Eigen::Isometry3d T_cam_world = (state.T_world_device * m_T_device_camera).inverse();
  std::vector<Eigen::Vector3d> cam;
  for (const RenderObject &o : buildSceneObjects(state))
    for (const Face &f : o.faces) {
      cam.clear();
      for (const auto &v : f.vertices)
        cam.push_back(T_cam_world * v);
      polygon(z, cam);
    }
  if (state.faceVisible)
    sphere(z, T_cam_world * state.faceCentreWorld, state.faceRadius);
  using geometry::hand::index;
  using geometry::hand::Landmark;
  for (const HandState &hand : state.hands) {
    HandLandmarks lm;
    for (int i = 0; i < 21; ++i)
      lm[i] = T_cam_world * hand.landmarksWorld[i];
    const int w = index(Landmark::Wrist);
    const int knuckles[] = {index(Landmark::ThumbIntermediate), index(Landmark::IndexProximal),
                            index(Landmark::MiddleProximal), index(Landmark::RingProximal),
                            index(Landmark::PinkyProximal)};
    for (int i = 0; i + 1 < 5; ++i)
      polygon(z, {lm[w], lm[knuckles[i]], lm[knuckles[i + 1]]});
    for (const auto &bone : geometry::hand::kBones) {
      const Eigen::Vector3d a = lm[index(bone.from)], b = lm[index(bone.to)];
      const int steps = std::max(1, static_cast<int>((b - a).norm() / 0.004));
      for (int s = 0; s <= steps; ++s)
        sphere(z, a + (b - a) * (static_cast<double>(s) / steps), kFingerRadius);
    }
    const Eigen::Vector3d forearm = T_cam_world * (hand.T_world_wrist * Eigen::Vector3d(-0.16, 0, 0.005));
    for (int s = 0; s <= 20; ++s)
      sphere(z, forearm + (lm[w] - forearm) * (s / 20.0), 1.6 * kFingerRadius);
  }
  out.create(z.rows, z.cols, CV_16UC1);
  for (int y = 0; y < z.rows; ++y) {
    const float *src = z.ptr<float>(y);
    auto *dst = out.ptr<std::uint16_t>(y);
    for (int x = 0; x < z.cols; ++x)
      dst[x] =
          std::isfinite(src[x]) ? static_cast<std::uint16_t>(std::clamp(std::lround(src[x] * 1000.0), 0L, 65535L)) : 0;
  }
}

} // namespace tacit::sample
