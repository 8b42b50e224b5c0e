// A small generated sample is a complete, deterministic recording: identical bytes and decoded
// frames for the same options, a readable frame index on every frame, hands drawn where hands.csv
// says, Aria column layouts, and ground truth that matches the streams.
#include <Eigen/Geometry>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "SampleTestUtil.h"
#include "core/recording/RecordingReader.h"
#include "core/sample/FrameCode.h"
#include "core/sample/SampleGenerator.h"

using namespace tacit;
using namespace tacit::sample;

namespace {
constexpr int kSize = 320;
const char *const kTextFiles[] = {"imu.csv",    "trajectory.csv", "hands.csv",       "gaze.csv",
                                  "truth.json", "recording.json", "calibration.json"};

bool isLeftHandColour(const unsigned char *p) {
  return p[0] > 170 && p[0] - p[2] > 90 && p[1] > 90 && p[1] < 205;
}
bool isRightHandColour(const unsigned char *p) {
  return p[2] > 160 && p[2] - p[0] > 100;
}

// The header line of a real Aria MPS file in tests/data (the sample writes MPS column layouts).
std::string realMpsHeader(const std::string &rel) {
  const std::string text = sampletest::readText(std::string(TACIT_TEST_DATA_DIR) + "/aria/" + rel);
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}
} // namespace

class SampleRecordingTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dirA, m_dirB;
  SampleOptions m_options;
  nlohmann::json m_truth;
  QByteArray m_frames;
  int m_frameBytes = kSize * kSize * 3;

  std::string pathA(const char *name) const { return (m_dirA.path() + "/" + name).toStdString(); }

