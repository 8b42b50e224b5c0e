// The integrity lane finds every injected frame drop, duplicate, IMU gap, tracking dropout and clock
// offset with its exact frame or row range, and nothing else: clean samples of seeds 1-10 report
// only the sample's built-in left-hand dropout (truth.json defects.tracking_dropout).
#include <QTemporaryDir>
#include <QtTest>

#include "CurationTestUtil.h"
#include "core/curation/Integrity.h"

using namespace tacit;
using namespace tacit::curation;

namespace {

// hands.csv rows (frame slots) whose time lies in [start, end) of a truth span.
std::pair<std::int64_t, std::int64_t> rowsOf(const RecordingSignals &sig, const nlohmann::json &span) {
  const auto &t = sig.hands->series().times();
  const auto a = std::lower_bound(t.begin(), t.end(), span["start_ns"].get<Timestamp>());
  const auto b = std::lower_bound(t.begin(), t.end(), span["end_ns"].get<Timestamp>());
  return {a - t.begin(), (b - t.begin()) - 1};
}

std::vector<IntegrityIssue> ofKind(const IntegrityReport &r, IssueKind k) {
  std::vector<IntegrityIssue> out;
  for (const auto &i : r.issues)
    if (i.kind == k)
      out.push_back(i);
  return out;
}

QString describe(const IntegrityReport &r) {
  QString s;
  for (const auto &i : r.issues)
    s += QString::fromStdString(std::string(issueKindName(i.kind)) + " " + i.stream + ": " + i.message + "\n");
  return s;
}

} // namespace

class IntegrityTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void cleanSamplesReportOnlyTheBuiltInDropout_data() {
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 10; ++seed)
      QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
  }
  void cleanSamplesReportOnlyTheBuiltInDropout() {
    QFETCH(int, seed);
    std::string error;
    const auto folder = curationtest::makeSample(m_dir.path(), QString("clean%1").arg(seed),
                                                 curationtest::smallOptions(static_cast<std::uint64_t>(seed)), &error);
    QVERIFY2(!folder.empty(), error.c_str());
    auto sig = loadRecordingSignals(folder);
    QVERIFY2(sig.ok(), sig.error().c_str());
    const IntegrityReport r = analyzeIntegrity(*sig);
    const auto truth = curationtest::readTruth(folder);
    QVERIFY2(r.issues.size() == 1, qPrintable(describe(r)));
    const IntegrityIssue &d = r.issues.front();
    QCOMPARE(d.kind, IssueKind::TrackingDropout);
    QCOMPARE(d.hand, std::string("left"));
    const auto [first, last] = rowsOf(*sig, truth["defects"]["tracking_dropout"]);
    QCOMPARE(d.first, first);
    QCOMPARE(d.last, last);
    // The clock checks ran and agree that nothing is offset.
    QVERIFY(r.imuTrajectory.has_value());
    QVERIFY2(std::abs(r.imuTrajectory->offsetMs) < 2, qPrintable(QString::number(r.imuTrajectory->offsetMs)));
  }

  void everyInjectedProblemIsFoundExactly_data() {
    QTest::addColumn<int>("seed");
    for (int seed : {2, 7})
      QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
  }
  void everyInjectedProblemIsFoundExactly() {
    QFETCH(int, seed);
    auto o = curationtest::smallOptions(static_cast<std::uint64_t>(seed), 8);
    o.degradation.frameDrops = 3;
    o.degradation.duplicateFrames = 2;
    o.degradation.imuGaps = 3;
    o.degradation.dropouts = 2;
    o.degradation.offsetStream = "imu";
    o.degradation.offsetMs = 40;
    std::string error;
    const auto folder = curationtest::makeSample(m_dir.path(), QString("bad%1").arg(seed), o, &error);
    QVERIFY2(!folder.empty(), error.c_str());
    auto sig = loadRecordingSignals(folder);
    QVERIFY2(sig.ok(), sig.error().c_str());
    const IntegrityReport r = analyzeIntegrity(*sig);
    const auto truth = curationtest::readTruth(folder);
    const auto &d = truth["degradation"];
    const QString all = describe(r);

    const auto drops = ofKind(r, IssueKind::DroppedFrames);
    QVERIFY2(drops.size() == d["dropped_frames"].size(), qPrintable(all));
    for (std::size_t i = 0; i < drops.size(); ++i) {
      QCOMPARE(drops[i].stream, std::string("rgb"));
      QCOMPARE(drops[i].first, d["dropped_frames"][i]["after_frame"].get<std::int64_t>());
      QCOMPARE(drops[i].last, drops[i].first + 1);
      QCOMPARE(drops[i].count, d["dropped_frames"][i]["missing"].get<std::int64_t>());
    }
    const auto dups = ofKind(r, IssueKind::DuplicateFrames);
    QVERIFY2(dups.size() == d["duplicated_frames"].size(), qPrintable(all));
    for (std::size_t i = 0; i < dups.size(); ++i)
      QCOMPARE(dups[i].last, d["duplicated_frames"][i]["frame"].get<std::int64_t>());
    const auto gaps = ofKind(r, IssueKind::Gap);
    QVERIFY2(gaps.size() == d["imu_gaps"].size(), qPrintable(all));
    for (std::size_t i = 0; i < gaps.size(); ++i) {
      QCOMPARE(gaps[i].stream, std::string("imu"));
      QCOMPARE(gaps[i].first, d["imu_gaps"][i]["after_file_row"].get<std::int64_t>());
      QCOMPARE(gaps[i].count, d["imu_gaps"][i]["missing"].get<std::int64_t>());
    }
    // Dropouts: the built-in one plus each injected one, rows exact.
    auto dropouts = ofKind(r, IssueKind::TrackingDropout);
    QVERIFY2(dropouts.size() == d["tracking_dropouts"].size() + 1, qPrintable(all));
    std::vector<nlohmann::json> expected{truth["defects"]["tracking_dropout"]};
    for (const auto &x : d["tracking_dropouts"])
      expected.push_back(x);
    for (const auto &e : expected) {
      const auto [first, last] = rowsOf(*sig, e);
      const std::string hand = e.value("hand", std::string("left"));
      QVERIFY2(
          std::any_of(dropouts.begin(), dropouts.end(),
                      [&](const IntegrityIssue &i) { return i.hand == hand && i.first == first && i.last == last; }),
          qPrintable(all));
    }
    // The IMU clock runs 40 ms ahead of the trajectory (and of the video, frame-rate limited).
    const auto offsets = ofKind(r, IssueKind::ClockOffset);
    QVERIFY2(!offsets.empty(), qPrintable(all));
    QCOMPARE(offsets.front().stream, std::string("imu"));
    QCOMPARE(offsets.front().reference, std::string("trajectory"));
    QVERIFY2(std::abs(offsets.front().value - 40) < 2, qPrintable(all));
    for (const auto &off : offsets)
      QVERIFY2(std::abs(off.value - 40) < 20, qPrintable(all));
    // Nothing else.
    QCOMPARE(r.issues.size(), drops.size() + dups.size() + gaps.size() + dropouts.size() + offsets.size());
  }

  void backwardTimestampsAndRateChangesAreLocated() {
    std::vector<Timestamp> t;
    for (int i = 0; i < 3000; ++i)
      t.push_back(i < 1500 ? i * kNsPerMs : 1500 * kNsPerMs + (i - 1500) * 2 * kNsPerMs); // 1 kHz then 500 Hz
    const auto issues = timingIssues(t, "imu", false);
    QVERIFY(std::any_of(issues.begin(), issues.end(),
                        [](const IntegrityIssue &i) { return i.kind == IssueKind::RateChange; }));
    series::CsvLoadStats stats;
    stats.backwardSteps.push_back({42, 100, 90});
    stats.backwardCount = 1;
    const auto back = backwardIssues(stats, "imu", 5);
    QCOMPARE(back.size(), std::size_t(1));
    QCOMPARE(back.front().first, std::int64_t(42));
    QCOMPARE(back.front().range.begin, Timestamp(95));
  }
};

QTEST_GUILESS_MAIN(IntegrityTest)
#include "IntegrityTest.moc"
