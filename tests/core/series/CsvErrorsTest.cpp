// Malformed rows, truncated files, wrong headers: documented warnings and errors, never a crash.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <random>

#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"

using namespace tacit;
using namespace tacit::series;

namespace {
const char *kImuHeader = "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n";

bool contains(const std::string &hay, const std::string &needle) {
  return hay.find(needle) != std::string::npos;
}
bool anyContains(const std::vector<std::string> &list, const std::string &needle) {
  for (const auto &s : list)
    if (contains(s, needle))
      return true;
  return false;
}

std::string joinColumns(const std::vector<std::string> &cols) {
  std::string out;
  for (const auto &c : cols)
    out += (out.empty() ? "" : ",") + c;
  return out;
}
} // namespace

class CsvErrorsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

  std::string write(const char *name, const std::string &content) {
    const std::string path = m_dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

private slots:
  void imuGoodRows() {
    const auto path = write("imu.csv", std::string(kImuHeader) + "1000,0.5,-9.81,0.25,0.01,0.02,-0.03\n"
                                                                 "2000,1e-05,2,3,4,5,6\n");
    CsvLoadStats stats;
    auto r = ImuSeries::load(path, &stats);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    QCOMPARE(r->size(), std::size_t(2));
    QCOMPARE(stats.rows, std::size_t(2));
    QCOMPARE(stats.skippedRows, std::size_t(0));
    const ImuSample s = r->sampleAt(0);
    QCOMPARE(s.time, Timestamp(1000));
    QCOMPARE(s.accel.y(), -9.81f);
    QCOMPARE(s.gyro.z(), -0.03f);
    QCOMPARE(r->sampleAt(1).accel.x(), 1e-05f);
  }

  void missingColumnsNamesFileAndColumns() {
    const auto path = write("imu_bad.csv", "timestamp_ns,accel_x,accel_y,accel_z,gyro_x\n1,2,3,4,5\n");
    auto r = ImuSeries::load(path);
    QVERIFY(!r.ok());
    QVERIFY2(contains(r.error(), path), r.error().c_str());
    QVERIFY2(contains(r.error(), "missing columns gyro_y, gyro_z"), r.error().c_str());
    QVERIFY2(contains(r.error(), "expected: timestamp_ns, accel_x"), r.error().c_str());
  }

  void malformedRowsSkippedWithLineNumbers() {
    const auto path = write("imu_rows.csv", std::string(kImuHeader) + "1000,1,2,3,4,5,6\n"   // line 2
                                                                      "2000,1,2\n"           // line 3: short
                                                                      "3000,1,2,3,4,5,6\n"   // line 4
                                                                      "4000,1,abc,3,4,5,6\n" // line 5: bad number
                                                                      "x5000,1,2,3,4,5,6\n"  // line 6: bad time
                                                                      "\n"                   // line 7: blank
                                                                      "6000,1,2,3,4,5,6,7\n" // line 8: long
                                                                      "7000,1,2,3,4,5,6\n"); // line 9
    CsvLoadStats stats;
    auto r = ImuSeries::load(path, &stats);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->size(), std::size_t(3));
    QCOMPARE(stats.skippedRows, std::size_t(4));
    QCOMPARE(r.warnings().size(), std::size_t(4));
    QVERIFY(anyContains(r.warnings(), path + ": line 3: expected 7 fields, got 3; row skipped"));
    QVERIFY(anyContains(r.warnings(), path + ": line 5: column accel_y: invalid number 'abc'"));
    QVERIFY(anyContains(r.warnings(), path + ": line 6: invalid timestamp"));
    QVERIFY(anyContains(r.warnings(), path + ": line 8: expected 7 fields, got 8"));
    QCOMPARE(std::vector<Timestamp>(r->series().times().begin(), r->series().times().end()),
             (std::vector<Timestamp>{1000, 3000, 7000}));
  }

  void manyMalformedRowsAreSummarised() {
    std::string content = kImuHeader;
    for (int i = 0; i < 30; ++i)
      content += "1,2\n";
    content += "5,1,2,3,4,5,6\n";
    CsvLoadStats stats;
    auto r = ImuSeries::load(write("imu_many.csv", content), &stats);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), std::size_t(1));
    QCOMPARE(stats.skippedRows, std::size_t(30));
    QCOMPARE(r.warnings().size(), std::size_t(21));
    QVERIFY(contains(r.warnings().back(), "30 malformed rows skipped in total"));
  }

  void truncatedLastLine() {
    auto r = ImuSeries::load(
        write("imu_trunc.csv", std::string(kImuHeader) + "1000,1,2,3,4,5,6\n2000,1,2,3,4,5,6\n3000,1,2,"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), std::size_t(2));
    QCOMPARE(r.warnings().size(), std::size_t(1));
    QVERIFY2(contains(r.warnings()[0], "line 4: truncated last line (expected 7 fields, got 4)"),
             r.warnings()[0].c_str());
    // A complete last line without a newline is fine.
    auto ok = ImuSeries::load(write("imu_nonl.csv", std::string(kImuHeader) + "1000,1,2,3,4,5,6\n2000,1,2,3,4,5,6"));
    QVERIFY(ok.ok());
    QCOMPARE(ok->size(), std::size_t(2));
    QVERIFY(ok.warnings().empty());
  }

  void crlfBomAndUnsorted() {
    const auto path = write("imu_crlf.csv", "\xEF\xBB\xBF"
                                            "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\r\n"
                                            "3000,3,0,0,0,0,0\r\n1000,1,0,0,0,0,0\r\n2000,2,0,0,0,0,0\r\n");
    auto r = ImuSeries::load(path);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(std::vector<Timestamp>(r->series().times().begin(), r->series().times().end()),
             (std::vector<Timestamp>{1000, 2000, 3000}));
    QCOMPARE(r->sampleAt(0).accel.x(), 1.0f);
    QCOMPARE(r->sampleAt(2).accel.x(), 3.0f);
    QVERIFY(anyContains(r.warnings(), "rows sorted by time"));
  }

  void emptyAndMissingFiles() {
    auto empty = ImuSeries::load(write("empty.csv", ""));
    QVERIFY(!empty.ok());
    QVERIFY2(contains(empty.error(), "empty.csv: empty file"), empty.error().c_str());
    auto headerOnly = ImuSeries::load(write("header_only.csv", kImuHeader));
    QVERIFY(headerOnly.ok());
    QCOMPARE(headerOnly->size(), std::size_t(0));
    QVERIFY(headerOnly->timeRange().empty());
    QCOMPARE(headerOnly->indexAt(5), std::ptrdiff_t(-1));
    auto missing = ImuSeries::load(m_dir.filePath("nope.csv").toStdString());
    QVERIFY(!missing.ok());
    QVERIFY2(contains(missing.error(), "nope.csv: cannot open"), missing.error().c_str());
  }

  void handsWrongHeader() {
    const auto path =
        write("hands.csv", "tracking_timestamp_us,left_tracking_confidence,tx_left_landmark_0_device\n1,2,3\n");
    auto r = HandSeries::load(path);
    QVERIFY(!r.ok());
    QVERIFY2(contains(r.error(), path + ": not an Aria hand_tracking_results CSV: missing columns"), r.error().c_str());
    QVERIFY2(contains(r.error(), "right_tracking_confidence"), r.error().c_str());
  }

  void handsLandmarksOnlyVariant() {
    // The "wrist_and_palm_poses_v3" transitional layout: landmarks, no wrist pose, keyed by names.
    const auto cols = HandSeries::layoutColumns(HandLayout::LandmarksOnly);
    QCOMPARE(cols.size(), std::size_t(129));
    std::string row = "100";
    for (std::size_t i = 1; i < cols.size(); ++i)
      row += "," + std::to_string(i);
    auto r = HandSeries::load(write("wrist_and_palm_poses_v3.csv", joinColumns(cols) + "\n" + row + "\n"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->layout(), HandLayout::LandmarksOnly);
    QVERIFY(r->hasLandmarks());
    QVERIFY(!r->hasWristPose());
    const HandPose right = r->sampleAt(0, HandSide::Right);
    QCOMPARE(right.confidence, 65.0f);
    QCOMPARE(right.landmarks[0].x(), 66.0f);
    QCOMPARE(right.wristPosition.x(), 66.0f + 15);
    QCOMPARE(r->series().timeAt(0), Timestamp(100000));
  }

  void gazeEmptyCells() {
    const auto path =
        write("gaze.csv", "tracking_timestamp_us,yaw_rads_cpf,pitch_rads_cpf,yaw_low_rads_cpf,pitch_low_rads_cpf,"
                          "yaw_high_rads_cpf,pitch_high_rads_cpf,depth_m,session_uid\n"
                          "10,0.1,0.2,,,,,,abc\n"
                          "20,,0.2,0,0,0,0,1.5,abc\n"
                          "30,0.3,0.4,0,0,0,0,2.5,abc\n");
    auto r = GazeSeries::load(path);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->size(), std::size_t(2));
    QVERIFY(anyContains(r.warnings(), "line 3: column yaw_rads_cpf: invalid number ''"));
    QVERIFY(!r->sampleAt(0).hasDepth());
    QVERIFY(std::isnan(r->sampleAt(0).depth));
    QCOMPARE(r->sampleAt(1).depth, 2.5);
    QVERIFY(r->sampleAt(1).point().has_value());
    auto bad = GazeSeries::load(write("gaze_bad.csv", "tracking_timestamp_us,depth_m\n1,2\n"));
    QVERIFY(!bad.ok());
    QVERIFY2(contains(bad.error(), "gaze_bad.csv: not an Aria eye gaze CSV: missing columns pitch_rads_cpf"),
             bad.error().c_str());
  }

  void trajectoryQuirks() {
    auto cols = TrajectorySeries::requiredColumns(TrajectoryKind::ClosedLoop);
    QCOMPARE(cols.size(), std::size_t(20));
    const std::string header = joinColumns(cols) + ",geo_available,extra\n";
    const auto path = write("closed_loop_trajectory.csv",
                            header + "uid,1000,-1,1,2,3,0,0,0,1,-2.8393159257317637e+18,0,0,0,0,0,0,0,-9.81,1,0,x\n");
    auto r = TrajectorySeries::load(path);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->size(), std::size_t(1));
    QCOMPARE(r->linearVelocity(0).x(), -2.8393159257317637e+18);
    QCOMPARE(r->poseAt(0).translation, Eigen::Vector3d(1, 2, 3));

    cols.pop_back(); // drop quality_score
    auto bad = TrajectorySeries::load(write("traj_bad.csv", joinColumns(cols) + "\n"));
    QVERIFY(!bad.ok());
    QVERIFY2(contains(bad.error(), "traj_bad.csv: not an MPS closed-loop trajectory CSV: missing column quality_score"),
             bad.error().c_str());

    const auto open = TrajectorySeries::requiredColumns(TrajectoryKind::OpenLoop);
    auto o = TrajectorySeries::load(
        write("open_loop_trajectory.csv", joinColumns(open) + "\n5,-1,sess,1,2,3,0,0,0,1,0,0,0,0,0,0,0,0,-9.81,1\n"));
    QVERIFY2(o.ok(), o.error().c_str());
    QCOMPARE(o->kind(), TrajectoryKind::OpenLoop);
    QCOMPARE(o->poseAt(0).translation.z(), 3.0);
  }

  void truncatedAndCorruptedRealFilesNeverCrash() {
    // Cut every real sample at many points and flip bytes: loaders return a value or an error.
    const std::string base = std::string(TACIT_TEST_DATA_DIR) + "/aria/mps_sample/";
    const char *files[] = {"hand_tracking/hand_tracking_results_v2.csv", "hand_tracking/wrist_and_palm_poses.csv",
                           "eye_gaze_vergence/generalized_gaze.csv", "eye_gaze/eyegaze.csv",
                           "trajectory/closed_loop_trajectory_geo_available.csv"};
    std::mt19937 rng(11);
    for (const char *file : files) {
      std::ifstream in(base + file, std::ios::binary);
      const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      QVERIFY(!content.empty());
      for (int k = 0; k < 25; ++k) {
        std::string cut = content.substr(0, std::uniform_int_distribution<std::size_t>(0, content.size())(rng));
        if (k % 2)
          for (int f = 0; f < 5 && !cut.empty(); ++f)
            cut[std::uniform_int_distribution<std::size_t>(0, cut.size() - 1)(rng)] = char(rng() & 0xff);
        const auto path = write("fuzz.csv", cut);
        const std::string name(file);
        std::size_t rows = 0;
        bool ok = false;
        if (name.find("hand") != std::string::npos) {
          auto r = HandSeries::load(path);
          ok = r.ok();
          rows = ok ? r->size() : 0;
        } else if (name.find("gaze") != std::string::npos) {
          auto r = GazeSeries::load(path);
          ok = r.ok();
          rows = ok ? r->size() : 0;
        } else {
          auto r = TrajectorySeries::load(path);
          ok = r.ok();
          rows = ok ? r->size() : 0;
        }
        if (ok)
          QVERIFY(rows <= std::size_t(std::count(cut.begin(), cut.end(), '\n')));
      }
    }
  }

  void largeChunkBoundaries() {
    // Rows straddle the 4 MiB read chunks; every row must survive intact.
    std::string content = kImuHeader;
    const int n = 200000;
    content.reserve(std::size_t(n) * 40);
    for (int i = 0; i < n; ++i)
      content += std::to_string(i * 1000) + "," + std::to_string(i) + ",1.5,2.5,3.5,4.5,5.5\n";
    auto r = ImuSeries::load(write("imu_big.csv", content));
    QVERIFY(r.ok());
    QVERIFY(r.warnings().empty());
    QCOMPARE(r->size(), std::size_t(n));
    for (int i = 0; i < n; i += 997)
      QCOMPARE(r->series().value(0, std::size_t(i)), float(i));
    QCOMPARE(r->series().timeAt(n - 1), Timestamp(n - 1) * 1000);
  }
};

QTEST_GUILESS_MAIN(CsvErrorsTest)
#include "CsvErrorsTest.moc"
