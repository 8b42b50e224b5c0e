#include <QtTest>

#include "core/export/EpisodeGate.h"

using namespace tacit::exporting;
using tacit::kNsPerSecond;

namespace {
constexpr tacit::Timestamp S = kNsPerSecond;

// One approved recording of worker w1 with consent for training and one "task" segment [10 s, 20 s).
GateInput baseInput() {
  GateInput in;
  in.recordings.push_back({1, "uuid-1", "w1", "hash-1", "fold towels", "approved", {0, 60 * S}});
  in.segments.push_back({11, 1, "task", "pour water", "kitchen/pour water", "", {10 * S, 20 * S}, 1234});
  in.segments.push_back({12, 1, "comments", "idle", "idle", "", {30 * S, 40 * S}, 1});
  in.consent.push_back({100, "granted", "w1", 0, R"(["model_training","research"])"});
  return in;
}

std::string reasons(const GateCandidate &c) {
  std::string s;
  for (const auto &r : c.reasons)
    s += r + "; ";
  return s;
}
} // namespace

class EpisodeGateTest : public QObject {
  Q_OBJECT
private slots:
  void approvedConsentedSegmentIsExported() {
    const auto r = evaluateGate(baseInput(), {});
    QCOMPARE(int(r.candidates.size()), 1); // only the "task" track matches by default
    const auto &c = r.candidates[0];
    QVERIFY2(c.included(), reasons(c).c_str());
    QCOMPARE(c.label, std::string("kitchen/pour water"));
    const auto eps = r.episodes();
    QCOMPARE(int(eps.size()), 1);
    QCOMPARE(eps[0].range, (tacit::TimeRange{10 * S, 20 * S}));
    QCOMPARE(eps[0].task, std::string("pour water"));
    QCOMPARE(eps[0].consentEventId, 100);
    QCOMPARE(eps[0].labelRevision, std::string("11@1234"));
    QCOMPARE(eps[0].segmentId, 11);
  }

  void unapprovedIsExcludedWithItsStatus() {
    auto in = baseInput();
    in.recordings[0].reviewStatus = "in_review";
    const auto r = evaluateGate(in, {});
    QVERIFY(!r.candidates[0].included());
    QCOMPARE(r.candidates[0].reasons, std::vector<std::string>{"recording not approved (review status: in_review)"});
    in.recordings[0].reviewStatus = "rejected";
    QVERIFY(!evaluateGate(in, {}).candidates[0].included());
  }

  void missingConsentIsExcluded() {
    auto in = baseInput();
    in.consent.clear();
    const auto r = evaluateGate(in, {});
    QCOMPARE(r.candidates[0].reasons, std::vector<std::string>{"no consent recorded for worker 'w1'"});
    // Another worker's consent does not count.
    in.consent.push_back({5, "granted", "w2", 0, ""});
    QCOMPARE(evaluateGate(in, {}).candidates[0].reasons,
             std::vector<std::string>{"no consent recorded for worker 'w1'"});
  }

  void withdrawnConsentIsExcludedAndTheLatestEventWins() {
    auto in = baseInput();
    in.consent.push_back({101, "withdrawn", "w1", 0, ""});
    auto r = evaluateGate(in, {});
    QCOMPARE(r.candidates[0].reasons,
             std::vector<std::string>{"consent withdrawn by worker 'w1' (consent event #101)"});
    in.consent.push_back({102, "granted", "w1", 1, "model_training"}); // re-granted for this recording
    r = evaluateGate(in, {});
    QVERIFY(r.candidates[0].included());
    QCOMPARE(r.episodes()[0].consentEventId, 102);
  }

  void scopeMustAllowThePurpose() {
    auto in = baseInput();
    in.consent.push_back({101, "scope_changed", "w1", 0, R"(["research"])"});
    GateOptions opt;
    auto r = evaluateGate(in, opt);
    QCOMPARE(r.candidates[0].reasons,
             std::vector<std::string>{
                 R"(consent scope does not allow 'model_training' (consent event #101, scope: ["research"]))"});
    opt.purpose = "research";
    QVERIFY(evaluateGate(in, opt).candidates[0].included());
    QCOMPARE(parseConsentScope("training, research"), (std::vector<std::string>{"training", "research"}));
    QCOMPARE(parseConsentScope(R"({"uses":["a"]})"), std::vector<std::string>{"a"});
  }

  void redactionSplitsTheEpisode() {
    auto in = baseInput();
    in.redactions.push_back({7, 1, {14 * S, 15 * S}, false, {}});
    const auto r = evaluateGate(in, {});
    const auto &c = r.candidates[0];
    QVERIFY2(c.included(), reasons(c).c_str());
    QCOMPARE(int(c.episodes.size()), 2);
    QCOMPARE(c.episodes[0].range, (tacit::TimeRange{10 * S, 14 * S}));
    QCOMPARE(c.episodes[1].range, (tacit::TimeRange{15 * S, 20 * S}));
    QCOMPARE(c.episodes[0].redactionIds, std::vector<GateId>{7});
    QCOMPARE(c.notes, std::vector<std::string>{"split by redaction #7 into 2 episodes"});
  }

