// Interpolation: trajectory slerp + lerp, hands linear and confidence-aware, gaze and IMU linear.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"

using namespace tacit;
using namespace tacit::series;

namespace {
std::string join(const std::vector<std::string> &cols) {
  std::string out;
  for (const auto &c : cols)
    out += (out.empty() ? "" : ",") + c;
  return out;
}

// One hand_tracking_results v1 row: both hands share confidence/landmark values; landmark l of a
// hand is (base + l, 2 * base, -base); wrist rotation = yawDeg about Z.
std::string handRow(Timestamp us, float leftConf, float base, double yawDeg) {
  std::string row = std::to_string(us);
  for (int side = 0; side < 2; ++side) {
    row += "," + std::to_string(side == 0 ? leftConf : 0.9f);
    for (int l = 0; l < kHandLandmarkCount; ++l)
      row += "," + std::to_string(base + l) + "," + std::to_string(2 * base) + "," + std::to_string(-base);
  }
  const Eigen::Quaterniond q(Eigen::AngleAxisd(yawDeg * M_PI / 180, Eigen::Vector3d::UnitZ()));
  for (int side = 0; side < 2; ++side) {
    char buf[256];
    std::snprintf(buf, sizeof buf, ",%g,%g,%g,%.9f,%.9f,%.9f,%.9f", base, 0.0, 0.0, q.x(), q.y(), q.z(), q.w());
    row += buf;
  }
  return row + "\n";
}

PreciseSeries trajectorySeries(const std::vector<std::pair<Timestamp, Pose>> &poses) {
  std::vector<std::string> names;
  for (int c = 0; c < TrajectorySeries::kChannelCount; ++c)
    names.push_back("c" + std::to_string(c));
  PreciseSeries s(names);
  for (const auto &[t, p] : poses) {
    double v[TrajectorySeries::kChannelCount] = {};
    v[0] = p.translation.x(), v[1] = p.translation.y(), v[2] = p.translation.z();
    v[3] = p.rotation.x(), v[4] = p.rotation.y(), v[5] = p.rotation.z(), v[6] = p.rotation.w();
    s.append(t, v);
  }
  s.finish();
  return s;
}
} // namespace

class InterpolationTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void trajectorySlerpAndLerp() {
    Pose a, b;
    a.translation = {0, 0, 0};
    b.translation = {2, -4, 6};
    a.rotation = Eigen::Quaterniond::Identity();
    b.rotation = Eigen::Quaterniond(Eigen::AngleAxisd(M_PI / 2, Eigen::Vector3d::UnitZ()));
    TrajectorySeries traj(TrajectoryKind::ClosedLoop, trajectorySeries({{1000, a}, {2000, b}}));
    const auto mid = traj.interpolatePoseAt(1250);
    QVERIFY(mid.has_value());
    QVERIFY((mid->translation - Eigen::Vector3d(0.5, -1, 1.5)).norm() < 1e-12);
    const Eigen::Quaterniond expected(Eigen::AngleAxisd(M_PI / 8, Eigen::Vector3d::UnitZ()));
    QVERIFY(mid->rotation.angularDistance(expected) < 1e-9);
    QVERIFY(std::abs(mid->rotation.norm() - 1) < 1e-12);
    // Exact sample times return the sample; outside the range: nullopt.
    QVERIFY(traj.interpolatePoseAt(2000)->rotation.angularDistance(b.rotation) < 1e-12);
    QVERIFY(!traj.interpolatePoseAt(999).has_value());
    QVERIFY(!traj.interpolatePoseAt(2001).has_value());
  }

  void slerpTakesShortestPath() {
    Pose a, b;
    a.rotation = Eigen::Quaterniond(Eigen::AngleAxisd(0.2, Eigen::Vector3d::UnitX()));
    b.rotation = Eigen::Quaterniond(Eigen::AngleAxisd(0.4, Eigen::Vector3d::UnitX()));
    b.rotation.coeffs() *= -1; // same rotation, opposite hemisphere (as MPS files sometimes store)
    const Pose m = interpolatePose(a, b, 0.5);
    QVERIFY(m.rotation.angularDistance(Eigen::Quaterniond(Eigen::AngleAxisd(0.3, Eigen::Vector3d::UnitX()))) < 1e-9);
  }

  void handsLinearAndConfidenceAware() {
    const auto path = m_dir.filePath("hands.csv").toStdString();
    std::ofstream(path) << join(HandSeries::layoutColumns(HandLayout::TrackingResultsV1)) << "\n"
                        << handRow(1000, 0.8f, 0.0f, 0) << handRow(2000, 0.6f, 1.0f, 90)
                        << handRow(3000, -1.0f, 0.0f, 0) << handRow(4000, 0.5f, 2.0f, 0);
    auto r = HandSeries::load(path);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    const HandSeries &h = *r;

    // Halfway between two valid samples: everything blends.
    const HandPose mid = h.interpolateAt(Timestamp(1500) * 1000, HandSide::Left);
    QVERIFY(mid.valid());
    QCOMPARE(mid.time, Timestamp(1500000));
    QVERIFY(std::abs(mid.confidence - 0.7f) < 1e-6f);
    QVERIFY((mid.landmarks[3] - Eigen::Vector3f(3.5f, 1.0f, -0.5f)).norm() < 1e-5f);
    QVERIFY(std::abs(mid.wristTranslation.x() - 0.5) < 1e-6);
    const Eigen::Quaterniond q45(Eigen::AngleAxisd(M_PI / 4, Eigen::Vector3d::UnitZ()));
    QVERIFY(mid.wristRotation.angularDistance(q45) < 1e-5);
    QVERIFY((mid.wristPosition - mid.landmarks[kWristLandmark]).norm() < 1e-6f);

    // Next sample is missing: no interpolation, the latest valid sample is returned as is.
    const HandPose beforeGap = h.interpolateAt(Timestamp(2600) * 1000, HandSide::Left);
    QVERIFY(beforeGap.valid());
    QCOMPARE(beforeGap.time, Timestamp(2000000));
    QCOMPARE(beforeGap.landmarks[0].x(), 1.0f);
    // Inside the missing sample's interval: missing, not blended towards 4000.
    QVERIFY(!h.interpolateAt(Timestamp(3500) * 1000, HandSide::Left).valid());
    // The right hand is present everywhere and does blend over the same interval.
    const HandPose right = h.interpolateAt(Timestamp(3500) * 1000, HandSide::Right);
    QVERIFY(right.valid());
    QVERIFY(std::abs(right.landmarks[0].x() - 1.0f) < 1e-5f);
    // Before the first sample: missing. maxGap forbids blending over long gaps.
    QVERIFY(!h.interpolateAt(0, HandSide::Left).valid());
    QCOMPARE(h.interpolateAt(Timestamp(1500) * 1000, HandSide::Left, 500 * kNsPerUs).time, Timestamp(1000000));
  }

  void gazeAndImuLinear() {
    const auto gazePath = m_dir.filePath("gaze.csv").toStdString();
    std::ofstream(gazePath) << "tracking_timestamp_us,yaw_rads_cpf,pitch_rads_cpf,depth_m\n10,0.1,0.2,1\n20,0.3,0.0,\n"
                               "30,0.5,0.0,3\n";
    auto g = GazeSeries::load(gazePath);
    QVERIFY2(g.ok(), g.error().c_str());
    QCOMPARE(g->layout(), GazeLayout::Legacy);
    const GazeSample s = g->interpolateAt(15000);
    QVERIFY(std::abs(s.yaw - 0.2) < 1e-6);
    QVERIFY(std::abs(s.pitch - 0.1) < 1e-6);
    QVERIFY(std::abs(s.depth - 1.0) < 1e-6); // no depth on the right side: keep the left one
    QVERIFY(std::abs(g->interpolateAt(25000).yaw - 0.4) < 1e-6);
    QVERIFY(!g->interpolateAt(25000).hasDepth());
    QCOMPARE(g->interpolateAt(99999).yaw, g->sampleAt(2).yaw);

    const auto imuPath = m_dir.filePath("imu.csv").toStdString();
    std::ofstream(imuPath)
        << "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n0,0,0,0,0,0,0\n100,1,2,3,4,5,6\n";
    auto imu = ImuSeries::load(imuPath);
    QVERIFY(imu.ok());
    const ImuSample m = imu->interpolateAt(25);
    QVERIFY((m.accel - Eigen::Vector3f(0.25f, 0.5f, 0.75f)).norm() < 1e-6f);
    QVERIFY((m.gyro - Eigen::Vector3f(1.0f, 1.25f, 1.5f)).norm() < 1e-6f);
  }

  void vergenceYawMatchesIntersection() {
    // atan(x/z) of the left/right ray intersection (projectaria_tools) == atan of mean tangent.
    const double l = 0.801510214805603, r = 0.7736955881118774, ipd = 0.063;
    const double x = ipd / 2 * (std::tan(l) + std::tan(r)) / (std::tan(r) - std::tan(l));
    const double z = ipd / (std::tan(r) - std::tan(l));
    QVERIFY(std::abs(vergenceYaw(l, r) - std::atan(x / z)) < 1e-12);
  }
};

QTEST_GUILESS_MAIN(InterpolationTest)
#include "InterpolationTest.moc"
