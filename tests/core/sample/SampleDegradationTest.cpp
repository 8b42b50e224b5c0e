// The degradation knobs of `tacit-cli sample` (docs/curation.md): without a knob the sample keeps
// exactly the bytes of before (hashes recorded from the generator before the knobs existed); each
// knob changes only what it should and lists its spans in truth.json.
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "SampleTestUtil.h"
#include "core/sample/SampleGenerator.h"
#include "core/sample/SceneScript.h"
#include "core/sample/TimeWarp.h"

using namespace tacit;
using namespace tacit::sample;

namespace {
QByteArray sha256(const std::string &path) {
  const std::string text = sampletest::readText(path);
  return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex();
}
} // namespace

class SampleDegradationTest : public QObject {
  Q_OBJECT

private slots:
  void defaultSampleIsByteIdenticalToBeforeTheKnobs() {
    QTemporaryDir dir;
    SampleOptions o;
    o.durationSec = 2;
    o.width = 256;
    o.height = 192;
    o.seed = 3;
    auto r = generateSample(o, dir.path().toStdString() + "/rec");
    QVERIFY2(r.ok(), r.error().c_str());
    const std::string f = dir.path().toStdString() + "/rec/";
    // `tacit-cli sample base --duration 2 --size 256x192 --seed 3` of main before this branch.
    QCOMPARE(sha256(f + "gaze.csv"), QByteArray("f0ece7d8ad6064187c4722e12443c9673f678be719a9a4d38305b73b315eba80"));
    QCOMPARE(sha256(f + "hands.csv"), QByteArray("8b0c8ac4964496980d977ab4c8b616ceb2458424a27e1a262ceae49276c679d6"));
    QCOMPARE(sha256(f + "imu.csv"), QByteArray("f9d2428afbc63e50d987b0fc0f8f85c6bb621139218f2594df4cd5d40deb181e"));
    QCOMPARE(sha256(f + "trajectory.csv"),
             QByteArray("305556872a483a83bc573f9f944008375d087d1e58f7ee837b16f8d2d618ee4b"));
    QCOMPARE(sha256(f + "truth.json"), QByteArray("b33bd1c6adcef79a8d1d1b199f3d75a3c1fb8d4fb0181d58cc50b4b6556478b6"));
  }

  void timeWarpHaltsAndResumes() {
    TimeWarp w({{5.0, 1.0}});
    QCOMPARE(w.script(0.0), 0.0);
    QVERIFY(std::abs(w.script(20.0) - 19.0) < 1e-9); // one second lost
    const auto [a, b] = w.haltSpan(0);
    QVERIFY(b - a > 0.5);
    QVERIFY(std::abs(w.script(a) - w.script(b)) < 0.01); // halted
    QVERIFY(std::abs(w.script(0.5 * (a + b)) - 5.0) < 0.01);
    for (double s = 0; s < 20; s += 0.37)
      QVERIFY(std::abs(w.script(w.recording(s)) - s) < 1e-6);
    QCOMPARE(TimeWarp().script(3.25), 3.25);
  }

  void knobsAreRecordedInTruth() {
    QTemporaryDir dir;
    SampleOptions o;
    o.durationSec = 6;
    o.width = 256;
    o.height = 192;
    o.seed = 5;
    o.degradation.pauses = 2;
    o.degradation.tremorMm = 1;
    o.degradation.jitterMm = 1;
    o.degradation.failedGrasp = true;
    o.degradation.dropouts = 2;
    o.degradation.blurs = 1;
    o.degradation.frameDrops = 2;
    o.degradation.duplicateFrames = 1;
    o.degradation.imuGaps = 2;
    o.degradation.offsetStream = "imu";
    o.degradation.offsetMs = 40;
    auto r = generateSample(o, dir.path().toStdString() + "/rec");
    QVERIFY2(r.ok(), r.error().c_str());
    const auto truth = nlohmann::json::parse(sampletest::readText(dir.path().toStdString() + "/rec/truth.json"));
    const auto &d = truth["degradation"];
    QCOMPARE(d["pauses"].size(), std::size_t(2));
    QCOMPARE(d["tracking_dropouts"].size(), std::size_t(2));
    QCOMPARE(d["motion_blur"].size(), std::size_t(1));
    QCOMPARE(d["dropped_frames"].size(), std::size_t(2));
    QCOMPARE(d["duplicated_frames"].size(), std::size_t(1));
    QCOMPARE(d["imu_gaps"].size(), std::size_t(2));
    QVERIFY(d["failed_grasp"].is_object());
    QCOMPARE(d["clock_offset"]["offset_ns"].get<std::int64_t>(), std::int64_t(40) * kNsPerMs);
    // The recording is longer by the pauses, and the tasks still end inside it.
    const double pauses = 1e-9 * (truth["end_ns"].get<double>() - truth["start_ns"].get<double>()) - 6.0;
    QVERIFY(pauses > 1.5 && pauses < 3.0);
    QVERIFY(truth["tasks"].back()["end_ns"].get<std::int64_t>() < truth["end_ns"].get<std::int64_t>());
    // Frames: 6 s at 30 fps minus the dropped slots plus the duplicate.
    std::int64_t dropped = 0;
    for (const auto &x : d["dropped_frames"])
      dropped += x["missing"].get<std::int64_t>();
    const auto nominal = static_cast<std::int64_t>(std::llround((6.0 + pauses) * 30));
    QCOMPARE(truth["video"]["frames"].get<std::int64_t>(), nominal - dropped + 1);
    // The IMU lost exactly the listed rows.
    const auto imu = sampletest::parseCsv(sampletest::readText(dir.path().toStdString() + "/rec/imu.csv"));
    std::int64_t missing = 0;
    for (const auto &g : d["imu_gaps"])
      missing += g["missing"].get<std::int64_t>();
    const auto imuNominal = static_cast<std::int64_t>(std::floor((6.0 + pauses) * 1000 + 1e-6)) + 1;
    QVERIFY(std::llabs(static_cast<std::int64_t>(imu.rows.size()) + missing - imuNominal) <= 1);
    // The IMU clock runs 40 ms ahead: its first row is stamped 40 ms after the start.
    QCOMPARE(static_cast<std::int64_t>(imu.rows.front()[0]), truth["start_ns"].get<std::int64_t>() + 40 * kNsPerMs);
    // Hand rows of each dropout carry confidence -1.
    const auto hands = sampletest::parseCsv(sampletest::readText(dir.path().toStdString() + "/rec/hands.csv"));
    for (const auto &drop : d["tracking_dropouts"]) {
      const int c = hands.column(drop["hand"].get<std::string>() + "_tracking_confidence");
      for (auto row = drop["first_row"].get<std::size_t>(); row <= drop["last_row"].get<std::size_t>(); ++row)
        QCOMPARE(hands.rows[row][static_cast<std::size_t>(c)], -1.0);
    }
  }

  void sameKnobsSameBytes() {
    SampleOptions o;
    o.durationSec = 3;
    o.seed = 9;
    o.degradation = degradationForLevel(6);
    const SceneScript a(o), b(o);
    QCOMPARE(a.endNs(), b.endNs());
    QCOMPARE(a.tasks().front().range, b.tasks().front().range);
    SampleOptions clean = o;
    clean.degradation = {};
    const SceneScript c(clean);
    QVERIFY(a.endNs() > c.endNs()); // level 6 has pauses
  }
};

QTEST_GUILESS_MAIN(SampleDegradationTest)
#include "SampleDegradationTest.moc"
