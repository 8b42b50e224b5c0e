// IMU samples must agree with the trajectory they were derived from: integrating the gyroscope
// reproduces the orientation, and the accelerometer equals the specific force of the IMU's path.
#include <Eigen/Geometry>
#include <QtTest>
#include <cmath>

#include "SampleTestUtil.h"
#include "core/sample/SampleCalibration.h"
#include "core/sample/SampleStreams.h"
#include "core/sample/SceneScript.h"

using namespace tacit;
using namespace tacit::sample;

namespace {
struct Pose {
  Eigen::Quaterniond q;
  Eigen::Vector3d p;
};
} // namespace

class SampleMotionTest : public QObject {
  Q_OBJECT
  SampleOptions m_options;
  sampletest::Csv m_imu, m_traj;
  SampleCalibration m_cal;
  std::vector<Pose> m_poses; // trajectory rows

private slots:
  void initTestCase() {
    m_options.durationSec = 4;
    m_options.width = 320;
    m_options.height = 320;
    m_options.seed = 7;
    auto cal = SampleCalibration::make(m_options);
    QVERIFY2(cal.ok(), cal.error().c_str());
    m_cal = cal.takeValue();
    const SceneScript script(m_options);
    m_imu = sampletest::parseCsv(imuCsv(script, m_cal, 1000, m_options.seed));
    m_traj = sampletest::parseCsv(trajectoryCsv(script, 1000, "g"));
    QCOMPARE(m_imu.rows.size(), std::size_t(4001));
    QCOMPARE(m_traj.rows.size(), m_imu.rows.size());
    const int tx = m_traj.column("tx_world_device"), qx = m_traj.column("qx_world_device");
    QVERIFY(tx > 0 && qx > 0);
    for (const auto &r : m_traj.rows)
      m_poses.push_back({Eigen::Quaterniond(r[qx + 3], r[qx], r[qx + 1], r[qx + 2]), {r[tx], r[tx + 1], r[tx + 2]}});
  }

  void headersAndClock() {
    QCOMPARE(m_imu.header.size(), std::size_t(7));
    QCOMPARE(m_imu.header[0], std::string("timestamp_ns"));
    QCOMPARE(m_traj.header.size(), std::size_t(28));
    for (std::size_t i = 0; i < m_imu.rows.size(); ++i) {
      // Same instants: imu in ns, trajectory in us.
      QCOMPARE(static_cast<std::int64_t>(m_imu.rows[i][0]) / 1000, static_cast<std::int64_t>(m_traj.rows[i][1]));
    }
    QCOMPARE(static_cast<std::int64_t>(m_imu.rows[1][0] - m_imu.rows[0][0]), std::int64_t(1000000));
  }

  void gyroIntegratesToTrajectoryOrientation() {
    const Eigen::Quaterniond q_di(m_cal.T_device_imu.linear());
    Eigen::Quaterniond q = m_poses[0].q * q_di; // R_world_imu
    double worst = 0;
    for (std::size_t i = 1; i < m_imu.rows.size(); ++i) {
      const double dt = (m_imu.rows[i][0] - m_imu.rows[i - 1][0]) * 1e-9;
      const Eigen::Vector3d w0(m_imu.rows[i - 1][4], m_imu.rows[i - 1][5], m_imu.rows[i - 1][6]);
      const Eigen::Vector3d w1(m_imu.rows[i][4], m_imu.rows[i][5], m_imu.rows[i][6]);
      const Eigen::Vector3d w = 0.5 * (w0 + w1) * dt;
      if (w.norm() > 0)
        q = q * Eigen::Quaterniond(Eigen::AngleAxisd(w.norm(), w.normalized()));
      q.normalize();
      const Eigen::Quaterniond truth = m_poses[i].q * q_di;
      worst = std::max(worst, truth.angularDistance(q));
    }
    qInfo("worst gyro-integration error %.4f deg", worst * 180 / M_PI);
    QVERIFY(worst < 1.0 * M_PI / 180);
    // And the head really turns (the test would pass trivially on a still camera).
    QVERIFY(m_poses.front().q.angularDistance(m_poses[m_poses.size() / 2].q) > 3.0 * M_PI / 180);
  }

  void accelerometerIsSpecificForceOfImuPath() {
    const Eigen::Matrix3d R_di = m_cal.T_device_imu.linear();
    const Eigen::Vector3d t_di = m_cal.T_device_imu.translation();
    const Eigen::Vector3d g(0, 0, -9.81);
    auto imuPos = [&](std::size_t i) { return Eigen::Vector3d(m_poses[i].p + m_poses[i].q * t_di); };
    constexpr int h = 2; // samples (2 ms) for the second difference
    constexpr int avg = 5;
    double worst = 0, maxDyn = 0;
    for (std::size_t i = h + avg; i + h + avg < m_poses.size(); i += 7) {
      Eigen::Vector3d predicted = Eigen::Vector3d::Zero(), measured = Eigen::Vector3d::Zero();
      for (std::size_t k = i - avg; k <= i + avg; ++k) {
        const double dt = h * 1e-3;
        const Eigen::Vector3d a = (imuPos(k + h) - 2 * imuPos(k) + imuPos(k - h)) / (dt * dt);
        const Eigen::Matrix3d R_wi = m_poses[k].q.toRotationMatrix() * R_di;
        predicted += R_wi.transpose() * (a - g);
        measured += Eigen::Vector3d(m_imu.rows[k][1], m_imu.rows[k][2], m_imu.rows[k][3]);
        maxDyn = std::max(maxDyn, a.norm());
      }
      predicted /= 2 * avg + 1;
      measured /= 2 * avg + 1;
      worst = std::max(worst, (predicted - measured).norm());
    }
    qInfo("worst accel mismatch %.4f m/s^2 (max dynamic accel %.3f)", worst, maxDyn);
    QVERIFY(worst < 0.15);
    QVERIFY(maxDyn > 0.2); // the head does accelerate
  }

  void deterministicPerSeed() {
    const SceneScript a(m_options);
    QCOMPARE(imuCsv(a, m_cal, 200, 7), imuCsv(a, m_cal, 200, 7));
    QVERIFY(imuCsv(a, m_cal, 200, 7) != imuCsv(a, m_cal, 200, 8));
    QCOMPARE(uuidFromSeed(1, 1), uuidFromSeed(1, 1));
    QVERIFY(uuidFromSeed(1, 1) != uuidFromSeed(2, 1));
    QCOMPARE(uuidFromSeed(1, 1).size(), std::size_t(36));
  }
};

QTEST_GUILESS_MAIN(SampleMotionTest)
#include "SampleMotionTest.moc"
