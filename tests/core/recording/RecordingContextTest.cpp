// RecordingContext, the one loader: a recording folder (media, calibration cameras, series through
// the series cache, two-phase open), a plain video, a 16-bit grey video (depth), a folder of depth
// PNGs, a folder that is not a recording, and the time-offset rule every caller applies.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/media/DepthSource.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingContext.h"
#include "core/sample/SampleGenerator.h"

using namespace tacit;
namespace fs = std::filesystem;

namespace {
bool ffmpeg(const QStringList &args) {
  QProcess p;
  p.start(QStringLiteral("ffmpeg"), QStringList{"-nostdin", "-v", "error", "-y"} + args);
  return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
} // namespace

class RecordingContextTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  fs::path m_recording;

  fs::path path(const char *name) const { return fs::path(m_dir.filePath(name).toStdString()); }
  RecordingContext::Options cached(const char *cacheName) const {
    RecordingContext::Options o;
    o.seriesCacheDir = path(cacheName) / "series";
    o.indexCacheDir = path(cacheName) / "index";
    return o;
  }

private slots:
  void initTestCase() {
    m_recording = path("rec");
    sample::SampleOptions so;
    so.durationSec = 1.0;
    so.width = 256;
    so.height = 256;
    so.imuHz = 200;
    auto rep = sample::generateSample(so, m_recording);
    QVERIFY2(rep.ok(), rep.ok() ? "" : rep.error().c_str());
  }

