// Exports judged by their readers' own code (issue #17): every export of two projects goes through
// re-implementations of robomimic's, EgoMimic's and LeRobot's load paths (tests/core/export/readers,
// each check citing the reader file:line it mirrors), is scanned for NaN/inf in every dataset and
// column, and its normalisation statistics are recomputed the way each reader computes them.
//  * "plain": two recordings, 12 segments -> 12 episodes; LeRobot v3 in several data and video files,
//    v2.1 in several chunks; LeRobot's image statistics recomputed from the robomimic export's exact frames.
//  * "redacted": two recordings, a removal over every stream kind (video, depth, audio, imu, hands,
//    trajectory, gaze) and a blur box inside one segment, and a one-frame episode.
#include <QtTest>
#include <fstream>

#include "ReadersHelper.h"
#include "core/export/ExportRunner.h"
#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"
#include "core/sample/SampleGenerator.h"

using namespace tacit;
using namespace tacit::exporting;
using nlohmann::json;

namespace {

constexpr Timestamp kMs = kNsPerMs;

struct Project {
  QTemporaryDir dir;
  std::filesystem::path path;
  std::unique_ptr<project::ProjectStore> store;
  project::RecordingRecord rec[2];
  Timestamp start[2] = {0, 0}; // first video frame time
  project::Id labels[2] = {0, 0};

  std::filesystem::path at(const std::string &name) const {
    return std::filesystem::path(dir.path().toStdString()) / name;
  }

  bool setUp(double seconds) {
    path = at("p.tacit");
    auto s = project::ProjectStore::create(path);
    if (!s)
      return false;
    store = s.takeValue();
    labels[0] = store->insertLabel(project::Label{0, 0, "pour water", "#ff0000", 1, "", 0})->id;
    labels[1] = store->insertLabel(project::Label{0, 0, "wipe table", "#00ff00", 2, "", 0})->id;
    for (int r = 0; r < 2; ++r) {
      sample::SampleOptions so;
      so.durationSec = seconds;
      so.width = so.height = 256;
      so.seed = static_cast<std::uint64_t>(r + 1);
      so.imuHz = 200;
      const auto folder = at("rec" + std::to_string(r));
      if (auto rep = sample::generateSample(so, folder); !rep) {
        qWarning() << rep.error().c_str();
        return false;
      }
      auto src = RecordingContext::open(folder);
      auto added = store->addRecording(folder);
      if (!src || !added)
        return false;
      start[r] = (*src)->timelineFrameTimes(*(*src)->video()).front();
      rec[r] = *added;
      if (!store->addReview(rec[r].id, project::ReviewStatus::Approved, "ok").ok())
        return false;
      project::ConsentEvent e;
      e.workerId = rec[r].workerId;
      e.scope = R"({"uses":["model_training"]})";
      e.signature = "W. Orker";
      if (!store->appendConsent(e).ok())
        return false;
    }
    return true;
  }

  bool segment(int r, Timestamp fromMs, Timestamp toMs, int label) {
    project::Segment seg;
    seg.recordingId = rec[r].id;
    seg.trackId = store->trackByName("task")->id;
    seg.labelId = labels[label];
    seg.startNs = start[r] + fromMs * kMs;
    seg.endNs = start[r] + toMs * kMs;
    auto s = store->applySegmentChanges({project::SegmentChange{std::nullopt, seg}}, "add segment");
    return s && !s->empty();
  }

  bool redact(int r, Timestamp fromMs, Timestamp toMs, std::vector<std::string> streams, bool box = false) {
    project::Redaction red;
    red.recordingId = rec[r].id;
    red.startNs = start[r] + fromMs * kMs;
    red.endNs = start[r] + toMs * kMs;
    red.streams = std::move(streams);
    if (box)
      red.boxes.push_back({0.1, 0.1, 0.2, 0.2});
    red.reason = "test";
    return store->addRedaction(red).ok();
  }

  Result<ExportReport> exportAs(ExportFormat format, const std::string &name, double dataMb = 100, double videoMb = 200,
                                int chunks = 1000) {
    ExportOptions o;
    o.format = format;
    o.out = at(name);
    o.width = 128; // SVT-AV1 needs at least 64 px
    o.height = 96;
    o.gate.minDurationNs = 100 * kMs;
    o.dataFilesSizeMb = dataMb;
    o.videoFilesSizeMb = videoMb;
    o.chunksSize = chunks;
    return runExport(*store, o);
  }
};

// Runs the reader mirrors on one export; QVERIFY fails listing every reader line that disagreed.
json checkExport(const char *format, const std::filesystem::path &dir, const std::filesystem::path &reference = {}) {
  QStringList args = {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/readers/check_export.py"), format,
                      QString::fromStdString(dir.string())};
  if (!reference.empty())
    args << QString::fromStdString(reference.string());
  QProcess p;
  p.start(testing::systemPython(), args);
  if (!p.waitForFinished(300000) || p.exitCode() != 0) {
    qWarning().noquote() << p.readAllStandardError();
    return nullptr;
  }
  return json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
}

QString failures(const json &r) {
  QString out;
  for (const auto &f : r["failures"])
    out += QString::fromStdString(f.get<std::string>()) + "\n";
  return out;
}

json manifestOf(const std::filesystem::path &dir) {
  std::ifstream f(dir / "tacit_export.json");
  return json::parse(f, nullptr, false);
}

} // namespace

class ReaderCompatTest : public QObject {
  Q_OBJECT
  Project m_plain, m_redacted;

