#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "ExportFixture.h"
#include "ReadersHelper.h"
#include "core/export/EpisodeAligner.h"
#include "core/export/ExportRunner.h"
#include "core/export/ExportStaging.h"
#include "core/export/FrameUndistorter.h"
#include "core/recording/RecordingContext.h"

using namespace tacit;
using namespace tacit::exporting;
using nlohmann::json;

namespace {
json readJsonFile(const std::string &path) {
  std::ifstream f(path);
  return json::parse(f, nullptr, false);
}
bool noStagingLeft(const std::string &dir) {
  for (const auto &e : std::filesystem::directory_iterator(dir))
    if (e.path().filename().string().find(".tacit-export-") != std::string::npos)
      return false;
  return true;
}
} // namespace

class ExportRunnerTest : public QObject {
  Q_OBJECT
  testing::ExportFixture f;

private slots:
  void initTestCase() { QVERIFY(f.setUp()); }

  void selectsFramesAtTheExportRate() {
    std::vector<Timestamp> pts;
    for (int i = 0; i < 60; ++i)
      pts.push_back(1000 + i * 33333333LL + (i % 3)); // jittered 30 fps
    auto all = selectFrames(pts, {1000, 1000 + 2 * kNsPerSecond}, 30);
    QCOMPARE(int(all.size()), 60);
    QCOMPARE(all[59], 59);
    auto half = selectFrames(pts, {1000 + 10 * 33333333LL, 1000 + 20 * 33333333LL}, 15);
    QCOMPARE(half, (std::vector<std::int64_t>{10, 12, 14, 16, 18}));
    QVERIFY(selectFrames(pts, {0, 999}, 30).empty());
  }

  void robomimicEndToEnd() {
    ExportOptions o;
    o.format = ExportFormat::RobomimicHdf5;
    o.out = f.out("robomimic");
    o.width = 128;
    o.height = 96;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 1);
    QCOMPARE(r->episodes[0].frames, 30); // 1 s at 30 fps
    QVERIFY(noStagingLeft(f.dir.path().toStdString()));

    const json m = readJsonFile(o.out.string() + "/tacit_export.json");
    QCOMPARE(m["format"].get<std::string>(), std::string("robomimic-hdf5"));
    QCOMPARE(m["episodes"][0]["recording_id"].get<std::string>(), f.recording.uuid);
    QCOMPARE(m["episodes"][0]["recording_content_hash"].get<std::string>(), f.recording.manifestHash);
    QCOMPARE(m["episodes"][0]["segment_id"].get<std::int64_t>(), f.segmentId);
    QVERIFY(m["episodes"][0]["consent_event_id"].get<std::int64_t>() > 0);
    QVERIFY(m["episodes"][0]["label_revision"].get<std::string>().rfind(std::to_string(f.segmentId) + "@", 0) == 0);
    QCOMPARE(m["episodes"][0]["time_range_ns"][0].get<std::int64_t>(), f.videoStart + 500 * kNsPerMs);
    QVERIFY(m.contains("tool_version"));

    const json h5 = testing::runJsonTool(testing::systemPython(),
                                         {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"),
                                          QString::fromStdString(o.out.string() + "/data.hdf5")});
    QVERIFY(!h5.is_null());
    QCOMPARE(h5["datasets"]["data/demo_0/obs/front_img_1"]["shape"], json({30, 96, 128, 3}));
    QCOMPARE(h5["attrs"]["data/demo_0"]["language"].get<std::string>(), std::string("pour water"));
    QCOMPARE(h5["attrs"]["data"]["total"].get<int>(), 30);
    QCOMPARE(h5["masks"]["train"], json({"demo_0"}));
    // Frame times are the source video's pts (15th frame after the segment start at 30 fps).
    const auto &ts = h5["arrays"]["demo_0"]["timestamps_ns"];
    QVERIFY(std::abs(ts[0].get<double>() - double(f.videoStart + 500 * kNsPerMs)) < 17e6);
    // Hands are tracked in the synthetic recording: ee_pose is in front of the camera (z > 0).
    QVERIFY(h5["arrays"]["demo_0"]["obs/ee_pose"][2].get<double>() > 0.05);
    // The frame is not black: undistortion sampled the source.
    QVERIFY(h5["frame_sums"]["demo_0"][0].get<double>() > 96 * 128 * 3 * 10.0);

