// Every real Aria sample file parses with the right layout, row count and a few exact values.
#include <QtTest>
#include <cmath>

#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/TrajectorySeries.h"

using namespace tacit;
using namespace tacit::series;

namespace {
std::string sample(const char *rel) {
  return std::string(TACIT_TEST_DATA_DIR) + "/aria/" + rel;
}
} // namespace

class SeriesSamplesTest : public QObject {
  Q_OBJECT
private slots:
  void handTrackingV1V2() {
    for (const char *file : {"mps_sample/hand_tracking/hand_tracking_results_v1.csv",
                             "mps_sample/hand_tracking/hand_tracking_results_v2.csv"}) {
      auto r = HandSeries::load(sample(file));
      QVERIFY2(r.ok(), r.error().c_str());
      QVERIFY(r.warnings().empty());
      const bool v2 = std::string(file).find("_v2") != std::string::npos;
      QCOMPARE(r->layout(), v2 ? HandLayout::TrackingResultsV2 : HandLayout::TrackingResultsV1);
      QCOMPARE(r->size(), std::size_t(8));
      QCOMPARE(r->series().channelCount(), std::size_t(v2 ? 154 : 142));
      QVERIFY(r->hasLandmarks());
      QVERIFY(r->hasWristPose());
      QCOMPARE(r->hasNormals(), v2);
      // First row: 1762609162 us, left confidence 0.999299, landmark 0 = (0.0645316,-0.248787,0.250952).
      QCOMPARE(r->series().timeAt(0), Timestamp(1762609162) * 1000);
      const HandPose left = r->sampleAt(0, HandSide::Left);
      QVERIFY(left.valid());
      QCOMPARE(left.confidence, 0.999299f);
      QCOMPARE(left.landmarks[0].x(), 0.0645316f);
      QCOMPARE(left.landmarks[0].y(), -0.248787f);
      QCOMPARE(left.landmarks[0].z(), 0.250952f);
      // Row 4 (1816400560 us): left hand missing.
      QCOMPARE(r->series().timeAt(3), Timestamp(1816400560) * 1000);
      QVERIFY(!r->sampleAt(3, HandSide::Left).valid());
      QCOMPARE(r->timeRange().begin, Timestamp(1762609162000));
      QCOMPARE(r->timeRange().end, Timestamp(1817200420000) + 1);
    }
  }

  void wristAndPalm() {
    auto v1 = HandSeries::load(sample("mps_sample/hand_tracking/wrist_and_palm_poses.csv"));
    QVERIFY2(v1.ok(), v1.error().c_str());
    QCOMPARE(v1->layout(), HandLayout::WristAndPalmV1);
    QCOMPARE(v1->size(), std::size_t(122));
    auto v2 = HandSeries::load(sample("mps_sample/hand_tracking/wrist_and_palm_poses_v2.csv"));
    QVERIFY2(v2.ok(), v2.error().c_str());
    QCOMPARE(v2->layout(), HandLayout::WristAndPalmV2);
    QCOMPARE(v2->size(), std::size_t(122));
    QVERIFY(v2->hasNormals());
    QVERIFY(!v2->hasLandmarks());
    // 159402529 us: left missing, right 0.996126, wrist (0.244013,-0.300027,-0.120015), palm normal
    // (0.723122,0.209071,0.658318).
    const std::ptrdiff_t i = v2->indexAt(Timestamp(159402529) * 1000);
    QVERIFY(i >= 0);
    QCOMPARE(v2->series().timeAt(std::size_t(i)), Timestamp(159402529) * 1000);
    const HandPose right = v2->sampleAt(std::size_t(i), HandSide::Right);
    QCOMPARE(right.confidence, 0.996126f);
    QCOMPARE(right.wristPosition.x(), 0.244013f);
    QCOMPARE(right.palmPosition.z(), -0.100652f);
    QCOMPARE(right.palmNormal.x(), 0.723122f);
    QVERIFY(!v2->sampleAt(std::size_t(i), HandSide::Left).valid());
    const HandPose rightV1 = v1->sampleAt(std::size_t(v1->indexAt(Timestamp(159402529) * 1000)), HandSide::Right);
    QCOMPARE(rightV1.wristPosition.y(), -0.300027f);
  }

