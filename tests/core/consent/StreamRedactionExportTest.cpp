// Removals over some streams (docs/export.md "Removals over some streams: no NaN, ever"): a removal over
// a stream the format exports cuts the episode exactly like a video removal, so no exported row holds a
// hidden value and nothing is NaN; a removal over only streams the format does not export changes
// nothing. Checked with the independent readers (h5py, hyparquet).
#include <QtTest>
#include <cmath>
#include <fstream>

#include "../export/ExportFixture.h"
#include "../export/ReadersHelper.h"
#include "core/export/EpisodeGate.h"
#include "core/export/ExportRunner.h"

using namespace tacit;
using namespace tacit::exporting;
using nlohmann::json;

namespace {
bool noneNull(const json &rows) {
  for (const auto &row : rows)
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
    // Inside the labelled segment [0.5 s, 1.5 s): IMU removed over [0.8, 0.9) s, hands over [1.1, 1.2) s.
    m_imuSpan = {f.videoStart + 800 * kNsPerMs, f.videoStart + 900 * kNsPerMs};
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

  void gateCutsAtExportedStreamsOnly() {
    const std::vector<std::string> robomimic = exportedStreams(ExportFormat::RobomimicHdf5);
    const std::vector<std::string> lerobot = exportedStreams(ExportFormat::LeRobotV30);
    GateRedaction video{1, 7, {100, 200}, false, {"video"}};
    GateRedaction all{2, 7, {100, 200}, false, {}};
    GateRedaction imuGaze{3, 7, {100, 200}, false, {"imu", "gaze"}};
    GateRedaction depth{4, 7, {100, 200}, false, {"depth", "audio"}};
    GateRedaction boxes{5, 7, {100, 200}, true, {"video"}};
    QVERIFY(video.cutsEpisode(lerobot) && all.cutsEpisode(lerobot));
    QVERIFY(imuGaze.cutsEpisode(robomimic) && !imuGaze.cutsEpisode(lerobot));
    QVERIFY(!depth.cutsEpisode(robomimic) && !boxes.cutsEpisode(robomimic));

    GateInput in;
    in.recordings.push_back({7, "u", "w", "h", "task", "approved", {0, 1000}});
    in.segments.push_back({11, 7, "task", "pour", "pour", "", {0, 1000}, 0});
    in.consent.push_back({1, "granted", "w", 0, ""});
    in.redactions = {imuGaze};
    GateOptions o;
    o.minDurationNs = 1;
    o.exportedStreams = robomimic;
    auto r = evaluateGate(in, o);
    QCOMPARE(int(r.episodes().size()), 2); // split around [100, 200)
    QCOMPARE(r.episodes()[0].range, (TimeRange{0, 100}));
    QCOMPARE(r.episodes()[1].range, (TimeRange{200, 1000}));
    o.exportedStreams = lerobot;
    r = evaluateGate(in, o);
    QCOMPARE(int(r.episodes().size()), 1); // IMU and gaze are not in LeRobot: nothing to remove
    QCOMPARE(r.episodes()[0].range, (TimeRange{0, 1000}));
    QVERIFY(r.candidates[0].notes[0].find("which this format does not export") != std::string::npos);
  }

  void robomimicSplitsAndHoldsNoNaN() {
    ExportOptions o;
    o.format = ExportFormat::RobomimicHdf5;
    o.out = f.out("robomimic");
    o.width = 64;
    o.height = 48;
    o.gate.minDurationNs = 100 * kNsPerMs;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 3); // cut by the IMU and the hands removals
    for (const auto &e : r->episodes) {
      QVERIFY(!e.exportedRange.overlaps(m_imuSpan));
      QVERIFY(!e.exportedRange.overlaps(m_handSpan));
    }
    const json h5 = testing::runJsonTool(testing::systemPython(),
                                         {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/consent/read_lowdim.py"),
                                          QString::fromStdString(o.out.string() + "/data.hdf5")});
    QVERIFY(!h5.is_null());
    int frames = 0;
    for (const auto &[demo, d] : h5.items()) {
      QVERIFY2(noneNull(d["imu"]) && noneNull(d["ee_pose"]) && noneNull(d["gaze"]), demo.c_str());
      for (const auto &t : d["timestamps_ns"]) {
        QVERIFY(!m_imuSpan.contains(t.get<Timestamp>()));
        QVERIFY(!m_handSpan.contains(t.get<Timestamp>()));
      }
      frames += d["frames"].get<int>();
    }
    QVERIFY(frames >= 30 - 2 * 3 - 2 && frames <= 30 - 2 * 3 + 2);
    std::ifstream mf(o.out.string() + "/tacit_export.json");
    const json m = json::parse(mf, nullptr, false);
    QCOMPARE(m["stream_redactions"]["non_finite_values"].get<std::string>(),
             std::string("none: no exported array holds NaN or inf"));
    QCOMPARE(int(m["episodes"][0]["redaction_ids"].size()), 2);
  }

  void lerobotCutsOnlyForHands() {
    ExportOptions o;
    o.format = ExportFormat::LeRobotV30;
    o.out = f.out("lerobot");
    o.width = 128; // SVT-AV1 needs at least 64 px
    o.height = 96;
    o.gate.minDurationNs = 100 * kNsPerMs;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->episodes.size()), 2); // the IMU removal does not touch a dataset without IMU
    for (const auto &e : r->episodes)
      QVERIFY(!e.exportedRange.overlaps(m_handSpan));
    QVERIFY(r->episodes[0].exportedRange.overlaps(m_imuSpan));
    const json data = testing::readParquet(QString::fromStdString(o.out.string() + "/data/chunk-000/file-000.parquet"));
    QVERIFY(!data.is_null());
    for (const auto &row : data["rows"]) {
      QVERIFY(noneNull(json::array({row["observation.state"], row["action"]})));
    }
    std::ifstream sf(o.out.string() + "/meta/stats.json");
    const json stats = json::parse(sf, nullptr, false);
    QVERIFY(std::isfinite(stats["observation.state"]["mean"][0].get<double>()));
  }

  void videoRemovalStillSplits() {
    project::Redaction cut;
    cut.recordingId = f.recording.id;
    cut.startNs = f.videoStart + 600 * kNsPerMs;
    cut.endNs = f.videoStart + 650 * kNsPerMs;
    cut.streams = {"video", "imu"};
    auto added = f.store->addRedaction(cut);
    QVERIFY(added.ok());
    ExportOptions o;
    o.format = ExportFormat::LeRobotV30;
    o.out = f.out("split");
    o.dryRun = true;
    o.gate.minDurationNs = 50 * kNsPerMs;
    auto r = runExport(*f.store, o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QCOMPARE(int(r->gate.episodes().size()), 3);
    for (const auto &e : r->gate.episodes())
      QVERIFY(!e.range.overlaps({cut.startNs, cut.endNs}));
    QVERIFY(f.store->removeRedaction(added->id).ok());
  }
};

QTEST_GUILESS_MAIN(StreamRedactionExportTest)
#include "StreamRedactionExportTest.moc"
