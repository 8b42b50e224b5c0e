// tacit-cli vrs info / import aria-mps|egodex|video, run as a user would; the Gen1 VRS import is
// checked through `tacit-cli frame` showing the real RGB image.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "../../core/import/EgoDexTestFile.h"
#include "core/import/VrsImageDecoder.h"
#include "core/import/VrsReader.h"
#include "core/import/VrsRecordDecoder.h"

namespace fs = std::filesystem;

static QString shared(const char *rel) {
  return QString(TACIT_TEST_DATA_DIR) + "/" + rel;
}

struct Run {
  int code = -1;
  QByteArray out, err;
};

static Run cli(const QStringList &args) {
  QProcess p;
  p.start(TACIT_CLI_PATH, args);
  p.waitForFinished(60000);
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// Mean absolute difference of two same-size images (RGB).
static double meanDiff(const QImage &a, const QImage &b) {
  QImage x = a.convertToFormat(QImage::Format_RGB888), y = b.convertToFormat(QImage::Format_RGB888);
  if (x.size() != y.size())
    return 1e9;
  double sum = 0;
  for (int r = 0; r < x.height(); r += 4)
    for (int c = 0; c < x.width() * 3; c += 4)
      sum += std::abs(int(x.constScanLine(r)[c]) - int(y.constScanLine(r)[c]));
  return sum / ((x.height() / 4.0) * (x.width() * 3 / 4.0));
}

class ImportCliTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString tmp(const QString &n) const { return m_dir.path() + "/" + n; }

private slots:
  void vrsInfoJson() {
    Run r = cli({"vrs", "info", shared("aria/aea/recording.vrs"), "--json"});
    QCOMPARE(r.code, 0);
    auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["record_count"].get<int>(), 785);
    QCOMPARE(j["format_version"].get<std::string>(), std::string("VRS2"));
    QCOMPARE(j["streams"].size(), std::size_t(9));
    bool rgb = false;
    for (const auto &s : j["streams"])
      if (s["id"] == "214-1") {
        rgb = true;
        QCOMPARE(s["records"]["data"].get<int>(), 8);
        QCOMPARE(s["aria_label"].get<std::string>(), std::string("camera-rgb"));
        QCOMPARE(s["kind"].get<std::string>(), std::string("image"));
        QCOMPARE(s["name"].get<std::string>(), std::string("RGB Camera Class"));
      }
    QVERIFY(rgb);
    QVERIFY(j["file_tags"].contains("calib_json"));

    Run chunks = cli({"vrs", "info", shared("vrs/chunks.vrs"), "--json"});
    QCOMPARE(chunks.code, 0);
    QCOMPARE(nlohmann::json::parse(chunks.out.toStdString())["record_count"].get<int>(), 306);

    std::ofstream(tmp("junk.vrs").toStdString()) << std::string(200, 'x');
    Run junk = cli({"vrs", "info", tmp("junk.vrs")});
    QCOMPARE(junk.code, 1);
    QVERIFY(junk.err.contains("junk.vrs: not a VRS file"));
    QCOMPARE(cli({"vrs", "frobnicate"}).code, 2);
  }

  void ariaVrsImportShowsTheRealImage() {
    const QString rec = tmp("aria_rec");
    Run r = cli({"import", "aria-mps", "--vrs", shared("aria/aea/recording.vrs"), "--out", rec, "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["video_frames"].get<int>(), 8);

    Run f = cli({"frame", rec, "--index", "0", "--out", tmp("x.png")});
    QVERIFY2(f.code == 0, f.err.constData());
    QImage png(tmp("x.png"));
    QVERIFY(!png.isNull());
    QCOMPARE(png.size(), QSize(1408, 1408));
    // Non-blank: real image content with contrast.
    QImage grey = png.convertToFormat(QImage::Format_Grayscale8);
    double mean = 0, sq = 0;
    const int n = grey.width() * grey.height();
    for (int y = 0; y < grey.height(); ++y)
      for (int x = 0; x < grey.width(); ++x) {
        double v = grey.constScanLine(y)[x];
        mean += v;
        sq += v * v;
      }
    mean /= n;
    const double stddev = std::sqrt(sq / n - mean * mean);
    QVERIFY2(stddev > 10 && mean > 5, qPrintable(QString("mean %1 stddev %2").arg(mean).arg(stddev)));
    // Same picture as the first JPEG in the VRS (as stored, or turned upright by 90 degrees).
    auto reader = tacit::vrs::Reader::open(shared("aria/aea/recording.vrs").toStdString());
    QVERIFY(reader.ok());
    tacit::vrs::RecordDecoder dec(*reader, {214, 1});
    auto first = dec.read(reader->records({214, 1}, tacit::vrs::RecordType::Data).front());
    QVERIFY(first.ok());
    tacit::vrs::ImageDecoder images;
    auto direct = images.decode(*first->image);
    QVERIFY(direct.ok());
    const double d0 = meanDiff(png, *direct), d90 = meanDiff(png, direct->transformed(QTransform().rotate(90)));
    QVERIFY2(std::min(d0, d90) < 3, qPrintable(QString("diff %1 / %2").arg(d0).arg(d90)));

    // The output folder exists now: a second import is refused and changes nothing.
    Run again = cli({"import", "aria-mps", "--vrs", shared("aria/aea/recording.vrs"), "--out", rec});
    QCOMPARE(again.code, 1);
    QVERIFY(again.err.contains("already exists"));
  }

  void ariaTruncatedVrsFails() {
    QFile src(shared("aria/aea/recording.vrs"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QFile cut(tmp("cut.vrs"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(src.read(src.size() / 3));
    cut.close();
    Run r = cli({"import", "aria-mps", "--vrs", tmp("cut.vrs"), "--out", tmp("cut_rec")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cut.vrs") && r.err.contains("truncated"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(!QFileInfo::exists(tmp("cut_rec")));
    QCOMPARE(cli({"import", "aria-mps", "--out", tmp("x")}).code, 2);
  }

  void egodexImport() {
    QVERIFY(egodextest::writeEpisode(tmp("ep.hdf5").toStdString(), 9));
    QCOMPARE(QProcess::execute("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                                          "-frames:v", "9", "-pix_fmt", "yuv420p", tmp("ep.mp4")}),
             0);
    Run r = cli({"import", "egodex", tmp("ep.hdf5"), "--out", tmp("ego_rec")});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile manifest(tmp("ego_rec/recording.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    auto j = nlohmann::json::parse(manifest.readAll().toStdString());
    QCOMPARE(j["task"].get<std::string>(), std::string(egodextest::kDescription));
    QVERIFY(QFileInfo::exists(tmp("ego_rec/hands.csv")));
  }

  void videoImportMissingColumn() {
    QCOMPARE(QProcess::execute("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10",
                                          "-t", "1", "-pix_fmt", "yuv420p", tmp("v.mp4")}),
             0);
    std::ofstream(tmp("imu.csv").toStdString()) << "t,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0,0\n1000,0,0,9.8,0,0,0\n";
    Run bad = cli({"import", "video", tmp("v.mp4"), "--imu", tmp("imu.csv"), "--out", tmp("v_rec")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("imu.csv: missing columns timestamp_ns"), bad.err.constData());
    QVERIFY(!QFileInfo::exists(tmp("v_rec")));
    Run ok = cli({"import",         "video",        tmp("v.mp4"),
                  "--imu",          tmp("imu.csv"), "--map-column",
                  "timestamp_ns=t", "--map-column", "accel_x=ax",
                  "--map-column",   "accel_y=ay",   "--map-column",
                  "accel_z=az",     "--map-column", "gyro_x=gx",
                  "--map-column",   "gyro_y=gy",    "--map-column",
                  "gyro_z=gz",      "--camera",     "pinhole:100,100,80,60",
                  "--out",          tmp("v_rec")});
    QVERIFY2(ok.code == 0, ok.err.constData());
    QVERIFY(QFileInfo::exists(tmp("v_rec/imu.csv")));
    QVERIFY(QFileInfo::exists(tmp("v_rec/calibration.json")));
    QCOMPARE(cli({"import", "video", tmp("v.mp4"), "--map-column", "nonsense", "--out", tmp("v2")}).code, 2);
  }

  // tacit-cli sample --aria-export writes the sample in Aria's formats; import aria-mps takes them
  // (the pixel-level check is test_aria_sample_projection).
  void sampleAriaExportImports() {
    Run usage = cli({"sample", tmp("s_small"), "--size", "320x320", "--aria-export", tmp("s_small_aria")});
    QCOMPARE(usage.code, 2);
    Run s = cli({"sample", tmp("s"), "--duration", "0.5", "--imu-hz", "100", "--aria-export", tmp("s_aria")});
    QVERIFY2(s.code == 0, s.err.constData());
    for (const char *f : {"mps/hand_tracking/hand_tracking_results.csv", "mps/slam/closed_loop_trajectory.csv",
                          "mps/eye_gaze/general_eye_gaze.csv", "calib.json"})
      QVERIFY2(QFileInfo::exists(tmp("s_aria/") + f), f);
    Run r = cli({"import", "aria-mps", tmp("s_aria/mps"), "--video", tmp("s/rgb.mp4"), "--calibration",
                 tmp("s_aria/calib.json"), "--out", tmp("s_rec"), "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    auto j = nlohmann::json::parse(r.out.toStdString());
    std::set<std::string> kinds;
    for (const auto &st : j["streams"])
      kinds.insert(st["kind"].get<std::string>());
    QVERIFY(kinds.count("video") && kinds.count("hand_pose") && kinds.count("trajectory") && kinds.count("gaze"));
    QVERIFY(QFileInfo::exists(tmp("s_rec/calibration.json")));
  }
};

QTEST_GUILESS_MAIN(ImportCliTest)
#include "ImportCliTest.moc"
