#include "core/sample/RgbRenderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

#include "core/geometry/HandSkeleton.h"
#include "core/sample/FrameCode.h"

namespace tacit::sample {

namespace {
constexpr int kShift = 4; // OpenCV sub-pixel bits for drawing
constexpr double kOne = 1 << kShift;
constexpr int kSides = 16; // polygon approximating the valid-FOV cone

cv::Point fixedPoint(const Eigen::Vector2d &p) {
  return cv::Point(static_cast<int>(std::lround(p.x() * kOne)), static_cast<int>(std::lround(p.y() * kOne)));
}
cv::Scalar scalar(Colour c) {
  return cv::Scalar(c.r, c.g, c.b);
}
} // namespace

RgbRenderer::RgbRenderer(std::shared_ptr<const geometry::CameraModel> model, const Eigen::Isometry3d &T_device_camera)
    : m_model(std::move(model)), m_T_device_camera(T_device_camera) {
  // A 16-sided pyramid inscribed in the cone of valid rays: everything inside it projects.
  const double theta = std::min(m_model->maxTheta(), 85.0 * std::numbers::pi / 180.0) - 0.004;
  std::vector<Eigen::Vector3d> dirs;
  for (int k = 0; k < kSides; ++k) {
    const double a = 2 * std::numbers::pi * k / kSides;
    dirs.emplace_back(std::sin(theta) * std::cos(a), std::sin(theta) * std::sin(a), std::cos(theta));
  }
  for (int k = 0; k < kSides; ++k) {
    Eigen::Vector3d n = dirs[k].cross(dirs[(k + 1) % kSides]).normalized();
    if (n.z() < 0)
      n = -n;
    m_planes.push_back({n, 0.0});
  }
  m_planes.push_back({Eigen::Vector3d(0, 0, 1), -0.01}); // near plane, 1 cm
  m_maxSegmentPx = std::max(6.0, m_model->width() / 120.0);
}

Eigen::Isometry3d RgbRenderer::cameraFromWorld(const SceneState &state) const {
  return (state.T_world_device * m_T_device_camera).inverse();
}

std::vector<Eigen::Vector3d> RgbRenderer::clip(std::vector<Eigen::Vector3d> poly) const {
  std::vector<Eigen::Vector3d> out;
  for (const Plane &pl : m_planes) {
    if (poly.empty())
      break;
    out.clear();
    for (std::size_t i = 0; i < poly.size(); ++i) {
      const Eigen::Vector3d &a = poly[i];
      const Eigen::Vector3d &b = poly[(i + 1) % poly.size()];
      const double da = pl.n.dot(a) + pl.d, db = pl.n.dot(b) + pl.d;
      if (da >= 0)
        out.push_back(a);
      if ((da >= 0) != (db >= 0))
        out.push_back(a + (b - a) * (da / (da - db)));
    }
    poly.swap(out);
  }
  return poly;
}

void RgbRenderer::appendEdge(const Eigen::Vector3d &a, const Eigen::Vector2d &pa, const Eigen::Vector3d &b,
                             const Eigen::Vector2d &pb, int depth, std::vector<cv::Point> &out) const {
  if (depth < 8 && (pa - pb).squaredNorm() > m_maxSegmentPx * m_maxSegmentPx) {
    const Eigen::Vector3d m = 0.5 * (a + b);
    if (const auto pm = m_model->project(m)) {
      appendEdge(a, pa, m, *pm, depth + 1, out);
      appendEdge(m, *pm, b, pb, depth + 1, out);
      return;
    }
  }
  out.push_back(fixedPoint(pa));
}

void RgbRenderer::fillPolygon(cv::Mat &img, const std::vector<Eigen::Vector3d> &cameraPoints, Colour colour) const {
  const std::vector<Eigen::Vector3d> poly = clip(cameraPoints);
  if (poly.size() < 3)
    return;
  std::vector<Eigen::Vector2d> projected;
  std::vector<Eigen::Vector3d> kept;
  for (const auto &p : poly)
    if (const auto pp = m_model->project(p)) {
      projected.push_back(*pp);
      kept.push_back(p);
    }
  if (kept.size() < 3)
    return;
  std::vector<cv::Point> outline;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const std::size_t j = (i + 1) % kept.size();
    appendEdge(kept[i], projected[i], kept[j], projected[j], 0, outline);
  }
  const cv::Point *pts = outline.data();
  const int n = static_cast<int>(outline.size());
  cv::fillPoly(img, &pts, &n, 1, scalar(colour), cv::LINE_8, kShift);
}

double RgbRenderer::pixelRadius(const Eigen::Vector3d &p, const Eigen::Vector2d &pp, double radius) const {
  const Eigen::Vector3d side = p.cross(Eigen::Vector3d::UnitY()).normalized();
  if (const auto q = m_model->project(p + radius * side))
    return (*q - pp).norm();
  return 0.0;
}

