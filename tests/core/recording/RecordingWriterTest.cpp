#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/recording/RecordingReader.h"
#include "core/recording/RecordingWriter.h"
#include "core/util/AtomicFile.h"

using namespace tacit;
namespace fs = std::filesystem;

namespace {

RecordingManifest sampleManifest() {
  RecordingManifest m;
  m.id = "0d3c9a52-6a43-4f55-9d4e-2f3b1a9e7c10";
  m.workerId = "w-003";
  m.workerName = "Bo";
  m.task = "pack boxes";
  m.site = "dock 4";
  m.startedAt = "2026-11-25T10:15:00Z";
  m.device = "aria-gen1";
  m.streams = {
      {"rgb", StreamKind::Video, "rgb.mp4", 0, "rgb", 270},
      {"depth", StreamKind::Depth, "depth.mkv", 1'000'000, "depth", 0},
      {"imu", StreamKind::Imu, "imu.csv", -5, "", 0},
      {"traj", StreamKind::Trajectory, "mps/trajectory.csv", 0, "", 0},
      {"mic", StreamKind::Audio, "audio.wav", 0, "", 0},
  };
  CameraCalibration rgb;
  rgb.name = "rgb";
  rgb.model = geometry::makeCameraModel(geometry::CameraModelKind::Fisheye624, 1408, 1408,
                                        {607.0129968791215, 703.7679347882570, 703.2979291982975, 0.4049855059199108,
                                         -0.4960655170834019, 0.2366889743579386, 0.9948191490966187,
                                         -1.573948083968366, 0.6086728193625544, -0.0003672190538065101,
                                         -0.0007413905358394097, -0.0005839984838196491, -0.0002193412417918993,
                                         0.0001936268547567258, -0.0002042473404798113});
  rgb.T_device_camera.rotation =
      Eigen::Quaterniond(0.9433499277148367, 0.3278414140126585, 0.03839318577298367, 0.03371771677908019).normalized();
  rgb.T_device_camera.translation = {-0.004554731980229378, -0.01169138077305146, -0.004918788973669208};
  CameraCalibration depth;
  depth.name = "depth";
  depth.model = geometry::makeCameraModel(geometry::CameraModelKind::KannalaBrandt4, 320, 240,
                                          {278.5, 278.0, 159.75, 119.75, 0.0398, -0.0398, 0.1244, -0.278});
  m.calibration.cameras = {{"rgb", rgb}, {"depth", depth}};
  m.calibration.T_device_imu.translation = {0.01, 0.02, 0.03};
  return m;
}

void touch(const fs::path &p) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << "x";
}

} // namespace

class RecordingWriterTest : public QObject {
  Q_OBJECT
private slots:
  void roundTrip() {
    QTemporaryDir tmp;
    const fs::path folder = fs::path(tmp.path().toStdString()) / "new" / "rec";
    const RecordingManifest m = sampleManifest();
    auto s = RecordingWriter::write(m, folder);
    QVERIFY2(s.ok(), s.error().c_str());
    for (const auto &st : m.streams)
      touch(folder / st.path);
    auto r = RecordingReader::read(folder);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    QCOMPARE(r->id, m.id);
    QCOMPARE(r->workerId, m.workerId);
    QCOMPARE(r->workerName, m.workerName);
    QCOMPARE(r->task, m.task);
    QCOMPARE(r->site, m.site);
    QCOMPARE(r->startedAt, m.startedAt);
    QCOMPARE(r->device, m.device);
    QCOMPARE(r->calibrationPath, fs::path("calibration.json"));
    QCOMPARE(r->streams.size(), m.streams.size());
    for (std::size_t i = 0; i < m.streams.size(); ++i) {
      QCOMPARE(r->streams[i].id, m.streams[i].id);
      QCOMPARE(r->streams[i].kind, m.streams[i].kind);
      QCOMPARE(r->streams[i].path, m.streams[i].path);
      QCOMPARE(r->streams[i].timeOffsetNs, m.streams[i].timeOffsetNs);
      QCOMPARE(r->streams[i].camera, m.streams[i].camera);
      QCOMPARE(r->streams[i].rotationDeg, m.streams[i].rotationDeg);
    }
    QCOMPARE(r->calibration.cameras.size(), std::size_t(2));
    for (const auto &[name, cam] : m.calibration.cameras) {
      const auto *got = r->calibration.camera(name);
      QVERIFY(got);
      QCOMPARE(got->model->kind(), cam.model->kind());
      QCOMPARE(got->model->width(), cam.model->width());
      QCOMPARE(got->model->params(), cam.model->params()); // bit-exact doubles
      QCOMPARE(got->T_device_camera.translation, cam.T_device_camera.translation);
      QVERIFY(got->T_device_camera.rotation.coeffs().isApprox(cam.T_device_camera.rotation.coeffs(), 1e-15));
    }
    QCOMPARE(r->calibration.T_device_imu.translation, m.calibration.T_device_imu.translation);

    // Writing what was read gives byte-identical files.
    const auto first = *readSmallFile(folder / "recording.json");
    const auto firstCal = *readSmallFile(folder / "calibration.json");
    QVERIFY(RecordingWriter::write(*r, folder).ok());
    QCOMPARE(*readSmallFile(folder / "recording.json"), first);
    QCOMPARE(*readSmallFile(folder / "calibration.json"), firstCal);
    // No temporary files left behind.
    int files = 0;
    for (const auto &e : fs::directory_iterator(folder))
      files += e.is_regular_file();
    QCOMPARE(files, 2 + 4); // two JSON files + 4 top-level stream files (trajectory is in mps/)
  }