    // Frame content: exported frame 10 is source frame first+10 (decoded independently by the ffmpeg
    // CLI) resampled to the pinhole camera, stored losslessly.
    const QString raw = f.dir.filePath("frame10.raw");
    testing::runJsonTool(testing::systemPython(),
                         {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"),
                          QString::fromStdString(o.out.string() + "/data.hdf5"), "demo_0", "10", raw});
    QFile rawFile(raw);
    QVERIFY(rawFile.open(QIODevice::ReadOnly));
    const QByteArray exported = rawFile.readAll();
    QCOMPARE(exported.size(), 96 * 128 * 3);
    const int sourceIndex = m["episodes"][0]["source_frames"][0].get<int>() + 10;
    QProcess ff;
    ff.start("ffmpeg", {"-v", "error", "-i", QString::fromStdString((f.recordingDir / "rgb.mp4").string()), "-vf",
                        QString("select=eq(n\\,%1)").arg(sourceIndex), "-vsync", "0", "-vframes", "1", "-f", "rawvideo",
                        "-pix_fmt", "rgb24", "-"});
    QVERIFY(ff.waitForFinished(30000));
    const QByteArray source = ff.readAllStandardOutput();
    QCOMPARE(source.size(), 320 * 320 * 3);
    auto sources = RecordingContext::open(f.recordingDir);
    QVERIFY(sources.ok());
    FrameUndistorter und((*sources)->camera(*(*sources)->video())->model, 320, 320, 128, 96, 0);
    QVERIFY(und.undistorts());
    std::vector<std::uint8_t> expect;
    und.apply(reinterpret_cast<const std::uint8_t *>(source.constData()), 320 * 3, {}, expect);
    int maxDiff = 0;
    for (int k = 0; k < exported.size(); ++k)
      maxDiff = std::max(maxDiff, std::abs(int(std::uint8_t(exported[k])) - int(expect[std::size_t(k)])));
    QVERIFY2(maxDiff <= 2, qPrintable(QString("max pixel difference %1").arg(maxDiff))); // swscale vs ffmpeg rounding
    QCOMPARE(h5["datasets"]["data/demo_0/obs/imu"]["shape"], json({30, 6}));
    QCOMPARE(h5["datasets"]["data/demo_0/obs/gaze"]["shape"], json({30, 3}));

