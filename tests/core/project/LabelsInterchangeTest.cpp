// Label interchange: exact JSON round trip, CSV columns, all-or-nothing validation with line numbers.
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ProjectTestUtil.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/LabelsInterchange.h"
#include "core/project/TaxonomyModel.h"

using namespace tacit::project;
using tacit::Timestamp;

namespace {

std::unique_ptr<ProjectStore> makeProject(const QTemporaryDir &dir, const char *name) {
  auto store = ProjectStore::create(testutil::path(dir, name)).takeValue();
  for (const char *rec : {"r1", "r2"}) {
    if (!std::filesystem::exists(testutil::path(dir, rec)))
      testutil::writeRecording(testutil::path(dir, rec), std::string("uuid-") + rec);
    store->addRecording(testutil::path(dir, rec));
  }
  return store;
}

void annotate(ProjectStore &store) {
  QUndoStack undo;
  TaxonomyModel tax(store, &undo);
  const Id assembly = *tax.addLabel(0, "assembly", "#112233", 1, "desc");
  const Id screw = *tax.addLabel(assembly, "screw", "#445566", 2);
  store.addTrack("hands", true);
  AnnotationDocument doc(store, &undo);
  doc.load(1);
  const Id task = store.trackByName("task")->id, hands = store.trackByName("hands")->id;
  doc.createSegment(task, 0, 1'000'000'000, assembly, "first, with \"quotes\"\nand a newline");
  doc.createSegment(task, 1'000'000'000, 2'000'000'000, screw);
  doc.createSegment(hands, 0, 500'000'000, 0);
  doc.createSegment(hands, 100'000'000, 600'000'000, screw);
  doc.addFlag(FlagReason::HandOccluded, 2, tacit::TimeRange{100, 200}, "left hand");
  doc.addFlag(FlagReason::Unsafe, 4, std::nullopt);
  doc.setReviewStatus(ReviewStatus::InReview);
  doc.setReviewStatus(ReviewStatus::Rejected, "too dark");
  doc.load(2);
  doc.createSegment(task, 5, 10);
  doc.setReviewStatus(ReviewStatus::Approved);
}

} // namespace

class LabelsInterchangeTest : public QObject {
  Q_OBJECT
private slots:
  void jsonRoundTripsExactly() {
    QTemporaryDir dir;
    auto a = makeProject(dir, "a.tacit");
    annotate(*a);
    auto json = exportLabelsJson(*a);
    QVERIFY2(json.ok(), json.error().c_str());
    QVERIFY(QString::fromStdString(*json).contains("\"label\":\"assembly/screw\""));
    auto b = makeProject(dir, "b.tacit");
    auto summary = importLabels(*b, *json, "labels.json", true);
    QVERIFY2(summary.ok(), summary.error().c_str());
    QCOMPARE(summary->segments, 5);
    QCOMPARE(summary->flags, 2);
    QCOMPARE(summary->reviewEvents, 3);
    auto again = exportLabelsJson(*b);
    QCOMPARE(QString::fromStdString(*again), QString::fromStdString(*json));
    QCOMPARE(b->recording(1)->status, ReviewStatus::Rejected);
    // Importing the same file again with --replace is idempotent.
    QVERIFY(importLabels(*b, *json, "labels.json", true).ok());
    QCOMPARE(QString::fromStdString(*exportLabelsJson(*b)), QString::fromStdString(*json));
    // Without --replace the segments would overlap the existing ones: refused, nothing changed.
    auto clash = importLabels(*b, *json, "labels.json", false);
    QVERIFY(!clash.ok());
    QVERIFY(QString::fromStdString(clash.error()).contains("/recordings/0/segments/0: overlaps existing segment"));
    QCOMPARE(QString::fromStdString(*exportLabelsJson(*b)), QString::fromStdString(*json));
  }

  void csvHasNsSecondsAndFrames() {
    QTemporaryDir dir;
    auto a = makeProject(dir, "a.tacit");
    annotate(*a);
    std::vector<Timestamp> grid;
    for (int i = 0; i < 100; ++i)
      grid.push_back(i * 100'000'000LL);
    auto csv = exportLabelsCsv(*a, [&](const RecordingRecord &) { return FrameGrid(grid); });
    QVERIFY2(csv.ok(), csv.error().c_str());
    const QString text = QString::fromStdString(*csv);
    QVERIFY(text.startsWith("kind,recording,track,label,start_ns,end_ns,start_s,end_s,start_frame,end_frame,"));
    QVERIFY(text.contains("segment,uuid-r1,task,assembly/screw,1000000000,2000000000,1.000000000,2.000000000,10,20,"));
    QVERIFY(text.contains("flag,uuid-r1,,,,,,,,,unsafe,4,"));
    QVERIFY(text.contains("review,uuid-r1,,,,,,,,,,,rejected,too dark,"));
    QVERIFY(text.contains("\"first, with \"\"quotes\"\"\nand a newline\""));
    // CSV import into a fresh project reproduces the same labels.
    auto b = makeProject(dir, "b.tacit");
    QUndoStack undo;
    TaxonomyModel tax(*b, &undo);
    QVERIFY(tax.importJson(TaxonomyModel(*a, &undo).exportJson(), "tax.json").ok());
    b->addTrack("hands", true);
    auto imported = importLabels(*b, *csv, "labels.csv", true);
    QVERIFY2(imported.ok(), imported.error().c_str());
    QCOMPARE(QString::fromStdString(*exportLabelsCsv(*b, [&](const RecordingRecord &) { return FrameGrid(grid); })),
             text);
  }

