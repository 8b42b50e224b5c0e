// Per-stream redaction precision (docs/export.md "Per-stream redactions"): a removal over only the IMU
// (or only the hands) keeps the episode's video frames and blanks exactly that stream's rows (NaN, and
// ee_valid = 0 for hands) whose frame interval overlaps the span; a video removal still splits the
// episode. Checked with the independent readers (h5py, hyparquet).
#include <QtTest>
#include <cmath>
#include <fstream>

#include "../export/ExportFixture.h"
#include "../export/ReadersHelper.h"
#include "core/export/EpisodeGate.h"
#include "core/export/ExportRunner.h"
#include "core/export/StreamMask.h"

using namespace tacit;
using namespace tacit::exporting;
using nlohmann::json;

namespace {
bool rowOverlaps(const std::vector<Timestamp> &t, std::size_t i, Timestamp end, TimeRange span) {
  const Timestamp t1 = i + 1 < t.size() ? t[i + 1] : end;
  return span.overlaps({t[i], std::max(t1, t[i] + 1)});
}
bool allNull(const json &row) {
  for (const auto &v : row)
    if (!v.is_null())
      return false;
  return true;
}
bool noneNull(const json &row) {
  for (const auto &v : row)
    if (v.is_null())
      return false;
  return true;
}
} // namespace