    // Recorded in the project.
    auto exports = f.store->exports();
    QVERIFY(exports.ok());
    QCOMPARE(int(exports->size()), 1);
    QCOMPARE((*exports)[0].items[0].segmentId, f.segmentId);
  }

  void refusesNonEmptyWithoutForce() {
    ExportOptions o;
    o.out = f.out("robomimic"); // written above
    o.width = 64;
    o.height = 48;
    auto r = runExport(*f.store, o);
    QVERIFY(!r.ok());
    QVERIFY(
        QString::fromStdString(r.error()).endsWith("folder is not empty (use --force to replace the earlier export)"));
    o.force = true;
    r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.error().c_str());
    const json h5 = testing::runJsonTool(testing::systemPython(),
                                         {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"),
                                          QString::fromStdString(o.out.string() + "/data.hdf5")});
    QCOMPARE(h5["datasets"]["data/demo_0/obs/front_img_1"]["shape"], json({30, 48, 64, 3}));
  }

  void cancelLeavesNothing() {
    ExportOptions o;
    o.out = f.out("cancelled");
    o.width = 64;
    o.height = 48;
    auto r = runExport(*f.store, o, [](double fraction) { return fraction < 0.5; });
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("export cancelled: nothing was written"));
    QVERIFY(!std::filesystem::exists(o.out));
    QVERIFY(noStagingLeft(f.dir.path().toStdString()));
  }

  void staleStagingFromAKilledExportIsRemoved() {
    const std::string dest = f.out("killed");
    // A staging folder of a process that no longer exists (pid 2^22+1 is above Linux's pid_max default).
    const std::string stale = f.out(".killed.tacit-export-4194305-0");
    std::filesystem::create_directories(stale + "/data");
    auto st = ExportStaging::begin(dest, false);
    QVERIFY(st.ok());
    QVERIFY(!std::filesystem::exists(stale));
    const auto temp = st->dir();
    QVERIFY(std::filesystem::exists(temp));
    { auto moved = std::move(*st); } // destroyed uncommitted: removed
    QVERIFY(!std::filesystem::exists(temp));
    QVERIFY(!std::filesystem::exists(dest));
  }

  void unwritableDestinationIsAClearError() {
    ExportOptions o;
    o.out = "/proc/tacit-export-test/out";
    auto r = runExport(*f.store, o);
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error()).startsWith("/proc"), r.error().c_str());
  }

  void lerobotV3EndToEnd() {
    ExportOptions o;
    o.format = ExportFormat::LeRobotV30;
    o.out = f.out("lerobot3");
    o.width = 128;
    o.height = 96;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.error().c_str());
    const json info = readJsonFile(o.out.string() + "/meta/info.json");
    QCOMPARE(info["total_frames"].get<int>(), 30);
    QCOMPARE(info["fps"].get<int>(), 30);
    const json data = testing::readParquet(QString::fromStdString(o.out.string() + "/data/chunk-000/file-000.parquet"));
    QCOMPARE(data["num_rows"].get<int>(), 30);
    const json probe = testing::ffprobe(
        QString::fromStdString(o.out.string() + "/videos/observation.images.front/chunk-000/file-000.mp4"));
    QCOMPARE(probe["streams"][0]["nb_read_frames"].get<std::string>(), std::string("30"));
    QVERIFY(std::filesystem::exists(o.out.string() + "/tacit_export.json"));
  }

  void lerobotV21AtHalfRate() {
    ExportOptions o;
    o.format = ExportFormat::LeRobotV21;
    o.out = f.out("lerobot21");
    o.width = 128;
    o.height = 96;
    o.fps = 15;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->episodes[0].frames, 15);
    const json probe = testing::ffprobe(
        QString::fromStdString(o.out.string() + "/videos/chunk-000/observation.images.front/episode_000000.mp4"));
    QCOMPARE(probe["streams"][0]["nb_read_frames"].get<std::string>(), std::string("15"));
    const json data =
        testing::readParquet(QString::fromStdString(o.out.string() + "/data/chunk-000/episode_000000.parquet"));
    QCOMPARE(data["rows"][14]["timestamp"].get<float>(), float(14.0 / 15.0));
  }

  void gateExclusionsThroughTheProject() {
    // Redaction in the middle splits the episode into two.
    project::Redaction red;
    red.recordingId = f.recording.id;
    red.startNs = f.videoStart + 900 * kNsPerMs;
    red.endNs = f.videoStart + 1000 * kNsPerMs;
    red.reason = "bystander";
    auto added = f.store->addRedaction(red);
    QVERIFY(added.ok());
    ExportOptions o;
    o.out = f.out("dry");
    o.dryRun = true;
    o.gate.minDurationNs = 300 * kNsPerMs;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(int(r->gate.episodes().size()), 2);
    QVERIFY(!std::filesystem::exists(o.out)); // a dry run writes nothing

    // A severity-3 flag over the second piece drops it.
    project::QualityFlag flag;
    flag.recordingId = f.recording.id;
    flag.severity = 3;
    flag.wholeRecording = false;
    flag.startNs = f.videoStart + 1200 * kNsPerMs;
    flag.endNs = f.videoStart + 1300 * kNsPerMs;
    QVERIFY(f.store->applyFlagChanges({project::FlagChange{std::nullopt, flag}}, "add flag").ok());
    r = runExport(*f.store, o);
    QCOMPARE(int(r->gate.episodes().size()), 1);

    // Withdrawn consent excludes everything, with the reason.
    QVERIFY(f.grantConsent("", project::ConsentKind::Withdrawn));
    r = runExport(*f.store, o);
    QVERIFY(r->gate.episodes().empty());
    QVERIFY(r->gate.candidates[0].reasons[0].rfind("consent withdrawn", 0) == 0);
    o.dryRun = false;
    o.out = f.out("none");
    r = runExport(*f.store, o);
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error()).contains("no episode passes the export gate"));
    QVERIFY(!std::filesystem::exists(o.out));
  }
};

QTEST_GUILESS_MAIN(ExportRunnerTest)
#include "ExportRunnerTest.moc"