private slots:
  void initTestCase() {
    QVERIFY(m_dirA.isValid() && m_dirB.isValid());
    m_options.durationSec = 2;
    m_options.width = kSize;
    m_options.height = kSize;
    for (const QTemporaryDir *dir : {&m_dirA, &m_dirB}) {
      auto report = generateSample(m_options, dir->path().toStdString() + "/rec");
      QVERIFY2(report.ok(), report.error().c_str());
      QCOMPARE(report->videoFrames, 60);
    }
    QVERIFY(m_dirA.path().size() > 0);
    m_dirA.setAutoRemove(true);
    m_truth = nlohmann::json::parse(sampletest::readText(pathA("rec/truth.json")));
    m_frames = sampletest::decodeRaw(m_dirA.path() + "/rec/rgb.mp4", "rgb24");
    QVERIFY(!m_frames.isEmpty());
  }

  void textFilesAreByteIdentical() {
    for (const char *name : kTextFiles) {
      const std::string a = sampletest::readText(pathA("rec/") + name);
      const std::string b = sampletest::readText((m_dirB.path() + "/rec/" + name).toStdString());
      QVERIFY2(!a.empty(), name);
      QVERIFY2(a == b, name);
    }
  }

  void decodedFramesAreIdentical() {
    const QByteArray other = sampletest::decodeRaw(m_dirB.path() + "/rec/rgb.mp4", "rgb24");
    QCOMPARE(other.size(), m_frames.size());
    QVERIFY(other == m_frames);
    const QByteArray depthA = sampletest::decodeRaw(m_dirA.path() + "/rec/depth.mkv", "gray16le");
    const QByteArray depthB = sampletest::decodeRaw(m_dirB.path() + "/rec/depth.mkv", "gray16le");
    QVERIFY(!depthA.isEmpty());
    QVERIFY(depthA == depthB);
  }

  void everyFrameCarriesItsIndex() {
    const int n = static_cast<int>(m_frames.size() / m_frameBytes);
    QCOMPARE(n, m_truth["video"]["frames"].get<int>());
    for (int i = 0; i < n; ++i) {
      const auto *px = reinterpret_cast<const std::uint8_t *>(m_frames.constData()) + std::size_t(i) * m_frameBytes;
      const auto code = readFrameCode(px, kSize, kSize, kSize * 3);
      QVERIFY2(code.has_value(), qPrintable(QString("frame %1 has no readable code").arg(i)));
      QCOMPARE(static_cast<int>(*code), i);
    }
  }

  void manifestAndCalibrationAreReadable() {
    auto m = RecordingReader::read(m_dirA.path().toStdString() + "/rec");
    QVERIFY2(m.ok(), m.error().c_str());
    QVERIFY2(m.warnings().empty(), m.warnings().empty() ? "" : m.warnings().front().c_str());
    for (const char *id : {"rgb", "depth", "imu", "hands", "trajectory", "gaze"})
      QVERIFY2(m->stream(id), id);
    QCOMPARE(m->stream("rgb")->timeOffsetNs, m_truth["start_ns"].get<Timestamp>());
    const CameraCalibration *rgb = m->calibration.camera("rgb");
    QVERIFY(rgb && rgb->model);
    QCOMPARE(rgb->model->kind(), geometry::CameraModelKind::Fisheye624);
    QCOMPARE(rgb->model->width(), kSize);
    const CameraCalibration *depth = m->calibration.camera("depth");
    QVERIFY(depth && depth->model && depth->model->kind() == geometry::CameraModelKind::Pinhole);
  }

  void csvHeadersFollowAriaFormats() {
    const auto firstLine = [&](const char *name) {
      const std::string t = sampletest::readText(pathA("rec/") + name);
      return t.substr(0, t.find('\n'));
    };
    const std::string hands = realMpsHeader("mps_sample/hand_tracking/hand_tracking_results_v2.csv");
    QVERIFY(!hands.empty());
    QCOMPARE(firstLine("hands.csv"), hands);
    QCOMPARE(sampletest::split(hands).size(), std::size_t(155));
    QCOMPARE(firstLine("trajectory.csv"),
             realMpsHeader("mps_sample/trajectory/closed_loop_trajectory_geo_available.csv"));
    QCOMPARE(firstLine("gaze.csv"), realMpsHeader("mps_sample/eye_gaze_vergence/generalized_gaze.csv"));
    QCOMPARE(firstLine("imu.csv"), std::string("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z"));
  }

  void handLandmarksLandOnDrawnHands() {
    auto m = RecordingReader::read(m_dirA.path().toStdString() + "/rec");
    QVERIFY(m.ok());
    const CameraCalibration *rgb = m->calibration.camera("rgb");
    const Rigid T_camera_device = rgb->T_device_camera.inverse();
    const auto hands = sampletest::parseCsv(sampletest::readText(pathA("rec/hands.csv")));
    QCOMPARE(static_cast<int>(hands.rows.size()), m_truth["video"]["frames"].get<int>());
    const Timestamp blurBegin = m_truth["defects"]["motion_blur"]["start_ns"],
                    blurEnd = m_truth["defects"]["motion_blur"]["end_ns"];
    const Timestamp firstFrame = m_truth["video"]["first_frame_ns"];
    int checked[2] = {0, 0}, good[2] = {0, 0};
    for (std::size_t i = 0; i < hands.rows.size(); ++i) {
      const Timestamp frameNs = firstFrame + (static_cast<Timestamp>(i) * kNsPerSecond + 15) / 30;
      QCOMPARE(static_cast<std::int64_t>(hands.rows[i][0]), frameNs / 1000);
      if (frameNs >= blurBegin && frameNs < blurEnd)
        continue;
      const auto *frame = reinterpret_cast<const unsigned char *>(m_frames.constData()) + i * m_frameBytes;
      for (int side = 0; side < 2; ++side) {
        const int base = 1 + side * 64;
        if (hands.rows[i][base] < 0)
          continue;
        for (int l = 0; l < 21; ++l) {
          const Eigen::Vector3d pDevice(hands.rows[i][base + 1 + 3 * l], hands.rows[i][base + 2 + 3 * l],
                                        hands.rows[i][base + 3 + 3 * l]);
          const auto px = rgb->model->project(T_camera_device.apply(pDevice));
          if (!px || px->x() < 4 || px->y() < 40 || px->x() > kSize - 5 || px->y() > kSize - 5)
            continue;
          const int x = static_cast<int>(std::lround(px->x())), y = static_cast<int>(std::lround(px->y()));
          const unsigned char *p = frame + (y * kSize + x) * 3;
          ++checked[side];
          good[side] += side == 0 ? isLeftHandColour(p) : isRightHandColour(p);
        }
      }
    }
    qInfo("left %d/%d, right %d/%d landmarks on hand-coloured pixels", good[0], checked[0], good[1], checked[1]);
    for (int side = 0; side < 2; ++side) {
      QVERIFY(checked[side] > 300);
      QVERIFY(good[side] >= 0.9 * checked[side]);
    }
  }

  void dropoutRowsAreMarkedMissing() {
    const auto hands = sampletest::parseCsv(sampletest::readText(pathA("rec/hands.csv")));
    const Timestamp a = m_truth["defects"]["tracking_dropout"]["start_ns"];
    const Timestamp b = m_truth["defects"]["tracking_dropout"]["end_ns"];
    const int qwLeft = hands.column("qw_left_device_wrist");
    QVERIFY(qwLeft > 0);
    int inside = 0;
    const Timestamp firstFrame = m_truth["video"]["first_frame_ns"];
    for (std::size_t i = 0; i < hands.rows.size(); ++i) {
      const auto &r = hands.rows[i];
      const Timestamp t = firstFrame + (static_cast<Timestamp>(i) * kNsPerSecond + 15) / 30;
      const bool dropped = t >= a && t < b;
      if (!dropped) {
        QVERIFY(r[1] > 0.5);
        continue;
      }
      ++inside;
      QCOMPARE(r[1], -1.0);
      for (int c = 2; c < 65; ++c)
        QCOMPARE(r[c], 0.0);
      QCOMPARE(r[qwLeft], 1.0);
      QCOMPARE(r[qwLeft - 1], 0.0);
      QVERIFY(r[65] > 0.5); // the right hand is still tracked
    }
    QVERIFY(inside >= 2);
  }

  void depthStreamHasMetricDepth() {
    const QByteArray depth = sampletest::decodeRaw(m_dirA.path() + "/rec/depth.mkv", "gray16le");
    auto m = RecordingReader::read(m_dirA.path().toStdString() + "/rec");
    QVERIFY(m.ok());
    const auto *model = m->calibration.camera("depth")->model.get();
    const int pixels = model->width() * model->height();
    QCOMPARE(static_cast<int>(depth.size() / (2 * pixels)), m_truth["depth"]["frames"].get<int>());
    QVERIFY(m_truth["depth"]["frames"].get<int>() >= 29);
    const auto *d = reinterpret_cast<const std::uint16_t *>(depth.constData());
    int valid = 0;
    for (int i = 0; i < pixels; ++i)
      valid += d[i] > 100 && d[i] < 5000;
    QVERIFY(valid > 0.95 * pixels);
    const std::uint16_t centre = d[(model->height() / 2) * model->width() + model->width() / 2];
    QVERIFY2(centre > 250 && centre < 1500, qPrintable(QString::number(centre))); // the table, ~0.5-0.8 m away
  }

  void truthDescribesTheScript() {
    const Timestamp start = m_truth["start_ns"], end = m_truth["end_ns"];
    QCOMPARE(end - start, 2 * kNsPerSecond);
    Timestamp previous = start;
    QCOMPARE(m_truth["tasks"].size(), std::size_t(8));
    for (const auto &t : m_truth["tasks"]) {
      QVERIFY(t["start_ns"].get<Timestamp>() >= previous);
      QVERIFY(t["end_ns"].get<Timestamp>() > t["start_ns"].get<Timestamp>());
      previous = t["end_ns"];
    }
    QVERIFY(previous <= end);
    const auto &face = m_truth["defects"]["bystander_face"];
    QVERIFY(face["boxes"].size() >= 5);
    for (const auto &box : face["boxes"]) {
      QVERIFY(box["t_ns"].get<Timestamp>() >= face["start_ns"].get<Timestamp>());
      QVERIFY(box["t_ns"].get<Timestamp>() < face["end_ns"].get<Timestamp>());
      QVERIFY(box["w"].get<double>() > 2 && box["h"].get<double>() > 2);
      QVERIFY(box["x"].get<double>() >= -0.5 && box["x"].get<double>() + box["w"].get<double>() <= kSize);
    }
  }
};

QTEST_GUILESS_MAIN(SampleRecordingTest)
#include "SampleRecordingTest.moc"