  void csvImportReportsEveryErrorWithLineNumbersAndChangesNothing() {
    QTemporaryDir dir;
    auto a = makeProject(dir, "a.tacit");
    annotate(*a);
    const auto before = *exportLabelsJson(*a);
    const std::string csv = "kind,recording,track,label,start_ns,end_ns,start_s,end_s,start_frame,end_frame,"
                            "flag_reason,severity,status,note,author,created_at_ms,modified_at_ms\n"
                            "segment,uuid-r2,task,,100,200,,,,,,,,ok,me,1,1\n"                  // line 2: fine
                            "segment,uuid-r2,task,nope,300,200,,,,,,,,\"multi\nline\",me,1,1\n" // line 3-4
                            "segment,uuid-zz,task,,0,1,,,,,,,,,,,\n"                            // line 5
                            "flag,uuid-r1,,,,,,,,,blurry,9,,,,,\n"                              // line 6
                            "review,uuid-r1,,,,,,,,,,,done,,,,\n"                               // line 7
                            "segment,uuid-r2,task,,150,250,,,,,,,,,,,\n"                        // line 8 overlaps 2
                            "segment,uuid-r2,walk,,,,0.5,0.75,,,,,,,,,\n"                       // line 9
                            "segment,uuid-r2,task,,x,,,,,,,,,,,,\n";                            // line 10
    auto r = importLabels(*a, csv, "bad.csv", false);
    QVERIFY(!r.ok());
    const QString err = QString::fromStdString(r.error());
    for (const char *expected :
         {"bad.csv: line 3: unknown label \"nope\"", "bad.csv: line 3: end must be after start",
          "bad.csv: line 5: recording \"uuid-zz\" is not in the project",
          "bad.csv: line 6: unknown flag reason \"blurry\"", "bad.csv: line 6: severity \"9\" must be 1-4",
          "bad.csv: line 7: unknown review status \"done\"", "bad.csv: line 8: overlaps bad.csv: line 2",
          "bad.csv: line 9: unknown track \"walk\"", "bad.csv: line 10: start_ns \"x\" is not an integer",
          "bad.csv: line 10: missing end_ns", "nothing was imported"})
      QVERIFY2(err.contains(QString::fromUtf8(expected)), qPrintable(expected + QStringLiteral(" not in:\n") + err));
    QCOMPARE(QString::fromStdString(*exportLabelsJson(*a)), QString::fromStdString(before));
    // Seconds are accepted when ns are empty.
    const std::string ok = "kind,recording,track,start_s,end_s\nsegment,uuid-r2,step,0.5,0.75\n";
    auto fine = importLabels(*a, ok, "ok.csv", false);
    QVERIFY2(fine.ok(), fine.error().c_str());
    bool found = false;
    const auto segs = a->segments(2);
    for (const auto &s : *segs)
      found |= s.startNs == 500'000'000 && s.endNs == 750'000'000;
    QVERIFY(found);
  }

  void jsonErrorsNamePointersAndLines() {
    QTemporaryDir dir;
    auto a = makeProject(dir, "a.tacit");
    auto parse = importLabels(*a, "{\n  \"format\": \"tacit-labels\",\n  oops\n}", "x.json", false);
    QVERIFY(!parse.ok());
    QVERIFY2(QString::fromStdString(parse.error()).contains("x.json: invalid JSON: line 3"), parse.error().c_str());
    const std::string bad = R"({"format":"tacit-labels","version":1,"recordings":[{"id":"uuid-r1","segments":[
      {"track":"task","start_ns":5,"end_ns":1},{"track":"task","start_ns":"a","end_ns":9}],
      "flags":[{"reason":"regrasp","severity":2,"start_ns":1}]}]})";
    auto r = importLabels(*a, bad, "x.json", false);
    QVERIFY(!r.ok());
    const QString err = QString::fromStdString(r.error());
    QVERIFY2(err.contains("x.json: /recordings/0/segments/0: end must be after start"), qPrintable(err));
    QVERIFY2(err.contains("x.json: /recordings/0/segments/1/start_ns: expected an integer"), qPrintable(err));
    QVERIFY2(err.contains("x.json: /recordings/0/flags/0: start_ns and end_ns must both be set"), qPrintable(err));
    QVERIFY(a->allSegments()->empty());
  }
};

QTEST_GUILESS_MAIN(LabelsInterchangeTest)
#include "LabelsInterchangeTest.moc"
