#include "core/sample/SceneScript.h"

#include <cmath>
#include <numbers>

#include "core/sample/Rng.h"

namespace tacit::sample {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
const Eigen::Vector3d kHeadBase(0.0, -0.20, 0.42);

// Device (= camera-like) axes: x right, y down, z forward. Looking along world +y, level.
Eigen::Matrix3d deviceBase() {
  Eigen::Matrix3d r;
  r.col(0) = Eigen::Vector3d(1, 0, 0);
  r.col(1) = Eigen::Vector3d(0, 0, -1);
  r.col(2) = Eigen::Vector3d(0, 1, 0);
  return r;
}

// Hand frame (+x fingers, +y thumb side for the right hand, +z back of hand) with the palm down and
// the fingers pointing along world +y.
Eigen::Matrix3d handBase() {
  Eigen::Matrix3d r;
  r.col(0) = Eigen::Vector3d(0, 1, 0);
  r.col(1) = Eigen::Vector3d(-1, 0, 0);
  r.col(2) = Eigen::Vector3d(0, 0, 1);
  return r;
}

Eigen::Matrix3d rotZ(double a) {
  return Eigen::AngleAxisd(a, Eigen::Vector3d::UnitZ()).toRotationMatrix();
}
Eigen::Matrix3d rotX(double a) {
  return Eigen::AngleAxisd(a, Eigen::Vector3d::UnitX()).toRotationMatrix();
}
Eigen::Matrix3d rotY(double a) {
  return Eigen::AngleAxisd(a, Eigen::Vector3d::UnitY()).toRotationMatrix();
}

Key<7> handKey(double u, const Eigen::Vector3d &p, double yaw, double pitch, double roll, double flex) {
  return {u, {p.x(), p.y(), p.z(), yaw, pitch, roll, flex}};
}

Eigen::Isometry3d handPose(const std::array<double, 7> &v) {
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  T.linear() = rotZ(v[3] * kDeg) * handBase() * rotY(v[4] * kDeg) * rotX(v[5] * kDeg);
  T.translation() = Eigen::Vector3d(v[0], v[1], v[2]);
  return T;
}

// Drawer geometry (closed): centre, half extents, how far it can open.
const Eigen::Vector3d kCabinetCentre(-0.30, 0.58, 0.12);
const Eigen::Vector3d kCabinetHalf(0.17, 0.14, 0.12);
const Eigen::Vector3d kDrawerClosed(-0.30, 0.565, 0.09);
const Eigen::Vector3d kDrawerHalf(0.14, 0.13, 0.055);
constexpr double kDrawerOpen = 0.16;
const Eigen::Vector3d kHandleOffset(0.0, -0.145, 0.012); // from the drawer centre
const Eigen::Vector3d kMugInDrawer(0.03, -0.06, 0.0);    // mug centre relative to the drawer centre

Eigen::Isometry3d translation(const Eigen::Vector3d &p) {
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  T.translation() = p;
  return T;
}

} // namespace

