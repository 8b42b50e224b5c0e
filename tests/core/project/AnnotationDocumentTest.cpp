// AnnotationDocument verbs, frame snapping, overlap rules, drag merging, and a property test: every
// command's undo restores the exact previous state (memory and project file) over random edits.
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <random>

#include "ProjectTestUtil.h"
#include "core/project/AnnotationDocument.h"

using namespace tacit::project;
using tacit::kNsPerMs;
using tacit::Timestamp;

namespace {

struct Fixture {
  QTemporaryDir dir;
  std::unique_ptr<ProjectStore> store;
  QUndoStack undo;
  std::unique_ptr<AnnotationDocument> doc;
  Id task = 0, step = 0;

  Fixture() {
    store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec"), "uuid-1");
    const Id rec = store->addRecording(testutil::path(dir, "rec"))->id;
    doc = std::make_unique<AnnotationDocument>(*store, &undo);
    doc->load(rec);
    task = store->trackByName("task")->id;
    step = store->trackByName("step")->id;
    // 30 fps grid, 0..10 s.
    std::vector<Timestamp> grid;
    for (int i = 0; i <= 300; ++i)
      grid.push_back(static_cast<Timestamp>(i) * 33'333'333);
    doc->setFrameGrid(FrameGrid(grid));
  }
};

// Memory and file must agree and be compared as sets (ids are stable across undo/redo).
struct State {
  std::vector<Segment> segments;
  std::vector<QualityFlag> flags;
  ReviewStatus status;
  std::vector<ReviewEvent> history;
  bool operator==(const State &) const = default;
};

State memoryState(const AnnotationDocument &doc) {
  State s{doc.segments(), doc.flags(), doc.reviewStatus(), doc.reviewHistory()};
  std::sort(s.segments.begin(), s.segments.end(), [](auto &a, auto &b) { return a.id < b.id; });
  std::sort(s.flags.begin(), s.flags.end(), [](auto &a, auto &b) { return a.id < b.id; });
  return s;
}

State fileState(ProjectStore &store, Id rec) {
  State s{*store.segments(rec), *store.flags(rec), store.recording(rec)->status, *store.reviewHistory(rec)};
  std::sort(s.segments.begin(), s.segments.end(), [](auto &a, auto &b) { return a.id < b.id; });
  std::sort(s.flags.begin(), s.flags.end(), [](auto &a, auto &b) { return a.id < b.id; });
  return s;
}

} // namespace

class AnnotationDocumentTest : public QObject {
  Q_OBJECT
private slots:
  void createSnapsToFrameGrid() {
    Fixture f;
    auto id = f.doc->createSegment(f.task, 40 * kNsPerMs, 110 * kNsPerMs, 0, "n");
    QVERIFY2(id.ok(), id.error().c_str());
    const Segment *s = f.doc->segment(*id);
    QCOMPARE(s->startNs, Timestamp(33'333'333)); // nearest frame to 40 ms
    QCOMPARE(s->endNs, Timestamp(99'999'999));   // nearest frame to 110 ms (frame 3)
    QCOMPARE(QString::fromStdString(s->author), QString::fromStdString(f.store->author()));
    QCOMPARE(f.store->segments(f.doc->recordingId())->size(), std::size_t(1));
  }

