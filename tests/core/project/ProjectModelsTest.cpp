// Item models under QAbstractItemModelTester while edits, undo and redo run; setData pushes commands.
#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ProjectTestUtil.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/RecordingListModel.h"
#include "core/project/SegmentTableModel.h"
#include "core/project/TaxonomyModel.h"

using namespace tacit::project;
using tacit::Timestamp;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

struct Fixture {
  QTemporaryDir dir;
  std::unique_ptr<ProjectStore> store;
  QUndoStack undo;
  Id rec1 = 0, rec2 = 0, rec3 = 0;
  Fixture() {
    store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "r1"), "u1", "alice", "pick cup");
    testutil::writeRecording(testutil::path(dir, "r2"), "u2", "bob", "open drawer");
    testutil::writeRecording(testutil::path(dir, "r3"), "u3", "alice", "open drawer");
    rec1 = store->addRecording(testutil::path(dir, "r1"))->id;
    rec2 = store->addRecording(testutil::path(dir, "r2"))->id;
    rec3 = store->addRecording(testutil::path(dir, "r3"))->id;
  }
};
} // namespace

class ProjectModelsTest : public QObject {
  Q_OBJECT
private slots:
  void segmentTableFollowsEditsUndoRedo() {
    Fixture f;
    TaxonomyModel taxonomy(*f.store, &f.undo);
    const Id reach = *taxonomy.addLabel(0, "reach", "#ff0000", 1);
    AnnotationDocument doc(*f.store, &f.undo);
    SegmentTableModel model(&doc, &taxonomy);
    QAbstractItemModelTester tester(&model, kFatal);
    const Id free = f.store->addTrack("free", true)->id;
    QVERIFY(doc.load(f.rec1).ok());
    const Id task = f.store->trackByName("task")->id, step = f.store->trackByName("step")->id;
    const Id a = *doc.createSegment(task, 2'000'000'000, 3'000'000'000, reach);
    const Id b = *doc.createSegment(task, 0, 1'000'000'000);
    const Id c = *doc.createSegment(step, 0, 500'000'000);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.idAt(0), b); // task track first, by start
    QCOMPARE(model.idAt(1), a);
    QCOMPARE(model.idAt(2), c);
    QCOMPARE(model.index(1, SegmentTableModel::LabelColumn).data().toString(), QStringLiteral("reach"));
    QCOMPARE(model.index(1, 0).data(SegmentTableModel::ColourRole).toString(), QStringLiteral("#ff0000"));
    // A body drag clamps at the neighbour on a no-overlap track...
    QVERIFY(doc.moveSegment(b, 4'000'000'000).ok());
    QCOMPARE(doc.segment(b)->endNs, Timestamp(2'000'000'000));
    // ...and on an overlapping track moving past another reorders rows (beginMoveRows).
    const Id d = *doc.createSegment(free, 0, 1'000'000'000);
    const Id e = *doc.createSegment(free, 500'000'000, 1'000'000'000);
    QCOMPARE(model.rowOf(d) + 1, model.rowOf(e));
    QVERIFY(doc.moveSegment(d, 3'000'000'000).ok());
    QCOMPARE(model.rowOf(e) + 1, model.rowOf(d));
    QVERIFY(doc.deleteSegment(d).ok() && doc.deleteSegment(e).ok());
    // setData edits go through the undo stack.
    const int before = f.undo.count();
    const int rowA = model.rowOf(a);
    QVERIFY(model.setData(model.index(rowA, SegmentTableModel::NoteColumn), QStringLiteral("hello")));
    QCOMPARE(f.undo.count(), before + 1);
    QCOMPARE(QString::fromStdString(doc.segment(a)->note), QStringLiteral("hello"));
    QVERIFY(model.setData(model.index(rowA, 0), QVariant::fromValue<qint64>(0), SegmentTableModel::LabelIdRole));
    QCOMPARE(doc.segment(a)->labelId, Id(0));
    QVERIFY(!model.setData(model.index(0, SegmentTableModel::AuthorColumn), QStringLiteral("x")));
    QVERIFY(doc.splitSegment(a, 2'500'000'000).ok());
    QCOMPARE(model.rowCount(), 4);
    while (f.undo.canUndo())
      f.undo.undo();
    QCOMPARE(model.rowCount(), 0);
    while (f.undo.canRedo())
      f.undo.redo();
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(doc.deleteSegment(c).ok());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(c), -1);
    QVERIFY(model.roleNames().contains(SegmentTableModel::StartNsRole));
  }

  void flagListFollowsEdits() {
    Fixture f;
    AnnotationDocument doc(*f.store, &f.undo);
    FlagListModel model(&doc);
    QAbstractItemModelTester tester(&model, kFatal);
    QVERIFY(doc.load(f.rec1).ok());
    const Id span = *doc.addFlag(FlagReason::MotionBlur, 2, tacit::TimeRange{5, 10});
    const Id whole = *doc.addFlag(FlagReason::Unsafe, 4, std::nullopt, "knife");
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.idAt(0), whole); // whole-recording flags first
    QCOMPARE(model.index(0).data(FlagListModel::ReasonCodeRole).toString(), QStringLiteral("unsafe"));
    QCOMPARE(model.index(0).data(FlagListModel::ReasonNameRole).toString(), QStringLiteral("Unsafe"));
    QVERIFY(model.setData(model.index(1), 3, FlagListModel::SeverityRole));
    QCOMPARE(doc.flag(span)->severity, 3);
    QVERIFY(!model.setData(model.index(1), 7, FlagListModel::SeverityRole));
    QVERIFY(model.setData(model.index(1), QStringLiteral("regrasp"), FlagListModel::ReasonCodeRole));
    QCOMPARE(f.store->flags(f.rec1)->front().reason, FlagReason::Regrasp);
    QVERIFY(doc.removeFlag(whole).ok());
    QCOMPARE(model.rowCount(), 1);
    while (f.undo.canUndo())
      f.undo.undo();
    QCOMPARE(model.rowCount(), 0);
    while (f.undo.canRedo())
      f.undo.redo();
    QCOMPARE(model.rowCount(), 1);
  }

  void recordingListFiltersAndReviews() {
    Fixture f;
    {
      AnnotationDocument doc(*f.store, &f.undo);
      doc.load(f.rec2);
      doc.addFlag(FlagReason::TrackingLost, 2, std::nullopt);
      doc.addFlag(FlagReason::SyncProblem, 3, std::nullopt);
      doc.createSegment(f.store->trackByName("task")->id, 0, 10);
    }
    f.undo.clear();
    RecordingListModel model(*f.store, &f.undo);
    QAbstractItemModelTester tester(&model, kFatal);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, RecordingListModel::FlagsColumn).data().toInt(), 2);
    QCOMPARE(model.index(1, 0).data(RecordingListModel::MaxSeverityRole).toInt(), 3);
    QCOMPARE(model.index(1, RecordingListModel::SegmentsColumn).data().toInt(), 1);
    QCOMPARE(model.index(0, RecordingListModel::MediaColumn).data().toString(), QStringLiteral("ok"));
    QCOMPARE(model.nextUnreviewed(-1), 0);
    // Review status is not edited in the table (one path: the recording's document / ProjectSession).
    QVERIFY(!model.setData(model.index(0, RecordingListModel::StatusColumn), QStringLiteral("approved"),
                           RecordingListModel::StatusRole));
    AnnotationDocument doc1(*f.store, &f.undo);
    QVERIFY(doc1.load(f.rec1).ok());
    QVERIFY(doc1.setReviewStatus(ReviewStatus::Approved).ok());
    QVERIFY(model.refresh().ok());
    QCOMPARE(f.store->recording(f.rec1)->status, ReviewStatus::Approved);
    QCOMPARE(model.nextUnreviewed(-1), 1);
    QCOMPARE(model.nextUnreviewed(1), 2);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("nonsense"), RecordingListModel::StatusRole));

    RecordingFilter byWorker;
    byWorker.worker = QStringLiteral("ALICE");
    model.setFilter(byWorker);
    QCOMPARE(model.rowCount(), 2);
    RecordingFilter byStatus;
    byStatus.statuses = {ReviewStatus::Unreviewed};
    byStatus.task = QStringLiteral("drawer");
    model.setFilter(byStatus);
    QCOMPARE(model.rowCount(), 2);
    // Approving a visible row under an "unreviewed" filter removes it; undo brings it back.
    AnnotationDocument doc3(*f.store, &f.undo);
    QVERIFY(doc3.load(f.rec3).ok());
    QVERIFY(doc3.setReviewStatus(ReviewStatus::Approved).ok());
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 1);
    f.undo.undo();
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 2);
    RecordingFilter byFlags;
    byFlags.minFlags = 1;
    model.setFilter(byFlags);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(RecordingListModel::UuidRole).toString(), QStringLiteral("u2"));
    // Missing media shows up after a refresh.
    model.setFilter({});
    std::filesystem::rename(testutil::path(f.dir, "r3"), testutil::path(f.dir, "r3-moved"));
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.index(model.rowOf(f.rec3), RecordingListModel::MediaColumn).data().toString(),
             QStringLiteral("missing"));
  }