SceneScript::SceneScript(const SampleOptions &options)
    : m_duration(options.durationSec), m_durationNs(fromSeconds(options.durationSec)), m_seed(options.seed) {
  Rng rng(options.seed * 0x2545F4914F6CDD1Dull + 17);
  auto jitter = [&](double a) { return rng.uniform(-a, a); };
  m_cubeStart = Eigen::Vector3d(0.12 + jitter(0.015), 0.22 + jitter(0.015), 0.025);
  m_cubeTarget = Eigen::Vector3d(-0.03 + jitter(0.015), 0.30 + jitter(0.015), 0.025);
  m_mugStart = Eigen::Vector3d(0.22 + jitter(0.015), 0.10 + jitter(0.015), 0.045);
  m_boxPos = Eigen::Vector3d(0.32 + jitter(0.02), 0.42 + jitter(0.02), 0.05);
  for (double &p : m_swayPhase)
    p = rng.uniform(0, 2 * std::numbers::pi);
  if (options.degradation.pauses > 0)
    planPauses(options.degradation); // before any span: spans map script time through the pauses

  auto span = [&](double a, double b) { return TimeRange{nsAtU(a), nsAtU(b)}; };
  m_tasks = {
      {"reach", "right", "red_cube", span(0.02, 0.12)},
      {"grasp", "right", "red_cube", span(0.12, 0.19)},
      {"move", "right", "red_cube", span(0.19, 0.33)},
      {"place", "right", "red_cube", span(0.33, 0.40)},
      {"open_drawer", "left", "drawer", span(0.40, 0.58)},
      {"pick", "right", "purple_mug", span(0.58, 0.72)},
      {"place_in_drawer", "right", "purple_mug", span(0.72, 0.86)},
      {"close_drawer", "left", "drawer", span(0.86, 0.98)},
  };
  m_defects.trackingDropout = span(0.50, 0.55);
  m_defects.motionBlur = span(0.62, 0.67);
  m_defects.bystanderFace = span(0.18, 0.38);

  m_headKeys = {{0.00, {0, 38, 0, 0, 0}},         {0.10, {-6, 40, 0.01, 0.02, -0.01}},
                {0.30, {2, 38, -0.01, 0.01, 0}},  {0.40, {10, 36, -0.02, 0, 0}},
                {0.56, {12, 38, -0.03, 0.02, 0}}, {0.62, {-6, 40, 0.01, 0.01, -0.01}},
                {0.72, {-4, 40, 0.01, 0, 0}},     {0.80, {10, 38, -0.02, 0.02, 0}},
                {0.86, {12, 37, -0.02, 0.01, 0}}, {0.97, {8, 37, -0.01, 0, 0}},
                {1.00, {6, 37, 0, 0, 0}}};

  // Right hand: cube (reach, grasp, move, place), then mug (pick, place in drawer).
  const Eigen::Vector3d restR(0.20, -0.02, 0.06), restL(-0.20, -0.02, 0.06);
  const Eigen::Vector3d cubeGrip(0.0, -0.055, 0.05), mugGrip(0.0, -0.062, 0.072), lift(0, 0, 0.08);
  const Eigen::Vector3d drawerOpenCentre = kDrawerClosed - Eigen::Vector3d(0, kDrawerOpen, 0);
  const Eigen::Vector3d mugInDrawer = drawerOpenCentre + kMugInDrawer;
  auto &R = m_handKeys[static_cast<int>(Side::Right)];
  R = {handKey(0.00, restR, 15, 5, 0, 0.2),
       handKey(0.02, restR, 15, 5, 0, 0.2),
       handKey(0.12, m_cubeStart + cubeGrip, 0, 20, 0, 0.15),
       handKey(0.19, m_cubeStart + cubeGrip, 0, 20, 0, 0.75),
       handKey(0.22, m_cubeStart + cubeGrip + lift, 0, 20, 0, 0.75),
       handKey(0.30, m_cubeTarget + cubeGrip + lift, 0, 20, 0, 0.75),
       handKey(0.33, m_cubeTarget + cubeGrip, 0, 20, 0, 0.75),
       handKey(0.36, m_cubeTarget + cubeGrip, 0, 20, 0, 0.15),
       handKey(0.40, m_cubeTarget + cubeGrip + lift, 5, 10, 0, 0.2),
       handKey(0.47, restR, 15, 5, 0, 0.2),
       handKey(0.58, restR, 15, 5, 0, 0.2),
       handKey(0.65, m_mugStart + mugGrip, 0, 25, 0, 0.15),
       handKey(0.68, m_mugStart + mugGrip, 0, 25, 0, 0.8),
       handKey(0.72, m_mugStart + mugGrip + lift * 1.5, 0, 25, 0, 0.8),
       handKey(0.79, mugInDrawer + mugGrip + lift * 1.5, 0, 25, 0, 0.8),
       handKey(0.82, mugInDrawer + mugGrip, 0, 25, 0, 0.8),
       handKey(0.84, mugInDrawer + mugGrip, 0, 25, 0, 0.15),
       handKey(0.88, mugInDrawer + mugGrip + lift * 1.2, 5, 15, 0, 0.2),
       handKey(0.95, restR, 15, 5, 0, 0.2)};
  if (options.degradation.failedGrasp)
    addFailedGrasp(m_cubeStart + cubeGrip);

  // Left hand: open the drawer by its handle, later push it closed.
  const Eigen::Vector3d handleClosed = kDrawerClosed + kHandleOffset;
  const Eigen::Vector3d handleOpen = handleClosed - Eigen::Vector3d(0, kDrawerOpen, 0);
  const Eigen::Vector3d pullGrip(0.0, -0.10, 0.045), pushGrip(0.0, -0.095, 0.06);
  auto &L = m_handKeys[static_cast<int>(Side::Left)];
  L = {handKey(0.00, restL, -15, 5, 0, 0.2),
       handKey(0.40, restL, -15, 5, 0, 0.2),
       handKey(0.46, handleClosed + pullGrip, 0, 35, 0, 0.2),
       handKey(0.49, handleClosed + pullGrip, 0, 35, 0, 0.7),
       handKey(0.56, handleOpen + pullGrip, 0, 35, 0, 0.7),
       handKey(0.58, handleOpen + pullGrip, 0, 35, 0, 0.2),
       handKey(0.63, restL, -15, 5, 0, 0.2),
       handKey(0.86, restL, -15, 5, 0, 0.2),
       handKey(0.91, handleOpen + pushGrip, 0, 10, 0, 0.05),
       handKey(0.96, handleClosed + pushGrip, 0, 10, 0, 0.05),
       handKey(0.99, restL, -15, 5, 0, 0.2)};

  m_drawerKeys = {{0.0, {0}}, {0.49, {0}}, {0.56, {kDrawerOpen}}, {0.91, {kDrawerOpen}}, {0.96, {0}}};

  auto g = [](double u, const Eigen::Vector3d &p) { return Key<3>{u, {p.x(), p.y(), p.z()}}; };
  m_gazeKeys = {g(0.00, Eigen::Vector3d(0, 0.35, 0)),
                g(0.04, m_cubeStart),
                g(0.20, m_cubeStart),
                g(0.28, m_cubeTarget),
                g(0.38, m_cubeTarget),
                g(0.43, handleClosed),
                g(0.56, handleOpen),
                g(0.62, m_mugStart),
                g(0.72, m_mugStart),
                g(0.78, mugInDrawer),
                g(0.86, mugInDrawer),
                g(0.90, handleOpen),
                g(0.96, handleClosed),
                g(1.00, Eigen::Vector3d(0, 0.35, 0))};
  if (options.degradation.any())
    planDegradation(options.degradation);
}