  void overlapsAreRejectedPerTrack() {
    Fixture f;
    QVERIFY(f.doc->createSegment(f.task, 0, 1'000'000'000).ok());
    auto clash = f.doc->createSegment(f.task, 500'000'000, 1'500'000'000);
    QVERIFY(!clash.ok());
    QVERIFY(QString::fromStdString(clash.error()).contains("overlap"));
    QVERIFY(f.doc->createSegment(f.step, 500'000'000, 1'500'000'000).ok());   // other track is fine
    QVERIFY(f.doc->createSegment(f.task, 1'000'000'000, 2'000'000'000).ok()); // touching is fine
    QCOMPARE(f.undo.count(), 3);
    // A track that allows overlaps.
    auto free = f.store->addTrack("free", true);
    QVERIFY(free.ok());
    f.doc->load(f.doc->recordingId());
    QVERIFY(f.doc->createSegment(free->id, 0, 1'000'000'000).ok());
    QVERIFY(f.doc->createSegment(free->id, 100'000'000, 900'000'000).ok());
  }

  void splitMoveRelabelDelete() {
    Fixture f;
    const Id id = *f.doc->createSegment(f.task, 0, 1'000'000'000);
    auto right = f.doc->splitSegment(id, 500'000'000);
    QVERIFY2(right.ok(), right.error().c_str());
    QCOMPARE(f.doc->segment(id)->endNs, Timestamp(499'999'995)); // frame 15
    QCOMPARE(f.doc->segment(id)->endNs, f.doc->segment(*right)->startNs);
    QCOMPARE(f.doc->segment(*right)->endNs, Timestamp(999'999'990));
    QVERIFY(!f.doc->splitSegment(id, 0).ok()); // not inside
    // Edge drags clamp at the neighbour instead of overlapping.
    QVERIFY(f.doc->moveSegmentEdge(id, SegmentEdge::End, 800'000'000).ok());
    QCOMPARE(f.doc->segment(id)->endNs, f.doc->segment(*right)->startNs);
    QVERIFY(f.doc->moveSegmentEdge(id, SegmentEdge::End, 200'000'000).ok());
    QCOMPARE(f.doc->segment(id)->endNs, Timestamp(200'000'000 - 200'000'000 % 33'333'333));
    // Body move keeps the segment between its neighbours.
    QVERIFY(f.doc->moveSegment(*right, 0).ok());
    QCOMPARE(f.doc->segment(*right)->startNs, f.doc->segment(id)->endNs);
    auto label = f.store->insertLabel(Label{0, 0, "reach", "#ff0000", 1, "", 0});
    QVERIFY(f.doc->relabelSegment(id, label->id).ok());
    QCOMPARE(f.store->segments(f.doc->recordingId())->front().labelId, label->id);
    QVERIFY(f.doc->deleteSegment(*right).ok());
    QCOMPARE(f.doc->segments().size(), std::size_t(1));
    // Boundaries.
    QCOMPARE(*f.doc->nextBoundary(-1), Timestamp(0));
    QCOMPARE(*f.doc->nextBoundary(0), f.doc->segment(id)->endNs);
    QVERIFY(!f.doc->nextBoundary(f.doc->segment(id)->endNs).has_value());
    QCOMPARE(*f.doc->previousBoundary(f.doc->segment(id)->endNs), Timestamp(0));
  }

  void dragMergesIntoOneUndoStep() {
    Fixture f;
    const Id id = *f.doc->createSegment(f.task, 0, 1'000'000'000);
    const Segment before = *f.doc->segment(id);
    const int drag = f.doc->beginDrag();
    for (int i = 1; i <= 10; ++i)
      QVERIFY(f.doc->moveSegmentEdge(id, SegmentEdge::End, 1'000'000'000 + i * 100'000'000, drag).ok());
    QCOMPARE(f.undo.count(), 2); // create + one merged drag
    QVERIFY(f.doc->segment(id)->endNs > 1'900'000'000);
    f.undo.undo();
    QCOMPARE(*f.doc->segment(id), before);
    QCOMPARE(f.store->segments(f.doc->recordingId())->front(), before);
    // A new gesture is a new step.
    const int drag2 = f.doc->beginDrag();
    QVERIFY(f.doc->moveSegmentEdge(id, SegmentEdge::Start, 100'000'000, drag2).ok());
    QVERIFY(f.doc->moveSegmentEdge(id, SegmentEdge::Start, 200'000'000, drag).ok()); // different gesture id
    QCOMPARE(f.undo.count(), 3);
  }

  void flagsAndReview() {
    Fixture f;
    auto whole = f.doc->addFlag(FlagReason::CameraObstructed, 3, std::nullopt, "lens");
    auto span = f.doc->addFlag(FlagReason::HandOccluded, 2, tacit::TimeRange{100'000'000, 400'000'000});
    QVERIFY(whole.ok() && span.ok());
    QVERIFY(!f.doc->addFlag(FlagReason::Other, 5, std::nullopt).ok());
    QVERIFY(f.doc->flag(*whole)->wholeRecording);
    QCOMPARE(f.doc->flag(*span)->startNs, Timestamp(99'999'999)); // frame 3
    QVERIFY(f.doc->setReviewStatus(ReviewStatus::InReview).ok());
    QVERIFY(f.doc->setReviewStatus(ReviewStatus::Rejected, "blurry").ok());
    QCOMPARE(f.doc->reviewStatus(), ReviewStatus::Rejected);
    QCOMPARE(f.store->recording(f.doc->recordingId())->status, ReviewStatus::Rejected);
    QCOMPARE(f.doc->reviewHistory().size(), std::size_t(2));
    f.undo.undo();
    QCOMPARE(f.store->recording(f.doc->recordingId())->status, ReviewStatus::InReview);
    QCOMPARE(f.doc->reviewHistory().size(), std::size_t(1));
  }

  void readOnlyProjectRefusesEdits() {
    Fixture f;
    auto ro = ProjectStore::open(f.store->path());
    QVERIFY((*ro)->isReadOnly());
    QUndoStack undo;
    AnnotationDocument doc(**ro, &undo);
    QVERIFY(doc.load(1).ok());
    QVERIFY(!doc.createSegment(f.task, 0, 1'000'000'000).ok());
    QCOMPARE(undo.count(), 0);
  }

  void undoRestoresExactStateOverRandomEdits() {
    Fixture f;
    std::mt19937 rng(20260101);
    auto label = f.store->insertLabel(Label{0, 0, "grasp", "#00ff00", 2, "", 0});
    std::vector<State> states{memoryState(*f.doc)};
    auto randomTime = [&] { return static_cast<Timestamp>(rng() % 10'000) * 1'000'000; };
    auto randomSegment = [&]() -> Id {
      const auto &s = f.doc->segments();
      return s.empty() ? 0 : s[rng() % s.size()].id;
    };
    int pushed = 0;
    for (int i = 0; i < 300; ++i) {
      const int before = f.undo.count();
      const Id seg = randomSegment();
      const Id track = rng() % 2 ? f.task : f.step;
      switch (rng() % 11) {
      case 0:
      case 1: f.doc->createSegment(track, randomTime(), randomTime(), rng() % 2 ? label->id : 0, "n"); break;
      case 2:
        if (seg)
          f.doc->deleteSegment(seg);
        break;
      case 3:
        if (seg)
          f.doc->splitSegment(seg, randomTime());
        break;
      case 4:
        if (seg)
          f.doc->moveSegmentEdge(seg, rng() % 2 ? SegmentEdge::Start : SegmentEdge::End, randomTime());
        break;
      case 5:
        if (seg)
          f.doc->moveSegment(seg, randomTime());
        break;
      case 6:
        if (seg)
          f.doc->relabelSegment(seg, rng() % 2 ? label->id : 0);
        break;
      case 7:
        if (seg)
          f.doc->setSegmentNote(seg, "note " + std::to_string(i));
        break;
      case 8: {
        auto span = rng() % 2 ? std::optional<tacit::TimeRange>() : tacit::TimeRange{randomTime(), randomTime()};
        f.doc->addFlag(allFlagReasons()[rng() % allFlagReasons().size()], static_cast<int>(rng() % 4) + 1, span);
        break;
      }
      case 9:
        if (!f.doc->flags().empty()) {
          QualityFlag fl = f.doc->flags()[rng() % f.doc->flags().size()];
          if (rng() % 2) {
            f.doc->removeFlag(fl.id);
          } else {
            fl.severity = static_cast<int>(rng() % 4) + 1;
            fl.note = "edited " + std::to_string(i);
            f.doc->updateFlag(fl);
          }
        }
        break;
      case 10: f.doc->setReviewStatus(static_cast<ReviewStatus>(rng() % 4), "r"); break;
      }
      QCOMPARE(memoryState(*f.doc), fileState(*f.store, f.doc->recordingId()));
      if (f.undo.count() > before) {
        states.push_back(memoryState(*f.doc));
        ++pushed;
      }
    }
    QVERIFY(pushed > 150);
    QCOMPARE(f.undo.count(), static_cast<int>(states.size()) - 1);
    // Undo everything, checking each step against the recorded state.
    for (int k = static_cast<int>(states.size()) - 2; k >= 0; --k) {
      f.undo.undo();
      const State mem = memoryState(*f.doc);
      const State file = fileState(*f.store, f.doc->recordingId());
      // Review undo deletes the event, so history matches exactly; redo appends a fresh event.
      QVERIFY2(mem.segments == states[static_cast<std::size_t>(k)].segments,
               qPrintable(QString("undo step %1").arg(k)));
      QVERIFY(mem.flags == states[static_cast<std::size_t>(k)].flags);
      QCOMPARE(mem.status, states[static_cast<std::size_t>(k)].status);
      QVERIFY(mem.history == states[static_cast<std::size_t>(k)].history);
      QVERIFY(mem == file);
    }
    // Redo everything: segments and flags come back with the same ids and values.
    for (std::size_t k = 1; k < states.size(); ++k) {
      f.undo.redo();
      const State mem = memoryState(*f.doc);
      QVERIFY(mem.segments == states[k].segments);
      QVERIFY(mem.flags == states[k].flags);
      QCOMPARE(mem.status, states[k].status);
      QVERIFY(mem == fileState(*f.store, f.doc->recordingId()));
    }
    QVERIFY(f.store->checkIntegrity()->empty());
  }
};

QTEST_GUILESS_MAIN(AnnotationDocumentTest)
#include "AnnotationDocumentTest.moc"