  void verifyReaders(const char *format, const std::filesystem::path &dir, int minChecks,
                     const std::filesystem::path &reference = {}) {
    const json r = checkExport(format, dir, reference);
    QVERIFY(!r.is_null() && !r.is_discarded());
    for (const auto &f : r["failures"]) // QVERIFY2 truncates long messages: every failure on its own line
      qWarning().noquote() << QString::fromStdString(f.get<std::string>());
    QVERIFY2(r["failures"].empty(), qPrintable(failures(r)));
    QVERIFY2(r["checks"].get<int>() >= minChecks, qPrintable(QString::fromStdString(r.dump())));
    qInfo().noquote() << format << QString::fromStdString(dir.filename().string()) << "checks" << r["checks"].get<int>()
                      << QString::fromStdString(r["facts"].dump());
  }

private slots:
  void initTestCase() {
    QVERIFY(m_plain.setUp(2.6));
    for (int r = 0; r < 2; ++r)
      for (int k = 0; k < 6; ++k)
        QVERIFY(m_plain.segment(r, 100 + k * 400, 100 + k * 400 + 350, k % 2));

    QVERIFY(m_redacted.setUp(3.0));
    QVERIFY(m_redacted.segment(0, 200, 2900, 0));
    int at = 500;
    for (const char *stream : {"video", "hands", "trajectory", "imu", "gaze", "depth", "audio"}) {
      QVERIFY(m_redacted.redact(0, at, at + 100, {stream}));
      at += 300;
    }
    QVERIFY(m_redacted.redact(0, 300, 2800, {"video"}, true)); // blur box: burned in, never cuts
    QVERIFY(m_redacted.segment(1, 995, 1015, 1));              // holds exactly one frame (t = 1.0 s)
    QVERIFY(m_redacted.segment(1, 1500, 2500, 0));
  }

  void plainRobomimicAndEgoMimicLoad() {
    auto r = m_plain.exportAs(ExportFormat::RobomimicHdf5, "plain-rm");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 12);
    verifyReaders("robomimic-hdf5", m_plain.at("plain-rm"), 2000);
  }

  void plainLeRobotV3ManyFilesLoads() {
    // Limits of a few KB: every episode starts a new data file and a new video file.
    auto r = m_plain.exportAs(ExportFormat::LeRobotV30, "plain-v3", 0.001, 0.001, 5);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 12);
    QVERIFY(std::filesystem::exists(m_plain.at("plain-v3") / "data/chunk-002/file-001.parquet"));
    QVERIFY(std::filesystem::exists(m_plain.at("plain-v3") / "videos/observation.images.front/chunk-002"));
    verifyReaders("lerobot-v3", m_plain.at("plain-v3"), 1000, m_plain.at("plain-rm"));
  }

  void plainLeRobotV3OneFileLoads() {
    auto r = m_plain.exportAs(ExportFormat::LeRobotV30, "plain-v3-one");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    const json info = [&] {
      std::ifstream f(m_plain.at("plain-v3-one") / "meta/info.json");
      return json::parse(f);
    }();
    QCOMPARE(info["video_files_size_in_mb"].get<double>(), 200.0); // lerobot datasets/utils.py:91
    verifyReaders("lerobot-v3", m_plain.at("plain-v3-one"), 1000, m_plain.at("plain-rm"));
  }

  void plainLeRobotV21ChunksLoad() {
    auto r = m_plain.exportAs(ExportFormat::LeRobotV21, "plain-v21", 100, 200, 5);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QVERIFY(std::filesystem::exists(m_plain.at("plain-v21") / "data/chunk-002/episode_000011.parquet"));
    verifyReaders("lerobot-v2.1", m_plain.at("plain-v21"), 1000, m_plain.at("plain-rm"));
  }

  void redactedRobomimicSplitsAtEveryExportedStream() {
    auto r = m_redacted.exportAs(ExportFormat::RobomimicHdf5, "red-rm");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    // Removals over video, hands, trajectory, imu and gaze cut the segment into 6 pieces; depth and
    // audio are not exported (notes say so); plus the one-frame episode and the other segment.
    QCOMPARE(int(r->episodes.size()), 8);
    bool oneFrame = false;
    for (const auto &e : r->episodes)
      oneFrame = oneFrame || e.frames == 1;
    QVERIFY(oneFrame);
    const json m = manifestOf(m_redacted.at("red-rm"));
    QVERIFY(m.contains("stream_redactions"));
    QCOMPARE(m["stream_redactions"]["exported_streams"], json({"video", "hands", "trajectory", "imu", "gaze"}));
    int notExported = 0;
    for (const auto &n : m["candidates"][0]["notes"])
      notExported += n.get<std::string>().find("which this format does not export") != std::string::npos;
    QCOMPARE(notExported, 2); // depth, audio
    for (const auto &e : m["episodes"])
      QVERIFY(!e.contains("blanked_streams"));
    verifyReaders("robomimic-hdf5", m_redacted.at("red-rm"), 1000);
  }

  void redactedLeRobotSplitsAtItsStreams() {
    for (auto [format, name, expected] :
         {std::tuple{ExportFormat::LeRobotV30, "red-v3", 6}, std::tuple{ExportFormat::LeRobotV21, "red-v21", 6}}) {
      auto r = m_redacted.exportAs(format, name);
      QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
      // LeRobot exports no IMU and no gaze: only video, hands and trajectory cut (4 pieces).
      QCOMPARE(int(r->episodes.size()), expected);
      verifyReaders(exportFormatName(format), m_redacted.at(name), 300);
    }
  }
};

QTEST_GUILESS_MAIN(ReaderCompatTest)
#include "ReaderCompatTest.moc"