  void redactionDropsTheEpisodeByOption() {
    auto in = baseInput();
    in.redactions.push_back({7, 1, {14 * S, 15 * S}, false, {}});
    GateOptions opt;
    opt.redactionPolicy = RedactionPolicy::Drop;
    const auto r = evaluateGate(in, opt);
    QCOMPARE(r.candidates[0].reasons, std::vector<std::string>{"redaction #7 [14000000000, 15000000000) ns overlaps"});
    QVERIFY(r.episodes().empty());
  }

  void redactionCoveringAlmostEverythingExcludes() {
    auto in = baseInput();
    in.redactions.push_back({8, 1, {9 * S, 19 * S + 800 * tacit::kNsPerMs}, false, {}});
    const auto r = evaluateGate(in, {});
    QCOMPARE(r.candidates[0].reasons, std::vector<std::string>{"redaction #8 leaves no part of at least 0.500 s"});
    QCOMPARE(int(r.candidates[0].notes.size()), 1); // the 200 ms piece is named
  }

  void spatialRedactionDoesNotCutButIsRecorded() {
    auto in = baseInput();
    in.redactions.push_back({9, 1, {12 * S, 13 * S}, true, {}});
    in.redactions.push_back({10, 1, {50 * S, 51 * S}, false, {}}); // elsewhere: irrelevant
    const auto eps = evaluateGate(in, {}).episodes();
    QCOMPARE(int(eps.size()), 1);
    QCOMPARE(eps[0].range, (tacit::TimeRange{10 * S, 20 * S}));
    QCOMPARE(eps[0].redactionIds, std::vector<GateId>{9});
  }

  void flagAtOrAboveMaxSeverityExcludes() {
    auto in = baseInput();
    in.flags.push_back({20, 1, "motion_blur", 2, false, {12 * S, 13 * S}});
    GateOptions opt;
    opt.maxSeverity = 3;
    QVERIFY(evaluateGate(in, opt).candidates[0].included()); // severity 2 < 3
    in.flags.push_back({21, 1, "occlusion", 3, false, {19 * S, 25 * S}});
    auto r = evaluateGate(in, opt);
    QCOMPARE(r.candidates[0].reasons,
             std::vector<std::string>{"flag #21 (occlusion, severity 3) overlaps [19000000000, 25000000000) ns"});
    opt.maxSeverity = 4;
    QVERIFY(evaluateGate(in, opt).candidates[0].included());
    in.flags.push_back({22, 1, "corrupt", 4, true, {}});
    r = evaluateGate(in, opt);
    QCOMPARE(r.candidates[0].reasons,
             std::vector<std::string>{"flag #22 (corrupt, severity 4) covers the whole recording"});
  }

  void flagOnOnePieceDropsOnlyThatPiece() {
    auto in = baseInput();
    in.redactions.push_back({7, 1, {14 * S, 15 * S}, false, {}});
    in.flags.push_back({21, 1, "occlusion", 3, false, {16 * S, 17 * S}});
    const auto r = evaluateGate(in, {});
    QVERIFY(r.candidates[0].included());
    QCOMPARE(int(r.episodes().size()), 1);
    QCOMPARE(r.episodes()[0].range, (tacit::TimeRange{10 * S, 14 * S}));
  }

  void labelsSelectByTrackLabelOrPath() {
    auto in = baseInput();
    GateOptions opt;
    opt.labels = {"idle"};
    auto r = evaluateGate(in, opt);
    QCOMPARE(int(r.candidates.size()), 1);
    QCOMPARE(r.candidates[0].segmentId, 12);
    opt.labels = {"kitchen/pour water", "comments"};
    QCOMPARE(int(evaluateGate(in, opt).candidates.size()), 2);
  }

  void wholeRecordingsUseTheRecordingSpanAndTask() {
    auto in = baseInput();
    GateOptions opt;
    opt.wholeRecordings = true;
    const auto eps = evaluateGate(in, opt).episodes();
    QCOMPARE(int(eps.size()), 1);
    QCOMPARE(eps[0].range, (tacit::TimeRange{0, 60 * S}));
    QCOMPARE(eps[0].task, std::string("fold towels"));
    QCOMPARE(eps[0].segmentId, 0);
  }

  void everyReasonIsListed() {
    auto in = baseInput();
    in.recordings[0].reviewStatus = "";
    in.consent.clear();
    in.flags.push_back({21, 1, "occlusion", 4, true, {}});
    const auto r = evaluateGate(in, {});
    QCOMPARE(int(r.candidates[0].reasons.size()), 3);
    QCOMPARE(r.candidates[0].reasons[0], std::string("recording not approved (review status: unreviewed)"));
  }
};

QTEST_GUILESS_MAIN(EpisodeGateTest)
#include "EpisodeGateTest.moc"
