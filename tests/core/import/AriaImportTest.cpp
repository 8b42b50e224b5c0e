// Aria import end to end on the real Gen1 VRS and real MPS samples, plus damaged inputs that must
// fail with a clear message and leave nothing behind.
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/import/AriaImporter.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"

using namespace tacit;
namespace fs = std::filesystem;

static fs::path shared(const std::string &rel) {
  return fs::path(TACIT_TEST_DATA_DIR) / rel;
}

static std::string readAll(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}
static void writeAll(const fs::path &p, const std::string &s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << s;
}

class AriaImportTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  fs::path tmp(const std::string &name) const { return fs::path(m_dir.path().toStdString()) / name; }

  // An MPS folder with current file names, built from the real samples.
  fs::path makeMps(const std::string &name, const std::string &handsSample = "hand_tracking_results_v2.csv",
                   const std::string &gazeName = "general_eye_gaze.csv") {
    fs::path mps = tmp(name);
    writeAll(mps / "hand_tracking/hand_tracking_results.csv",
             readAll(shared("aria/mps_sample/hand_tracking/" + handsSample)));
    writeAll(mps / "slam/closed_loop_trajectory.csv",
             readAll(shared("aria/mps_sample/trajectory/closed_loop_trajectory_geo_available.csv")));
    writeAll(mps / "slam/online_calibration.jsonl",
             readAll(shared("aria/mps_sample/trajectory/online_calibration.jsonl")));
    writeAll(mps / ("eye_gaze/" + gazeName), readAll(shared("aria/aea/mps/eye_gaze/general_eye_gaze.csv")));
    return mps;
  }

  static std::vector<std::string> leftovers(const fs::path &parent) {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(parent))
      if (e.path().filename().string().find(".importing-") != std::string::npos)
        names.push_back(e.path().filename().string());
    return names;
  }