class StreamRedactionExportTest : public QObject {
  Q_OBJECT
  testing::ExportFixture f;
  TimeRange m_imuSpan, m_handSpan;

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    // Inside the labelled segment [0.5 s, 1.5 s): IMU removed over [0.7, 0.9) s, hands over [1.1, 1.2) s.
    m_imuSpan = {f.videoStart + 700 * kNsPerMs, f.videoStart + 900 * kNsPerMs};
    m_handSpan = {f.videoStart + 1100 * kNsPerMs, f.videoStart + 1200 * kNsPerMs};
    project::Redaction imu;
    imu.recordingId = f.recording.id;
    imu.startNs = m_imuSpan.begin;
    imu.endNs = m_imuSpan.end;
    imu.streams = {"imu"};
    imu.reason = "private conversation (IMU only)";
    QVERIFY(f.store->addRedaction(imu).ok());
    project::Redaction hands = imu;
    hands.startNs = m_handSpan.begin;
    hands.endNs = m_handSpan.end;
    hands.streams = {"hands", "audio"};
    QVERIFY(f.store->addRedaction(hands).ok());
  }

  void gateKeepsTheEpisodeAndListsMasks() {
    GateRedaction video{1, 7, {100, 200}, false, {"video"}};
    GateRedaction all{2, 7, {100, 200}, false, {}};
    GateRedaction imuOnly{3, 7, {100, 200}, false, {"imu", "gaze"}};
    GateRedaction boxes{4, 7, {100, 200}, true, {"video"}};
    QVERIFY(video.cutsEpisode());
    QVERIFY(all.cutsEpisode());
    QVERIFY(!imuOnly.cutsEpisode());
    QVERIFY(!boxes.cutsEpisode());

    GateInput in;
    in.recordings.push_back({7, "u", "w", "h", "task", "approved", {0, 1000}});
    in.segments.push_back({11, 7, "task", "pour", "pour", "", {0, 1000}, 0});
    in.consent.push_back({1, "granted", "w", 0, ""});
    in.redactions = {imuOnly};
    GateOptions o;
    o.minDurationNs = 1;
    auto r = evaluateGate(in, o);
    QCOMPARE(int(r.episodes().size()), 1);
    QCOMPARE(r.episodes()[0].range, (TimeRange{0, 1000})); // not split
    QCOMPARE(int(r.episodes()[0].streamMasks.size()), 1);
    QCOMPARE(r.episodes()[0].streamMasks[0].streams, (std::vector<std::string>{"imu", "gaze"}));
    in.redactions = {video};
    r = evaluateGate(in, o);
    QCOMPARE(int(r.episodes().size()), 2); // split around [100, 200)
    QVERIFY(r.episodes()[0].streamMasks.empty());
  }

  void masksBlankOnlyTheirStream() {
    EpisodeData ep;
    ep.range = {0, 400};
    for (int i = 0; i < 4; ++i) {
      ep.frameTimes.push_back(i * 100);
      ep.imu.push_back({1, 2, 3, 4, 5, 6});
      ep.gaze.push_back({1, 2, 3});
      ep.leftPalm.emplace_back(1, 2, 3);
      ep.rightPalm.emplace_back(1, 2, 3);
      ep.leftValid.push_back(1);
      ep.rightValid.push_back(1);
      ep.worldFromCamera.push_back(Eigen::Isometry3d::Identity());
    }
    // [150, 210) overlaps the intervals of frames 1 ([100, 200)) and 2 ([200, 300)).
    const auto res = applyStreamMasks(ep, {{5, {150, 210}, {"imu"}}});
    QCOMPARE(res.rows, std::size_t(2));
    QVERIFY(!std::isnan(ep.imu[0][0]) && std::isnan(ep.imu[1][0]) && std::isnan(ep.imu[2][5]) &&
            !std::isnan(ep.imu[3][0]));
    for (int i = 0; i < 4; ++i) {
      QVERIFY(!std::isnan(ep.gaze[i][0]));
      QVERIFY(!std::isnan(ep.leftPalm[i].x()));
      QCOMPARE(int(ep.leftValid[i]), 1);
    }
    applyStreamMasks(ep, {{6, {300, 301}, {"hands", "trajectory"}}});
    QVERIFY(std::isnan(ep.leftPalm[3].x()) && std::isnan(ep.rightPalm[3].z()));
    QCOMPARE(int(ep.leftValid[3]), 0);
    QVERIFY(std::isnan(ep.worldFromCamera[3](0, 3)));
    QVERIFY(!std::isnan(ep.worldFromCamera[2](0, 3)));
  }

  void robomimicRowsBlankedFramesKept() {
    ExportOptions o;
    o.format = ExportFormat::RobomimicHdf5;
    o.out = f.out("robomimic");
    o.width = 64;
    o.height = 48;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 1); // per-stream removals do not split
    QCOMPARE(r->episodes[0].frames, 30);  // every video frame of the 1 s segment is kept

    const json h5 = testing::runJsonTool(testing::systemPython(),
                                         {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/consent/read_lowdim.py"),
                                          QString::fromStdString(o.out.string() + "/data.hdf5")});
    QVERIFY(!h5.is_null());
    const json &d = h5["demo_0"];
    QCOMPARE(d["frames"].get<int>(), 30);
    QVERIFY(d.contains("imu"));
    const auto t = d["timestamps_ns"].get<std::vector<Timestamp>>();
    const Timestamp end = r->episodes[0].exportedRange.end;
    int imuBlank = 0, handBlank = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const bool inImu = rowOverlaps(t, i, end, m_imuSpan);
      const bool inHands = rowOverlaps(t, i, end, m_handSpan);
      // IMU rows: blank exactly where the IMU span is.
      QVERIFY2(inImu ? allNull(d["imu"][i]) : noneNull(d["imu"][i]), qPrintable(QString("imu row %1").arg(i)));
      // Hand rows (ee_pose, ee_valid): blank exactly where the hands span is.
      QVERIFY2(inHands ? allNull(d["ee_pose"][i]) : noneNull(d["ee_pose"][i]),
               qPrintable(QString("ee_pose row %1").arg(i)));
      if (inHands)
        QCOMPARE(d["ee_valid"][i], json({0, 0}));
      // Gaze is never touched.
      if (d.contains("gaze"))
        QVERIFY(noneNull(d["gaze"][i]));
      imuBlank += inImu;
      handBlank += inHands;
    }
    QVERIFY(imuBlank >= 6);  // 0.2 s at 30 fps
    QVERIFY(handBlank >= 3); // 0.1 s

    std::ifstream mf(o.out.string() + "/tacit_export.json");
    const json m = json::parse(mf, nullptr, false);
    QCOMPARE(int(m["episodes"][0]["blanked_streams"].size()), 2);
    QCOMPARE(m["episodes"][0]["blanked_streams"][0]["streams"], json({"imu"}));
  }

  void lerobotStateBlankedForHandsOnly() {
    ExportOptions o;
    o.format = ExportFormat::LeRobotV30;
    o.out = f.out("lerobot");
    o.width = 128; // SVT-AV1 needs at least 64 px
    o.height = 96;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(r->episodes[0].frames, 30);
    const json data = testing::readParquet(QString::fromStdString(o.out.string() + "/data/chunk-000/file-000.parquet"));
    QVERIFY(!data.is_null());
    QCOMPARE(data["num_rows"].get<int>(), 30);
    // Source frame times of the exported rows: consecutive source frames from the manifest's first one
    // (the export runs at the source's 30 fps).
    std::ifstream mf(o.out.string() + "/tacit_export.json");
    const json m = json::parse(mf, nullptr, false);
    const std::int64_t first = m["episodes"][0]["source_frames"][0].get<std::int64_t>();
    QCOMPARE(m["episodes"][0]["source_frames"][1].get<std::int64_t>(), first + 29);
    auto src = RecordingContext::open(f.recordingDir);
    QVERIFY(src.ok());
    const auto &pts = *(*src)->video()->frameTimes;
    int blank = 0;
    for (int i = 0; i < 30; ++i) {
      const json &row = data["rows"][i];
      const Timestamp ti = pts[std::size_t(first + i)], tn = pts[std::size_t(first + i + 1)];
      const bool inHands = m_handSpan.overlaps({ti, tn});
      QVERIFY2(inHands ? allNull(row["observation.state"]) : noneNull(row["observation.state"]),
               qPrintable(QString("row %1").arg(i)));
      blank += allNull(row["observation.state"]);
    }
    QVERIFY(blank >= 2);
    // Statistics describe the exported (finite) values.
    std::ifstream sf(o.out.string() + "/meta/stats.json");
    const json stats = json::parse(sf, nullptr, false);
    QVERIFY(!stats.is_discarded());
    QVERIFY(stats["observation.state"]["mean"][0].is_number()); // not null: NaN rows are left out
    QVERIFY(std::isfinite(stats["observation.state"]["mean"][0].get<double>()));
  }

  void videoRemovalStillSplits() {
    project::Redaction cut;
    cut.recordingId = f.recording.id;
    cut.startNs = f.videoStart + 1000 * kNsPerMs;
    cut.endNs = f.videoStart + 1050 * kNsPerMs;
    cut.streams = {"video", "imu"};
    auto added = f.store->addRedaction(cut);
    QVERIFY(added.ok());
    ExportOptions o;
    o.format = ExportFormat::RobomimicHdf5;
    o.out = f.out("split");
    o.width = 64;
    o.height = 48;
    o.dryRun = true;
    o.gate.minDurationNs = 100 * kNsPerMs; // both pieces of the 1 s segment stay
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->gate.episodes().size()), 2);
    for (const auto &e : r->gate.episodes())
      QVERIFY(!e.range.overlaps({cut.startNs, cut.endNs}));
    QVERIFY(f.store->removeRedaction(added->id).ok());
  }
};

QTEST_GUILESS_MAIN(StreamRedactionExportTest)
#include "StreamRedactionExportTest.moc"