  void exactLayout() {
    RecordingManifest m;
    m.id = "id-1";
    m.streams = {{"imu", StreamKind::Imu, "imu.csv", 42, "", 0}};
    QCOMPARE(QString::fromStdString(RecordingWriter::recordingJson(m)), QStringLiteral(R"({
  "format": "tacit-recording",
  "version": 1,
  "id": "id-1",
  "streams": [
    {
      "id": "imu",
      "kind": "imu",
      "path": "imu.csv",
      "time_offset_ns": 42
    }
  ]
}
)"));
    Calibration c;
    c.cameras["cam"] = {"cam", geometry::makeCameraModel(geometry::CameraModelKind::Pinhole, 4, 3, {2, 2, 1.5, 1}), {}};
    QCOMPARE(QString::fromStdString(RecordingWriter::calibrationJson(c)), QStringLiteral(R"({
  "version": 1,
  "cameras": {
    "cam": {
      "model": "pinhole",
      "width": 4,
      "height": 3,
      "params": [
        2.0,
        2.0,
        1.5,
        1.0
      ],
      "T_device_camera": {
        "rotation_xyzw": [
          0.0,
          0.0,
          0.0,
          1.0
        ],
        "translation": [
          0.0,
          0.0,
          0.0
        ]
      }
    }
  },
  "imu": {
    "T_device_imu": {
      "rotation_xyzw": [
        0.0,
        0.0,
        0.0,
        1.0
      ],
      "translation": [
        0.0,
        0.0,
        0.0
      ]
    }
  }
}
)"));
  }

  void refusesInvalidManifest() {
    QTemporaryDir tmp;
    const fs::path folder = tmp.path().toStdString();
    RecordingManifest m = sampleManifest();
    m.streams[2].id = "rgb";
    auto s = RecordingWriter::write(m, folder);
    QVERIFY(!s.ok());
    QCOMPARE(s.error(), (folder / "recording.json").generic_string() +
                            ": $.streams[2].id: duplicate stream id \"rgb\" (first used at $.streams[0])");
    m = sampleManifest();
    m.streams[0].path = "../escape.mp4";
    s = RecordingWriter::write(m, folder);
    QCOMPARE(s.error(), (folder / "recording.json").generic_string() +
                            ": $.streams[0].path: escapes the recording folder: \"../escape.mp4\"");
    QVERIFY(!fs::exists(folder / "recording.json"));
    QVERIFY(!fs::exists(folder / "calibration.json"));
  }

  void noCalibrationWhenNoCameras() {
    QTemporaryDir tmp;
    const fs::path folder = tmp.path().toStdString();
    RecordingManifest m = sampleManifest();
    m.calibration = {};
    QVERIFY(RecordingWriter::write(m, folder).ok());
    QVERIFY(!fs::exists(folder / "calibration.json"));
    QVERIFY(readSmallFile(folder / "recording.json")->find("calibration") == std::string::npos);
  }
};

QTEST_GUILESS_MAIN(RecordingWriterTest)
#include "RecordingWriterTest.moc"
