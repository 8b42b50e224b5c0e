// Generic video import: any FFmpeg video, IMU / hand sidecars with differently named columns
// (--map-column), a raw elementary stream re-timed with --fps-hint, camera intrinsics.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/import/VideoImporter.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"

using namespace tacit;
namespace fs = std::filesystem;

class VideoImportTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  fs::path tmp(const std::string &n) const { return fs::path(m_dir.path().toStdString()) / n; }

  fs::path ffmpeg(const std::string &name, const QStringList &codecArgs) {
    fs::path p = tmp(name);
    QStringList args{"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=15", "-t", "1"};
    args << codecArgs << QString::fromStdString(p.string());
    return QProcess::execute("ffmpeg", args) == 0 ? p : fs::path();
  }

  fs::path theirImu() {
    fs::path p = tmp("their_imu.csv");
    std::ofstream f(p);
    f << "t_s,ax,ay,az,gx,gy,gz,temp\n";
    for (int i = 0; i < 100; ++i)
      f << 0.01 * i << ",0.1,0.2,9.81,0.01,0.02,0.03,30\n";
    return p;
  }

private slots:
  void videoWithMappedImu() {
    fs::path video = ffmpeg("clip.mp4", {"-pix_fmt", "yuv420p"});
    QVERIFY(!video.empty());
    import::VideoImportOptions o;
    o.video = video;
    o.imu = theirImu();
    o.columnMap = {{"timestamp_ns", "t_s"}, {"accel_x", "ax"}, {"accel_y", "ay"}, {"accel_z", "az"},
                   {"gyro_x", "gx"},        {"gyro_y", "gy"},  {"gyro_z", "gz"}};
    o.timeUnit = "s";
    o.camera = "pinhole:100,100,80,60";
    o.out = tmp("rec_clip");
    auto r = import::importVideo(o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->videoFrames, std::int64_t(15));
    auto m = RecordingReader::read(o.out);
    QVERIFY2(m.ok(), m.error().c_str());
    QVERIFY(m->stream("rgb") && m->stream("imu"));
    QCOMPARE(m->calibration.camera("rgb")->model->params()[2], 80.0);
    auto imu = series::ImuSeries::load((o.out / "imu.csv").string());
    QVERIFY2(imu.ok(), imu.error().c_str());
    QCOMPARE(imu->size(), std::size_t(100));
    QCOMPARE(imu->timeRange().begin, Timestamp(0));
    QCOMPARE(imu->series().timeAt(1), Timestamp(10000000)); // 0.01 s
  }

  void handsSidecarWithRenamedTimestamp() {
    fs::path video = ffmpeg("clip2.mp4", {"-pix_fmt", "yuv420p"});
    // The real v1 sample with its timestamp column renamed.
    std::ifstream in(fs::path(TACIT_TEST_DATA_DIR) /
                     "aria/mps_sample/hand_tracking/hand_tracking_results_v1.csv");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.replace(0, std::string("tracking_timestamp_us").size(), "time");
    fs::path hands = tmp("their_hands.csv");
    std::ofstream(hands) << text;
    import::VideoImportOptions o;
    o.video = video;
    o.hands = hands;
    o.out = tmp("rec_hands");
    auto missing = import::importVideo(o);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().find("their_hands.csv: missing columns tracking_timestamp_us") != std::string::npos,
             missing.error().c_str());
    QVERIFY(missing.error().find("--map-column") != std::string::npos);
    QVERIFY(!fs::exists(o.out));
    o.columnMap = {{"tracking_timestamp_us", "time"}};
    auto r = import::importVideo(o);
    QVERIFY2(r.ok(), r.error().c_str());
    auto loaded = series::HandSeries::load((o.out / "hands.csv").string());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->layout(), series::HandLayout::TrackingResultsV1);
  }

  void rawStreamRetimedWithFpsHint() {
    fs::path raw = ffmpeg("clip.h264", {"-c:v", "libx264", "-bf", "0", "-pix_fmt", "yuv420p", "-f", "h264"});
    QVERIFY(!raw.empty());
    import::VideoImportOptions o;
    o.video = raw;
    o.fpsHint = 15;
    o.out = tmp("rec_raw");
    auto r = import::importVideo(o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->videoFrames, std::int64_t(15));
    auto m = RecordingReader::read(o.out);
    QVERIFY(m.ok());
    auto v = media::VideoSource::open(m->absolutePath(*m->stream("rgb")));
    QVERIFY2(v.ok(), v.error().c_str());
    QCOMPARE((*v)->frameCount(), std::int64_t(15));
    const Timestamp step = (*v)->ptsNs(1) - (*v)->ptsNs(0);
    QVERIFY2(std::abs(step - kNsPerSecond / 15) < kNsPerMs, qPrintable(QString::number(step)));
  }

  void badInputs() {
    import::VideoImportOptions o;
    o.video = tmp("missing.mp4");
    o.out = tmp("rec_bad");
    QVERIFY(!import::importVideo(o).ok());
    fs::path video = ffmpeg("clip3.mp4", {"-pix_fmt", "yuv420p"});
    o.video = video;
    o.camera = "pinhole:1,2,3";
    auto r = import::importVideo(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("3 parameters") != std::string::npos, r.error().c_str());
    o.camera = "";
    o.imu = theirImu(); // unmapped: our columns missing
    r = import::importVideo(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("their_imu.csv: missing columns timestamp_ns, accel_x") != std::string::npos,
             r.error().c_str());
    QVERIFY(!fs::exists(o.out));
  }
};

QTEST_GUILESS_MAIN(VideoImportTest)
#include "VideoImportTest.moc"