void RgbRenderer::drawHand(cv::Mat &img, const HandLandmarks &lm, const Eigen::Vector3d &forearm, bool left) const {
  using geometry::hand::index;
  using geometry::hand::Landmark;
  const Colour skin = left ? kLeftHandColour : kRightHandColour;
  const Colour joint = left ? kLeftHandJointColour : kRightHandJointColour;
  std::array<std::optional<Eigen::Vector2d>, 21> px;
  std::array<double, 21> radius{};
  for (int i = 0; i < 21; ++i) {
    px[i] = m_model->project(lm[i]);
    if (px[i])
      radius[i] = pixelRadius(lm[i], *px[i], kFingerRadius);
  }
  const int wrist = index(Landmark::Wrist);
  // Forearm (a sleeve in a darker shade of the hand colour).
  if (px[wrist]) {
    if (const auto pf = m_model->project(forearm)) {
      const Colour sleeve{static_cast<unsigned char>(skin.r * 3 / 4), static_cast<unsigned char>(skin.g * 3 / 4),
                          static_cast<unsigned char>(skin.b * 3 / 4)};
      const int thick = std::max(2, static_cast<int>(std::lround(3.2 * radius[wrist])));
      cv::line(img, fixedPoint(*pf), fixedPoint(*px[wrist]), scalar(sleeve), thick, cv::LINE_8, kShift);
    }
  }
  // Palm: convex hull of the wrist, thumb base and knuckles.
  std::vector<cv::Point> palm;
  for (Landmark l : {Landmark::Wrist, Landmark::ThumbIntermediate, Landmark::IndexProximal, Landmark::MiddleProximal,
                     Landmark::RingProximal, Landmark::PinkyProximal})
    if (px[index(l)])
      palm.push_back(fixedPoint(*px[index(l)]));
  if (palm.size() >= 3) {
    std::vector<cv::Point> hull;
    cv::convexHull(palm, hull);
    cv::fillConvexPoly(img, hull, scalar(skin), cv::LINE_8, kShift);
  }
  for (const auto &bone : geometry::hand::kBones) {
    const int a = index(bone.from), b = index(bone.to);
    if (!px[a] || !px[b])
      continue;
    const int thick = std::max(3, static_cast<int>(std::lround(1.1 * (radius[a] + radius[b]))));
    cv::line(img, fixedPoint(*px[a]), fixedPoint(*px[b]), scalar(skin), thick, cv::LINE_8, kShift);
  }
  for (int i = 0; i < 21; ++i)
    if (px[i]) {
      const int r = std::max(static_cast<int>(1.5 * kOne), static_cast<int>(std::lround(radius[i] * 0.7 * kOne)));
      cv::circle(img, fixedPoint(*px[i]), r, scalar(joint), cv::FILLED, cv::LINE_8, kShift);
    }
}

std::vector<Eigen::Vector3d> RgbRenderer::faceOutline(const SceneState &state, const Eigen::Isometry3d &T_cam_world,
                                                      double scale, const Eigen::Vector3d &offsetUp, int n) const {
  const Eigen::Vector3d c = T_cam_world * (state.faceCentreWorld + offsetUp);
  const Eigen::Vector3d d = c.normalized();
  const Eigen::Vector3d upWorld = T_cam_world.linear() * Eigen::Vector3d::UnitZ();
  const Eigen::Vector3d up = (upWorld - upWorld.dot(d) * d).normalized();
  const Eigen::Vector3d right = up.cross(d);
  std::vector<Eigen::Vector3d> pts;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * std::numbers::pi * i / n;
    pts.push_back(c + state.faceRadius * scale * (0.8 * std::cos(a) * right + std::sin(a) * up));
  }
  return pts;
}

void RgbRenderer::drawFace(cv::Mat &img, const SceneState &state, const Eigen::Isometry3d &T_cam_world) const {
  const double r = state.faceRadius;
  fillPolygon(img, faceOutline(state, T_cam_world, 1.08, Eigen::Vector3d(0, 0, 0.25 * r), 24), Colour{60, 42, 30});
  fillPolygon(img, faceOutline(state, T_cam_world, 1.0, Eigen::Vector3d::Zero(), 24), kFaceColour);
  const Eigen::Vector3d c = T_cam_world * state.faceCentreWorld;
  const Eigen::Vector3d d = c.normalized();
  const Eigen::Vector3d upWorld = T_cam_world.linear() * Eigen::Vector3d::UnitZ();
  const Eigen::Vector3d up = (upWorld - upWorld.dot(d) * d).normalized();
  const Eigen::Vector3d right = up.cross(d);
  for (double side : {-1.0, 1.0}) {
    const Eigen::Vector3d eye = c + r * (0.32 * side * right + 0.2 * up);
    if (const auto pe = m_model->project(eye)) {
      const int rad = std::max(1, static_cast<int>(std::lround(pixelRadius(eye, *pe, 0.1 * r) * kOne)));
      cv::circle(img, fixedPoint(*pe), rad, cv::Scalar(30, 30, 40), cv::FILLED, cv::LINE_8, kShift);
    }
  }
  const auto m0 = m_model->project(c + r * (-0.3 * right - 0.42 * up));
  const auto m1 = m_model->project(c + r * (0.3 * right - 0.42 * up));
  if (m0 && m1) {
    const int thick = std::max(1, static_cast<int>(std::lround(pixelRadius(c, *m0, 0.06 * r))));
    cv::line(img, fixedPoint(*m0), fixedPoint(*m1), cv::Scalar(150, 60, 60), thick, cv::LINE_8, kShift);
  }
}