double SceneScript::drawerOpen(double u) const {
  return interpolateKeys(m_drawerKeys, u)[0];
}

Eigen::Isometry3d SceneScript::worldFromDevice(double s) const {
  const double u = scriptU(s);
  const auto k = interpolateKeys(m_headKeys, u);
  const double twoPi = 2 * std::numbers::pi;
  double yaw = k[0] * kDeg + 0.015 * std::sin(twoPi * 0.21 * s + m_swayPhase[0]);
  double pitch = k[1] * kDeg + 0.012 * std::sin(twoPi * 0.33 * s + m_swayPhase[1]);
  const double roll = 0.02 * std::sin(twoPi * 0.17 * s + m_swayPhase[2]);
  // Motion-blur defect: a quick head shake.
  const double blurA = toSeconds(m_defects.motionBlur.begin - kStartNs);
  const double blurB = toSeconds(m_defects.motionBlur.end - kStartNs);
  const double ramp = std::min(0.15, 0.25 * (blurB - blurA));
  yaw += 7.0 * kDeg * std::sin(twoPi * 2.5 * (s - blurA)) * smoothWindow(s, blurA, blurB, ramp);
  if (!m_degradationSpans.extraBlur.empty())
    yaw += extraHeadShake(s);
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  T.linear() = rotZ(yaw) * rotX(-pitch) * deviceBase() * rotZ(roll);
  T.translation() = kHeadBase + Eigen::Vector3d(k[2], k[3], k[4]) +
                    Eigen::Vector3d(0.008 * std::sin(twoPi * 0.23 * s + m_swayPhase[1]),
                                    0.006 * std::sin(twoPi * 0.31 * s + m_swayPhase[2]),
                                    0.005 * std::sin(twoPi * 0.5 * s + m_swayPhase[0]));
  return T;
}

DeviceKinematics SceneScript::deviceKinematics(double s) const {
  constexpr double h = 1e-4;
  const Eigen::Isometry3d Tm = worldFromDevice(s - h), T0 = worldFromDevice(s), Tp = worldFromDevice(s + h);
  DeviceKinematics k;
  k.T_world_device = T0;
  k.velocityWorld = (Tp.translation() - Tm.translation()) / (2 * h);
  k.accelerationWorld = (Tp.translation() - 2 * T0.translation() + Tm.translation()) / (h * h);
  // Body rates from the relative rotations on either side of s.
  const Eigen::AngleAxisd before(Tm.linear().transpose() * T0.linear());
  const Eigen::AngleAxisd after(T0.linear().transpose() * Tp.linear());
  const Eigen::Vector3d wBefore = before.axis() * before.angle() / h;
  const Eigen::Vector3d wAfter = after.axis() * after.angle() / h;
  k.angularVelocityDevice = 0.5 * (wBefore + wAfter);
  k.angularAccelerationDevice = (wAfter - wBefore) / h;
  return k;
}