  void taxonomyTreeEditsAndJson() {
    Fixture f;
    TaxonomyModel model(*f.store, &f.undo);
    QAbstractItemModelTester tester(&model, kFatal);
    const Id assembly = *model.addLabel(0, "assembly", "#112233", 1, "putting things together");
    const Id screw = *model.addLabel(assembly, "screw", "#445566", 2);
    const Id glue = *model.addLabel(assembly, "glue");
    const Id cleanup = *model.addLabel(0, "cleanup");
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.indexForId(assembly);
    QCOMPARE(model.rowCount(a), 2);
    QCOMPARE(model.index(0, 0, a).data(TaxonomyModel::PathRole).toString(), QStringLiteral("assembly/screw"));
    QCOMPARE(model.parent(model.index(1, 0, a)), a);
    QCOMPARE(model.labelForKey(2), screw);
    QVERIFY(model.setData(model.index(1, TaxonomyModel::KeyColumn, a), 3));
    QCOMPARE(model.label(glue)->key, 3);
    QVERIFY(!model.setData(model.index(1, TaxonomyModel::ColourColumn, a), QStringLiteral("not a colour")));
    QVERIFY(model.setData(model.indexForId(cleanup), QStringLiteral("tidy")));
    QCOMPARE(QString::fromStdString(f.store->labels()->back().name), QStringLiteral("tidy"));

    // Removing a parent takes the subtree and segment links; undo restores both exactly.
    AnnotationDocument doc(*f.store, &f.undo);
    doc.load(f.rec1);
    const Id seg = *doc.createSegment(f.store->trackByName("task")->id, 0, 100, screw);
    const auto labelsBefore = *f.store->labels();
    QVERIFY(model.removeLabel(assembly).ok());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(f.store->segments(f.rec1)->front().labelId, Id(0));
    f.undo.undo();
    QCOMPARE(*f.store->labels(), labelsBefore);
    QCOMPARE(f.store->segments(f.rec1)->front().labelId, screw);
    QCOMPARE(f.store->segments(f.rec1)->front().id, seg);

    const std::string json = model.exportJson();
    Fixture g;
    QUndoStack undo2;
    TaxonomyModel other(*g.store, &undo2);
    QAbstractItemModelTester tester2(&other, kFatal);
    QVERIFY(other.importJson(json, "tax.json").ok());
    QCOMPARE(other.exportJson(), json);
    QCOMPARE(other.rowCount(other.indexForId(other.labels().front().id)), 2);
    auto bad = other.importJson(R"({"labels":[{"name":"a/b"},{"name":"x","colour":"red"},{"name":"x"}]})", "bad.json");
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error()).count('\n'), 2); // three problems, all reported
    QCOMPARE(other.exportJson(), json);                           // unchanged
  }
};

QTEST_GUILESS_MAIN(ProjectModelsTest)
#include "ProjectModelsTest.moc"