std::optional<cv::Rect2d> RgbRenderer::faceBox(const SceneState &state) const {
  if (!state.faceVisible)
    return std::nullopt;
  const Eigen::Isometry3d T = cameraFromWorld(state);
  auto outline = faceOutline(state, T, 1.0, Eigen::Vector3d::Zero(), 48);
  const auto hair = faceOutline(state, T, 1.08, Eigen::Vector3d(0, 0, 0.25 * state.faceRadius), 48);
  outline.insert(outline.end(), hair.begin(), hair.end());
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  int n = 0;
  for (const auto &p : outline)
    if (const auto pp = m_model->project(p)) {
      x0 = std::min(x0, pp->x());
      y0 = std::min(y0, pp->y());
      x1 = std::max(x1, pp->x());
      y1 = std::max(y1, pp->y());
      ++n;
    }
  if (n == 0)
    return std::nullopt;
  // Pixel-edge coordinates: pixel centres are integers, so the image spans -0.5 .. W-0.5.
  x0 = std::max(x0, -0.5);
  y0 = std::max(y0, -0.5);
  x1 = std::min(x1, m_model->width() - 0.5);
  y1 = std::min(y1, m_model->height() - 0.5);
  if (x1 <= x0 || y1 <= y0)
    return std::nullopt;
  return cv::Rect2d(x0, y0, x1 - x0, y1 - y0);
}

void RgbRenderer::render(const SceneState &state, std::uint32_t frameIndex, cv::Mat &out) const {
  const int w = m_model->width(), h = m_model->height();
  if (out.rows != h || out.cols != w || out.type() != CV_8UC3)
    out.create(h, w, CV_8UC3);
  out.setTo(cv::Scalar(200, 200, 200));
  const Eigen::Isometry3d T_cam_world = cameraFromWorld(state);
  const Eigen::Vector3d eyeWorld = T_cam_world.inverse().translation();

  std::vector<RenderObject> objects = buildSceneObjects(state);
  std::stable_sort(objects.begin(), objects.end(), [&](const RenderObject &a, const RenderObject &b) {
    if (a.layer != b.layer)
      return a.layer < b.layer;
    return (a.centre - eyeWorld).squaredNorm() > (b.centre - eyeWorld).squaredNorm();
  });
  std::vector<Eigen::Vector3d> cam;
  bool faceDrawn = !state.faceVisible;
  const double faceDist = (state.faceCentreWorld - eyeWorld).squaredNorm();
  for (const RenderObject &o : objects) {
    if (!faceDrawn && o.layer == 2 && (o.centre - eyeWorld).squaredNorm() < faceDist) {
      drawFace(out, state, T_cam_world);
      faceDrawn = true;
    }
    for (const Face &f : o.faces) {
      if (f.normal.dot(eyeWorld - f.vertices[0]) <= 0)
        continue; // back face
      cam.clear();
      for (const auto &v : f.vertices)
        cam.push_back(T_cam_world * v);
      fillPolygon(out, cam, f.colour);
    }
  }
  if (!faceDrawn)
    drawFace(out, state, T_cam_world);

  // Hands, farther one first.
  std::array<int, 2> order{0, 1};
  const auto dist = [&](int s) { return (state.hands[s].T_world_wrist.translation() - eyeWorld).squaredNorm(); };
  if (dist(1) > dist(0))
    std::swap(order[0], order[1]);
  for (int s : order) {
    HandLandmarks lm;
    for (int i = 0; i < 21; ++i)
      lm[i] = T_cam_world * state.hands[s].landmarksWorld[i];
    const Eigen::Vector3d forearm = T_cam_world * (state.hands[s].T_world_wrist * Eigen::Vector3d(-0.16, 0, 0.005));
    drawHand(out, lm, forearm, s == static_cast<int>(Side::Left));
  }

  if (state.motionBlur) {
    const int k = std::max(3, (w / 40) | 1);
    cv::blur(out, out, cv::Size(k, 1));
  }
  drawFrameCode(out.data, w, h, static_cast<int>(out.step), frameIndex);
}

} // namespace tacit::sample