  void opensARecordingFolder() {
    auto ctx = RecordingContext::open(m_recording, cached("c1"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    const RecordingContext &r = **ctx;
    QVERIFY(!r.isPlainFile());
    QVERIFY(r.seriesLoaded());
    QVERIFY(r.video() && r.depth());
    QCOMPARE(r.video()->id, std::string("rgb"));
    QCOMPARE(r.video()->width, 256);
    QCOMPARE(r.video()->frameCount(), std::size_t(30));
    // Frame times are the reader's (pts + manifest offset).
    const StreamDescriptor *rgb = r.manifest().stream("rgb");
    QCOMPARE(r.video()->frameTimes->front(), rgb->timeOffsetNs);
    QVERIFY(r.camera(*r.video()));
    QVERIFY(r.camera(*r.depth()));
    // Depth is read through DepthSource: values exact, 16-bit grey.
    auto depthReader = r.depth()->open();
    QVERIFY(depthReader.ok());
    QVERIFY(dynamic_cast<media::DepthSource *>(depthReader->get()));
    QCOMPARE((*depthReader)->pixelFormat(), media::PixelFormat::Gray16);
    const RecordingSeries &s = r.series();
    QVERIFY(s.imu && s.hands && s.trajectory && s.gaze && s.handSpeed);
    QCOMPARE(s.imuId, std::string("imu"));
    QCOMPARE(s.streams.size(), std::size_t(4));
    QCOMPARE(s.parsed, 4);
    // The reader opened while loading is handed out once.
    QVERIFY(r.video() != nullptr);
    QVERIFY((*ctx)->takeReader("rgb"));
    QVERIFY(!(*ctx)->takeReader("rgb"));
    QVERIFY(!r.timeRange().empty());
  }

  void twoPhaseOpenAndTheSeriesCache() {
    RecordingContext::Options o = cached("c2");
    o.series = false;
    auto ctx = RecordingContext::open(m_recording, o);
    QVERIFY(ctx.ok());
    QVERIFY(!(*ctx)->seriesLoaded());
    QVERIFY(!(*ctx)->series().imu);
    const TimeRange mediaOnly = (*ctx)->timeRange();
    QVERIFY(!mediaOnly.empty());
    auto first = (*ctx)->readSeries();
    QVERIFY(first.ok());
    QCOMPARE(first->parsed, 4);
    QCOMPARE(first->fromCache, 0);
    (*ctx)->setSeries(first.takeValue());
    QVERIFY((*ctx)->seriesLoaded());
    QVERIFY((*ctx)->timeRange().begin <= mediaOnly.begin);
    // Another open maps every series from the cache.
    auto again = RecordingContext::open(m_recording, cached("c2"));
    QVERIFY(again.ok());
    QCOMPARE((*again)->series().fromCache, 4);
    QCOMPARE((*again)->series().imu->size(), (*ctx)->series().imu->size());
    QVERIFY((*again)->series().imu->series().isMapped());
    QVERIFY((*again)->video()->indexFromCache);
  }

  void offsetsMoveTheOtherStreamsNotTheVideo() {
    RecordingContext::Options o = cached("c1");
    o.offsets = {{"rgb", 200 * kNsPerMs}, {"depth", 50 * kNsPerMs}, {"imu", 10 * kNsPerMs}};
    auto ctx = RecordingContext::open(m_recording, o);
    QVERIFY(ctx.ok());
    const RecordingContext &r = **ctx;
    QCOMPARE(r.referenceStreamId(), std::string("rgb"));
    // The timeline is the main video's clock: its frames never move.
    QCOMPARE(r.streamOffset("rgb"), Timestamp(0));
    QCOMPARE(r.timelineFrameTimes(*r.video()), *r.video()->frameTimes);
    // Media frame times hold their manifest offset already; series get theirs here.
    QCOMPARE(r.streamOffset("depth"), Timestamp(50 - 200) * kNsPerMs);
    const Timestamp imuManifest = r.manifest().stream("imu")->timeOffsetNs;
    QCOMPARE(r.streamOffset("imu"), imuManifest + Timestamp(10 - 200) * kNsPerMs);
    QCOMPARE(r.streamOffset("hands"), r.manifest().stream("hands")->timeOffsetNs - 200 * kNsPerMs);
    QCOMPARE(r.streamOffsets().size(), r.manifest().streams.size());
    (*ctx)->setUserOffset("rgb", 0);
    QCOMPARE((*ctx)->streamOffset("depth"), Timestamp(50) * kNsPerMs);
    QCOMPARE((*ctx)->userOffsets().count("rgb"), std::size_t(0));
  }

  void cameraRule() {
    // Without "camera" fields: a calibration camera named like the stream id, else the kind's name.
    const fs::path copy = path("nocam");
    fs::create_directories(copy);
    for (const auto &e : fs::directory_iterator(m_recording))
      fs::copy(e.path(), copy / e.path().filename());
    nlohmann::json j;
    std::ifstream(copy / "recording.json") >> j;
    for (auto &s : j["streams"]) {
      s.erase("camera");
      if (s["id"] == "depth")
        s["id"] = "tof"; // no camera of that name: falls back to "depth"
    }
    std::ofstream(copy / "recording.json") << j.dump(2);
    auto ctx = RecordingContext::open(copy, cached("c3"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    QCOMPARE((*ctx)->video()->camera, std::string("rgb"));
    QCOMPARE((*ctx)->depth()->camera, std::string("depth"));
  }

  void plainVideo() {
    const fs::path file = path("plain.mp4");
    QVERIFY(ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1", "-pix_fmt", "yuv420p",
                    QString::fromStdString(file.string())}));
    auto ctx = RecordingContext::open(file, cached("c4"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    QVERIFY((*ctx)->isPlainFile());
    QVERIFY((*ctx)->seriesLoaded()); // nothing to wait for
    QVERIFY((*ctx)->video());
    QVERIFY(!(*ctx)->depth());
    QCOMPARE((*ctx)->video()->id, std::string("video"));
    QCOMPARE((*ctx)->video()->frameCount(), std::size_t(25));
    QCOMPARE((*ctx)->video()->camera, std::string()); // no calibration
    QCOMPARE((*ctx)->streamOffset("video"), Timestamp(0));
  }

  void grayVideoIsDepth() {
    const fs::path file = path("gray16.mkv");
    QVERIFY(ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10", "-t", "1", "-pix_fmt", "gray16le", "-c:v",
                    "ffv1", QString::fromStdString(file.string())}));
    auto ctx = RecordingContext::open(file, cached("c4"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    QVERIFY(!(*ctx)->video());
    QVERIFY((*ctx)->depth());
    QCOMPARE((*ctx)->depth()->id, std::string("depth"));
    QCOMPARE((*ctx)->depth()->codec, std::string("ffv1"));
  }

  void pngFolderIsDepth() {
    const fs::path folder = path("pngs");
    fs::create_directories(folder);
    for (int i = 0; i < 3; ++i) {
      QImage img(32, 16, QImage::Format_Grayscale16);
      img.fill(1000 + i);
      QVERIFY(img.save(QString::fromStdString((folder / (std::to_string(1000000 * (i + 1)) + ".png")).string())));
    }
    auto ctx = RecordingContext::open(folder, cached("c4"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    QVERIFY((*ctx)->depth());
    QCOMPARE((*ctx)->depth()->frameCount(), std::size_t(3));
    QCOMPARE((*ctx)->depth()->codec, std::string("png"));
  }

  void notARecording() {
    const fs::path folder = path("empty");
    fs::create_directories(folder);
    std::ofstream(folder / "notes.txt") << "hello";
    auto ctx = RecordingContext::open(folder);
    QVERIFY(!ctx.ok());
    QVERIFY2(ctx.error().find("recording.json: not found") != std::string::npos, ctx.error().c_str());
    QVERIFY(ctx.error().find(folder.string()) != std::string::npos);
    auto missing = RecordingContext::open(path("nothing-here"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().find("no such file or folder") != std::string::npos, missing.error().c_str());
    // Text that is no video: the error names the file.
    const fs::path text = path("not-a-video.mp4");
    std::ofstream(text) << "not a video";
    auto bad = RecordingContext::open(text);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().find(text.string()) != std::string::npos, bad.error().c_str());
  }

  void brokenSeriesIsAWarning() {
    const fs::path copy = path("broken");
    fs::create_directories(copy);
    for (const auto &e : fs::directory_iterator(m_recording))
      fs::copy(e.path(), copy / e.path().filename());
    std::ofstream(copy / "imu.csv", std::ios::trunc) << "not,an,imu\n1,2,3\n";
    auto ctx = RecordingContext::open(copy, cached("c5"));
    QVERIFY2(ctx.ok(), ctx.ok() ? "" : ctx.error().c_str());
    QVERIFY(!(*ctx)->series().imu);
    QVERIFY((*ctx)->series().hands);
    QVERIFY(!(*ctx)->series().streams.front().error.empty());
    bool named = false;
    for (const auto &w : (*ctx)->warnings())
      named = named || w.find("imu.csv") != std::string::npos;
    QVERIFY(named);
  }
};

QTEST_GUILESS_MAIN(RecordingContextTest)
#include "RecordingContextTest.moc"
