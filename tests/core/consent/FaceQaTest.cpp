// Face QA: stepping detections and low-confidence ones, accept/reject/adjust/add, only accepted tracks
// become (per-frame keyed) blur redactions, and the QA record is kept in the project.
#include <QTemporaryDir>
#include <QtTest>

#include "core/consent/FaceQa.h"

using namespace tacit;
using namespace tacit::consent;

namespace {
constexpr Timestamp kPeriod = 10'000'000;
Timestamp timeOf(std::int64_t f) {
  return 5'000 + f * kPeriod;
}

// Two tracks over a 100-frame, 200x100 video sampled every 5 frames: a confident one on frames 10..20
// and a doubtful one on frames 50..55.
VideoFaceResult faces() {
  VideoFaceResult r;
  r.frameCount = 100;
  r.framesChecked = 20;
  r.width = 200;
  r.height = 100;
  FaceTrack a{1, {}}, b{2, {}};
  for (std::int64_t f = 10; f <= 20; ++f)
    a.boxes.push_back({f, timeOf(f), cv::Rect(10 + int(f), 10, 20, 20), 0.9, f % 5 != 0});
  for (std::int64_t f = 50; f <= 55; ++f)
    b.boxes.push_back({f, timeOf(f), cv::Rect(100, 50, 30, 30), f == 50 ? 0.3 : 0.35, f % 5 != 0});
  r.tracks = {a, b};
  return r;
}
} // namespace

class FaceQaTest : public QObject {
  Q_OBJECT

private slots:
  void stepsThroughDetections() {
    FaceQaSession qa(faces(), 5);
    QCOMPARE(int(qa.stops().size()), 5); // frames 10, 15, 20, 50, 55 (interpolated boxes are not stops)
    auto s = qa.nextDetection(-1);
    QVERIFY(s);
    QCOMPARE(qa.stops()[*s].frame, std::int64_t(10));
    s = qa.nextDetection(20);
    QCOMPARE(qa.stops()[*s].frame, std::int64_t(50));
    s = qa.nextDetection(55); // wraps
    QCOMPARE(qa.stops()[*s].frame, std::int64_t(10));
    s = qa.nextLowConfidence(0, 0.5);
    QCOMPARE(qa.stops()[*s].frame, std::int64_t(50));
    QCOMPARE(qa.stops()[*s].track, std::size_t(1));
    QVERIFY(!qa.nextLowConfidence(0, 0.1));
    QCOMPARE(qa.boxesOn(12).size(), std::size_t(1));
    QCOMPARE(qa.boxesOn(30).size(), std::size_t(0));
  }

  void onlyAcceptedTracksBecomeRedactions() {
    FaceQaSession qa(faces(), 5);
    qa.setState(0, QaState::Accepted);
    qa.setState(1, QaState::Rejected);
    auto reds = qa.acceptedRedactions(7, timeOf, timeOf(100), "face");
    QCOMPARE(int(reds.size()), 1);
    const auto &r = reds[0];
    QCOMPARE(r.startNs, timeOf(6)); // held every-1 frames before the first box
    QCOMPARE(r.endNs, timeOf(25));  // ... and after the last
    QCOMPARE(int(r.boxes.size()), 11);
    QVERIFY(r.boxes[0].keyed());
    // On frame 14 the box of frame 14 (x = 24 px of 200).
    QCOMPARE(r.boxesAt(timeOf(14)).front().x, 24.0 / 200);
    // Before the first key the first box holds.
    QCOMPARE(r.boxesAt(timeOf(7)).front().x, 20.0 / 200);
    QCOMPARE(r.boxesAt(timeOf(30)).size(), std::size_t(0));
  }

  void adjustAndAdd() {
    FaceQaSession qa(faces(), 5);
    qa.adjust(1, 52, timeOf(52), cv::Rect(110, 40, 40, 40));
    QCOMPARE(qa.tracks()[1].state, QaState::Accepted);
    QVERIFY(qa.tracks()[1].adjusted);
    QCOMPARE(qa.tracks()[1].boxAt(52)->box, cv::Rect(110, 40, 40, 40));
    QVERIFY(!qa.tracks()[1].boxAt(52)->interpolated); // now a stop
    const std::size_t added = qa.addBox(80, timeOf(80), cv::Rect(0, 0, 20, 20));
    QCOMPARE(added, std::size_t(2));
    QVERIFY(qa.tracks()[2].added);
    QCOMPARE(qa.tracks()[2].id, 3);
    auto reds = qa.acceptedRedactions(7, timeOf, timeOf(100), "face");
    QCOMPARE(int(reds.size()), 2); // track 0 still pending: not blurred
    QCOMPARE(reds[1].startNs, timeOf(76));
    QCOMPARE(reds[1].endNs, timeOf(85));
    qa.markReviewed(50);
    qa.markReviewed(52);
    qa.markReviewed(50);
    const FaceQaRecord rec = qa.record("Ada");
    QCOMPARE(rec.tracks, 3);
    QCOMPARE(rec.accepted, 2);
    QCOMPARE(rec.pending, 1);
    QCOMPARE(rec.adjusted, 1);
    QCOMPARE(rec.added, 1);
    QCOMPARE(rec.framesReviewed, std::int64_t(2));
    QCOMPARE(rec.framesChecked, std::int64_t(20));
  }

  void storedWithTheQaRecord() {
    QTemporaryDir dir;
    auto store = project::ProjectStore::create(dir.filePath("p.tacit").toStdString());
    QVERIFY(store.ok());
    project::RecordingRecord rr;
    rr.uuid = "r1";
    rr.relativePath = "r1";
    auto rec = (*store)->insertRecordingRecord(rr);
    QVERIFY(rec.ok());
    FaceQaSession qa(faces(), 5);
    qa.setState(0, QaState::Accepted);
    qa.setState(1, QaState::Rejected);
    qa.markReviewed(10);
    auto stored = storeFaceQa(**store, qa, rec->id, "Ada Worker", timeOf, timeOf(100));
    QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().c_str());
    QCOMPARE(int(stored->redactionIds.size()), 1);
    auto reds = (*store)->redactions(rec->id);
    QCOMPARE(int(reds->size()), 1);
    QCOMPARE(reds->front().author, std::string("Ada Worker"));
    QVERIFY(reds->front().reason.find("Ada Worker") != std::string::npos);
    auto records = faceQaRecords(**store, rec->id);
    QVERIFY(records.ok());
    QCOMPARE(int(records->size()), 1);
    const auto &r = records->front();
    QCOMPARE(r.reviewer, std::string("Ada Worker"));
    QVERIFY(r.atMs > 0);
    QCOMPARE(r.framesChecked, std::int64_t(20));
    QCOMPARE(r.framesTotal, std::int64_t(100));
    QCOMPARE(r.framesReviewed, std::int64_t(1));
    QCOMPARE(r.accepted, 1);
    QCOMPARE(r.rejected, 1);
    QCOMPARE(r.redactionIds, stored->redactionIds);
    QCOMPARE(int(faceQaRecords(**store, rec->id + 1)->size()), 0);
  }
};

QTEST_GUILESS_MAIN(FaceQaTest)
#include "FaceQaTest.moc"