  void gazeVariants() {
    struct Case {
      const char *file;
      GazeLayout layout;
      std::size_t rows;
      Timestamp firstUs;
      double firstYaw;
      double firstPitch;
      bool hasDepth;
    };
    const Case cases[] = {
        {"mps_sample/eye_gaze/eyegaze.csv", GazeLayout::Legacy, 123, 148502622, 0.894797, 0.039713, false},
        {"mps_sample/eye_gaze/generalized_eye_gaze.csv", GazeLayout::WithSession, 123, 148502622, 0.894797, 0.039713,
         false},
        {"mps_sample/eye_gaze_vergence/generalized_gaze.csv", GazeLayout::Vergence, 123, 148502622,
         std::atan((std::tan(0.801510214805603) + std::tan(0.7736955881118774)) / 2), -0.020560525357723236, true},
        {"gen2_mps_sample/eye_gaze/general_eye_gaze.csv", GazeLayout::Gen2, 5, 1130889351, 0.07778378224032466,
         -0.36552523325782504, false},
        {"aea/mps/eye_gaze/general_eye_gaze.csv", GazeLayout::WithSession, 4, 86435306, -0.36566, -0.121962, false},
    };
    for (const auto &c : cases) {
      auto r = GazeSeries::load(sample(c.file));
      QVERIFY2(r.ok(), r.error().c_str());
      QVERIFY2(r.warnings().empty(), c.file);
      QCOMPARE(r->layout(), c.layout);
      QCOMPARE(r->size(), c.rows);
      const GazeSample g = r->sampleAt(0);
      QCOMPARE(g.time, c.firstUs * 1000);
      QVERIFY(std::abs(g.yaw - c.firstYaw) < 1e-6);
      QVERIFY(std::abs(g.pitch - c.firstPitch) < 1e-6);
      QCOMPARE(g.hasDepth(), c.hasDepth);
      QVERIFY(std::abs(g.direction().norm() - 1.0) < 1e-9);
    }
    auto vergence = GazeSeries::load(sample("mps_sample/eye_gaze_vergence/generalized_gaze.csv"));
    QVERIFY(std::abs(vergence->sampleAt(0).depth - 1.598123690675182) < 1e-6);
    QVERIFY(vergence->series().channelIndex("right_yaw_rads_cpf") > 2);
    QVERIFY(vergence->series().channelIndex("left_yaw_rads_cpf") > 2);
  }

  void closedLoopTrajectory() {
    auto r = TrajectorySeries::load(sample("mps_sample/trajectory/closed_loop_trajectory_geo_available.csv"));
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    QCOMPARE(r->kind(), TrajectoryKind::ClosedLoop);
    QCOMPARE(r->size(), std::size_t(199));
    QCOMPARE(r->series().channelCount(), std::size_t(TrajectorySeries::kChannelCount));
    // 149202610 us, t = (0.000292,-0.006405,0.000467), q(xyzw) = (0.500638545,0.496952726,-0.477400195,0.523916109)
    QCOMPARE(r->series().timeAt(0), Timestamp(149202610) * 1000);
    const Pose p = r->poseAt(0);
    QCOMPARE(p.translation.x(), 0.000292);
    QCOMPARE(p.translation.y(), -0.006405);
    QVERIFY(std::abs(p.rotation.x() - 0.500638545) < 1e-6);
    QVERIFY(std::abs(p.rotation.w() - 0.523916109) < 1e-6);
    QCOMPARE(r->linearVelocity(0).x(), 0.038913);
    QCOMPARE(r->series().value(TrajectorySeries::Gz, 0), -9.81);
    QCOMPARE(r->quality(0), 0.5);
  }
};

QTEST_GUILESS_MAIN(SeriesSamplesTest)
#include "SeriesSamplesTest.moc"