SceneState SceneScript::stateAt(double s) const {
  SceneState st;
  st.seconds = s;
  const double u = scriptU(s);
  st.T_world_device = worldFromDevice(s);
  const Timestamp t = kStartNs + fromSeconds(s);

  std::array<Eigen::Isometry3d, 2> wrist;
  for (int side = 0; side < 2; ++side) {
    const auto v = interpolateKeys(m_handKeys[side], u);
    HandState &hand = st.hands[side];
    hand.T_world_wrist = handPose(v);
    hand.flex = v[6];
    const HandLandmarks local = handLandmarksInHandFrame(static_cast<Side>(side), hand.flex);
    for (int i = 0; i < 21; ++i)
      hand.landmarksWorld[i] = hand.T_world_wrist * local[i];
    wrist[side] = hand.T_world_wrist;
  }
  st.hands[static_cast<int>(Side::Left)].tracked = !m_defects.trackingDropout.contains(t);
  applyHandDegradation(st, t);

  // Objects that were carried keep their pose relative to the carrier from the grasp onwards.
  auto carried = [&](const Eigen::Vector3d &start, double uGrasp, double uRelease, Side side) {
    const auto handAt = [&](double uu) { return handPose(interpolateKeys(m_handKeys[static_cast<int>(side)], uu)); };
    const Eigen::Isometry3d offset = handAt(uGrasp).inverse() * translation(start);
    if (u <= uGrasp)
      return translation(start);
    return Eigen::Isometry3d(handAt(std::min(u, uRelease)) * offset);
  };

  const double open = drawerOpen(u);
  const Eigen::Isometry3d drawer = translation(kDrawerClosed - Eigen::Vector3d(0, open, 0));
  const Colour wood{168, 150, 128}, drawerFront{150, 126, 100};
  st.objects.push_back({"cabinet", Shape::Box, translation(kCabinetCentre), kCabinetHalf, wood, wood, true});
  {
    // Only the part of the drawer in front of the cabinet can be seen: draw that part as the box
    // (a thin front panel when closed, an open tray with a dark inside when pulled out).
    const double cabinetFront = kCabinetCentre.y() - kCabinetHalf.y();
    const double front = drawer.translation().y() - kDrawerHalf.y();
    Eigen::Vector3d centre = drawer.translation();
    centre.y() = 0.5 * (front + cabinetFront);
    const Eigen::Vector3d half(kDrawerHalf.x(), 0.5 * (cabinetFront - front), kDrawerHalf.z());
    st.objects.push_back({"drawer", Shape::Box, translation(centre), half, drawerFront, Colour{70, 56, 44}, true});
  }
  st.objects.push_back({"drawer_handle", Shape::Box, translation(drawer.translation() + kHandleOffset),
                        Eigen::Vector3d(0.05, 0.008, 0.008), Colour{60, 60, 64}, Colour{80, 80, 86}, true});
  st.objects.push_back({"green_box", Shape::Box, translation(m_boxPos), Eigen::Vector3d(0.03, 0.02, 0.05),
                        Colour{50, 160, 70}, Colour{70, 190, 90}, true});
  st.objects.push_back({"red_cube", Shape::Box, carried(m_cubeStart, 0.19, 0.34, Side::Right),
                        Eigen::Vector3d(0.025, 0.025, 0.025), Colour{200, 40, 40}, Colour{230, 60, 60}, true});
  {
    ObjectState mug{"purple_mug",
                    Shape::Cylinder,
                    Eigen::Isometry3d::Identity(),
                    Eigen::Vector3d(0.035, 0.035, 0.045),
                    Colour{130, 60, 160},
                    Colour{90, 40, 110},
                    true};
    constexpr double uRelease = 0.83;
    if (u < uRelease) {
      mug.T_world_object = carried(m_mugStart, 0.68, uRelease, Side::Right);
    } else {
      const Eigen::Isometry3d atRelease = carried(m_mugStart, 0.68, uRelease, Side::Right);
      const Eigen::Isometry3d drawerAtRelease =
          translation(kDrawerClosed - Eigen::Vector3d(0, drawerOpen(uRelease), 0));
      mug.T_world_object = drawer * drawerAtRelease.inverse() * atRelease;
      mug.visible = open > 0.08; // inside the cabinet once the drawer is nearly shut
    }
    st.objects.push_back(mug);
  }

  // Bystander walking behind the table (face defect).
  const TimeRange &face = m_defects.bystanderFace;
  if (face.contains(t)) {
    const double a = toSeconds(t - face.begin) / toSeconds(face.duration());
    st.faceVisible = true;
    st.faceCentreWorld = Eigen::Vector3d(0.9 - 1.8 * a, 1.45, 0.55);
    st.faceRadius = 0.10;
    st.objects.push_back({"bystander_body", Shape::Box,
                          translation(st.faceCentreWorld + Eigen::Vector3d(0, 0.05, -0.42)),
                          Eigen::Vector3d(0.2, 0.1, 0.3), Colour{70, 90, 80}, Colour{80, 100, 90}, true});
  }
  st.motionBlur = m_defects.motionBlur.contains(t);
  for (const TimeRange &r : m_degradationSpans.extraBlur)
    st.motionBlur = st.motionBlur || r.contains(t);
  const auto gz = interpolateKeys(m_gazeKeys, u);
  st.gazeTargetWorld = Eigen::Vector3d(gz[0], gz[1], gz[2]);
  (void)m_seed;
  return st;
}

} // namespace tacit::sample