private slots:
  void vrsEndToEnd() {
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.mpsDir = makeMps("mps_full");
    o.out = tmp("rec_vrs");
    o.task = "sample task";
    const auto before = fs::last_write_time(o.vrs);
    auto r = import::importAria(o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(fs::last_write_time(o.vrs), before);
    QCOMPARE(r->videoFrames, std::int64_t(8));
    QVERIFY(r->imuSamples > 350 && r->imuSamples <= 400);

    auto m = RecordingReader::read(o.out);
    QVERIFY2(m.ok(), m.error().c_str());
    QVERIFY(m.warnings().empty());
    for (const char *id : {"rgb", "imu", "hands", "trajectory", "gaze"})
      QVERIFY2(m->stream(id), id);
    QCOMPARE(m->task, std::string("sample task"));
    QVERIFY(m->device.find("Aria") != std::string::npos);
    QCOMPARE(m->startedAt.substr(0, 4), std::string("2022"));

    // Video: one picture per RGB data record, the real image.
    const auto *rgb = m->stream("rgb");
    auto video = media::VideoSource::open(m->absolutePath(*rgb));
    QVERIFY2(video.ok(), video.error().c_str());
    QCOMPARE((*video)->frameCount(), std::int64_t(8));
    auto frame = (*video)->frame(0);
    QVERIFY2(frame.ok(), frame.error().c_str());
    QCOMPARE((*video)->width(), 1408);
    QCOMPARE((*video)->height(), 1408);
    // Device clock: first frame time = first RGB capture time, close to the MPS times (µs clock).
    const Timestamp t0 = rgb->timeOffsetNs + (*video)->ptsNs(0);
    QVERIFY(t0 > 0);

    // Calibration from the VRS calib_json, rescaled 2880 -> 1408.
    const auto *cam = m->calibration.camera("rgb");
    QVERIFY(cam && cam->model);
    QCOMPARE(cam->model->width(), 1408);
    QCOMPARE(cam->model->kind(), geometry::CameraModelKind::Fisheye624);
    QVERIFY(cam->model->params()[0] > 500 && cam->model->params()[0] < 700);

    // IMU: native columns, accelerometer ~ gravity, times on the VRS device clock.
    const std::string imuText = readAll(o.out / "imu.csv");
    QCOMPARE(imuText.substr(0, imuText.find('\n')),
             std::string("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z"));
    auto imu = series::ImuSeries::load((o.out / "imu.csv").string());
    QVERIFY2(imu.ok(), imu.error().c_str());
    QCOMPARE(std::int64_t(imu->size()), r->imuSamples);
    QVERIFY(std::abs(imu->timeRange().begin - t0) < 2 * kNsPerSecond);

    auto hands = series::HandSeries::load((o.out / "hands.csv").string());
    QVERIFY2(hands.ok(), hands.error().c_str());
    QCOMPARE(hands->layout(), series::HandLayout::TrackingResultsV2);
    QVERIFY(fs::exists(o.out / "online_calibration.jsonl"));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void videoWithOlderMpsNames() {
    // Exported video + v1 hands + older gaze name; calibration from the online calibration.
    fs::path mps = makeMps("mps_old", "hand_tracking_results_v1.csv", "generalized_eye_gaze.csv");
    fs::path video = tmp("rgb.mp4");
    QCOMPARE(QProcess::execute("ffmpeg",
                               {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=1408x1408:rate=10:duration=1",
                                "-pix_fmt", "yuv420p", QString::fromStdString(video.string())}),
             0);
    import::AriaImportOptions o;
    o.video = video;
    o.mpsDir = mps;
    o.out = tmp("rec_video");
    o.videoStartNs = 148502526000;
    auto r = import::importAria(o);
    QVERIFY2(r.ok(), r.error().c_str());
    auto m = RecordingReader::read(o.out);
    QVERIFY2(m.ok(), m.error().c_str());
    QCOMPARE(m->stream("rgb")->timeOffsetNs, Timestamp(148502526000));
    QVERIFY(m->calibration.camera("rgb"));
    auto hands = series::HandSeries::load((o.out / "hands.csv").string());
    QVERIFY(hands.ok());
    QCOMPARE(hands->layout(), series::HandLayout::TrackingResultsV1);
    // Missing optional outputs (open loop, personalized gaze) are warnings naming what is missing.
    bool openLoopWarned = false;
    for (const auto &w : r.warnings())
      openLoopWarned |= w.find("open-loop") != std::string::npos;
    QVERIFY(openLoopWarned);
  }

  void wristAndPalmAndFactoryCalibration() {
    fs::path mps = tmp("mps_wrist");
    writeAll(mps / "hand_tracking/wrist_and_palm_poses.csv",
             readAll(shared("aria/mps_sample/hand_tracking/wrist_and_palm_poses_v2.csv")));
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.mpsDir = mps;
    o.calibration = shared("aria/sample_calib.json");
    o.out = tmp("rec_wrist");
    auto r = import::importAria(o);
    QVERIFY2(r.ok(), r.error().c_str());
    auto m = RecordingReader::read(o.out);
    QVERIFY(m.ok());
    // The factory sample's RGB focal is 1214.03 at 2880 px: 607.01 at 1408.
    QVERIFY(std::abs(m->calibration.camera("rgb")->model->params()[0] - 1214.025993758243 / 2) < 1e-6);
    auto hands = series::HandSeries::load((o.out / "hands.csv").string());
    QVERIFY(hands.ok());
    QCOMPARE(hands->layout(), series::HandLayout::WristAndPalmV2);
  }

  void rawRgbStreamIsReencoded() {
    // The VRS raw-pixel-format sample has a raw 214-1 stream (not an Aria file: no calibration).
    import::AriaImportOptions o;
    o.vrs = shared("vrs/sample_raw_pixel_formats.vrs");
    o.out = tmp("rec_raw");
    auto r = import::importAria(o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->videoFrames, std::int64_t(10));
    bool noCalibrationWarned = false;
    for (const auto &w : r.warnings())
      noCalibrationWarned |= w.find("no calibration") != std::string::npos;
    QVERIFY(noCalibrationWarned);
    auto m = RecordingReader::read(o.out);
    QVERIFY2(m.ok(), m.error().c_str());
    auto video = media::VideoSource::open(m->absolutePath(*m->stream("rgb")));
    QVERIFY2(video.ok(), video.error().c_str());
    QCOMPARE((*video)->frameCount(), std::int64_t(10));
    QVERIFY((*video)->frame(9).ok());
  }

  void truncatedVrsImportsNothing() {
    const std::string bytes = readAll(shared("aria/aea/recording.vrs"));
    fs::path cut = tmp("cut/recording.vrs");
    writeAll(cut, bytes.substr(0, bytes.size() / 2));
    import::AriaImportOptions o;
    o.vrs = cut;
    o.out = tmp("rec_cut");
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("recording.vrs") != std::string::npos, r.error().c_str());
    QVERIFY2(r.error().find("truncated") != std::string::npos, r.error().c_str());
    QVERIFY(!fs::exists(o.out));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void unknownRecordFormatImportsNothing() {
    // Rename the RGB stream's "RF:Data:2" tag so its data records have no record format.
    std::string bytes = readAll(shared("aria/aea/recording.vrs"));
    const std::size_t rgb = bytes.find("RGB Camera Class");
    const std::size_t tag = bytes.rfind("RF:Data:2", rgb);
    QVERIFY(rgb != std::string::npos && tag != std::string::npos);
    bytes[tag + 8] = '7';
    fs::path bad = tmp("badrf/recording.vrs");
    writeAll(bad, bytes);
    import::AriaImportOptions o;
    o.vrs = bad;
    o.out = tmp("rec_badrf");
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("unknown record format") != std::string::npos, r.error().c_str());
    QVERIFY(r.error().find("214-1") != std::string::npos);
    QVERIFY(!fs::exists(o.out));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void csvWithMissingColumnImportsNothing() {
    fs::path mps = makeMps("mps_badcsv");
    // Drop the qw_world_device column from the trajectory.
    std::string text = readAll(mps / "slam/closed_loop_trajectory.csv");
    const std::size_t p = text.find(",qw_world_device");
    QVERIFY(p != std::string::npos);
    text.erase(p, std::string(",qw_world_device").size());
    writeAll(mps / "slam/closed_loop_trajectory.csv", text);
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.mpsDir = mps;
    o.out = tmp("rec_badcsv");
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("closed_loop_trajectory.csv") != std::string::npos, r.error().c_str());
    QVERIFY2(r.error().find("qw_world_device") != std::string::npos, r.error().c_str());
    QVERIFY(!fs::exists(o.out));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void calibrationWithoutRgbImportsNothing() {
    std::string text = readAll(shared("aria/sample_calib.json"));
    // Rename the RGB camera's label: the JSON stays valid but has no camera-rgb.
    const std::size_t p = text.find("\"camera-rgb\"");
    QVERIFY(p != std::string::npos);
    text.replace(p, 12, "\"camera-xyz\"");
    fs::path calib = tmp("norgb/calib.json");
    writeAll(calib, text);
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.calibration = calib;
    o.out = tmp("rec_norgb");
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("calib.json: no camera-rgb calibration") != std::string::npos, r.error().c_str());
    QVERIFY(!fs::exists(o.out));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void cancelledImportLeavesNothing() {
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.out = tmp("rec_cancel");
    int calls = 0;
    o.progress = [&](double, const std::string &) { return ++calls < 3; };
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), std::string("import cancelled"));
    QVERIFY(!fs::exists(o.out));
    QVERIFY(leftovers(o.out.parent_path()).empty());
  }

  void existingOutputIsRefused() {
    fs::create_directories(tmp("taken"));
    writeAll(tmp("taken/keep.txt"), "x");
    import::AriaImportOptions o;
    o.vrs = shared("aria/aea/recording.vrs");
    o.out = tmp("taken");
    auto r = import::importAria(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("already exists") != std::string::npos, r.error().c_str());
    QCOMPARE(readAll(tmp("taken/keep.txt")), std::string("x"));
  }
};

QTEST_GUILESS_MAIN(AriaImportTest)
#include "AriaImportTest.moc"
