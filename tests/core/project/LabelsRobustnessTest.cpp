// Hostile labels and taxonomy files (issue #14): wrong types, 100 000 levels of nesting, Latin-1 and
// broken UTF-8 text, spans outside the recording and 100 000-label taxonomies are refused (or
// imported) with one message each, never a crash; invalid text already in a project never breaks an
// export of it.
#include <QTemporaryDir>
#include <QTest>

#include "ProjectTestUtil.h"
#include "core/project/LabelsInterchange.h"
#include "core/project/TaxonomyJson.h"
#include "core/util/Utf8.h"

using namespace tacit;
using namespace tacit::project;

namespace {
constexpr Timestamp kFirstFrame = 1'000'000'000;

// A 10 s recording at 10 fps starting at 1 s.
FrameGrid grid() {
  std::vector<Timestamp> t;
  for (int i = 0; i < 100; ++i)
    t.push_back(kFirstFrame + i * 100'000'000LL);
  return FrameGrid(std::move(t));
}
FrameGridProvider grids() {
  return [](const RecordingRecord &) { return grid(); };
}

std::string labelsJson(const std::string &recordingsBody, const std::string &version = "1") {
  return "{\"format\":\"tacit-labels\",\"version\":" + version + ",\"recordings\":[" + recordingsBody + "]}";
}
std::string segmentJson(Timestamp start, Timestamp end) {
  return "{\"id\":\"uuid-r1\",\"segments\":[{\"track\":\"task\",\"label\":\"\",\"start_ns\":" + std::to_string(start) +
         ",\"end_ns\":" + std::to_string(end) + "}]}";
}
} // namespace

class LabelsRobustnessTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir;
  std::unique_ptr<ProjectStore> store;

  Result<LabelsImportSummary> import(const std::string &text, LabelsFormat format = LabelsFormat::Auto,
                                     bool replace = false) {
    return importLabels(*store, text, "in.labels", replace, format, grids());
  }

private slots:
  void initTestCase() {
    store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "r1"), "uuid-r1");
    QVERIFY(store->addRecording(testutil::path(dir, "r1")).ok());
  }

  void wrongTypesAreErrorsNotCrashes() {
    for (const std::string &doc :
         {labelsJson("", "\"1\""), labelsJson("", "1.5"), labelsJson("", "null"),
          std::string("{\"format\":7,\"version\":1,\"recordings\":[]}"),
          std::string("{\"format\":\"tacit-labels\",\"version\":1,\"tracks\":[{\"name\":\"t\",\"allow_overlap\":"
                      "\"yes\"}],\"recordings\":[]}"),
          labelsJson("{\"id\":\"uuid-r1\",\"segments\":[{\"track\":\"task\",\"start_ns\":\"5\",\"end_ns\":"
                     "18446744073709551615}]}"),
          labelsJson("{\"id\":\"uuid-r1\",\"flags\":[{\"reason\":\"unsafe\",\"severity\":\"high\"}]}"),
          labelsJson("{\"id\":[\"uuid-r1\"]}"),
          std::string("{\"format\":\"tacit-labels\",\"version\":1,\"taxonomy\":{\"labels\":[{\"name\":\"a\",\"key\":"
                      "4294967299}]},\"recordings\":[]}")}) {
      auto r = import(doc);
      QVERIFY2(!r.ok(), doc.c_str());
      QVERIFY2(r.error().rfind("in.labels: ", 0) == 0, r.error().c_str());
    }
    QVERIFY(store->allSegments()->empty());
  }

  void deepNestingIsRefused() {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto r = import("{\"format\":\"tacit-labels\",\"version\":1,\"recordings\":" + deep + "}", LabelsFormat::Json);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("nested deeper than 64 levels") != std::string::npos, r.error().c_str());
    auto t = taxonomyFromJsonText("{\"labels\":" + deep + "}", "tax.json");
    QVERIFY(!t.ok());
    QVERIFY(t.error().find("nested deeper") != std::string::npos);
  }

  void invalidUtf8IsRefusedWithTheLine() {
    const std::string header = "kind,recording,track,label,start_ns,end_ns,note\n";
    const std::string good = "segment,uuid-r1,task,,1000000000,1500000000,fine\n";
    for (const std::string &bad : {std::string("segment,uuid-r1,task,,2000000000,2500000000,caf\xE9\n"),
                                   std::string("segment,uuid-r1,task,,2000000000,2500000000,x\xF0\x9F\n")}) {
      auto r = import(header + good + bad, LabelsFormat::Csv);
      QVERIFY(!r.ok());
      QVERIFY2(r.error().find("in.labels: line 3: invalid UTF-8") == 0, r.error().c_str());
    }
    QVERIFY(store->allSegments()->empty());
    auto j = import(labelsJson("{\"id\":\"uuid-r1\",\"segments\":[{\"track\":\"task\",\"note\":\"caf" +
                               std::string("\xE9") + "\",\"start_ns\":1000000000,\"end_ns\":1100000000}]}"));
    QVERIFY(!j.ok());
    QVERIFY(j.error().find("invalid UTF-8") != std::string::npos);
  }

  void invalidTextAlreadyInAProjectIsExportedAsReplacementCharacters() {
    // A project poisoned by an import made before the check: exports must still work.
    auto st = store->database().exec("INSERT INTO labels(parent_id, name, colour, key, description, ord) "
                                     "VALUES (NULL, CAST(X'6361FE' AS TEXT), '#ffffff', 0, '', 99)");
    QVERIFY2(st.ok(), st.error().c_str());
    auto json = exportLabelsJson(*store);
    QVERIFY2(json.ok(), json.error().c_str());
    QVERIFY(!findInvalidUtf8(*json));
    QVERIFY(json->find("ca\xEF\xBF\xBD") != std::string::npos);
    QVERIFY(exportLabelsCsv(*store).ok());
    QVERIFY(store->database().exec("DELETE FROM labels WHERE ord = 99").ok());
  }

  void spansMustLieInsideTheRecording() {
    // A mistyped end_ns (a 4-year segment), one outside the video, and one reversed.
    const Timestamp fourYears = 4LL * 365 * 24 * 3600 * kNsPerSecond;
    for (auto [start, end] :
         {std::pair{kFirstFrame, kFirstFrame + fourYears}, std::pair{kFirstFrame - 1, kFirstFrame + 5},
          std::pair{INT64_MIN, INT64_MAX}, std::pair{kFirstFrame + 5, kFirstFrame}}) {
      auto r = import(labelsJson(segmentJson(start, end)));
      QVERIFY2(!r.ok(), std::to_string(end).c_str());
      QVERIFY2(r.error().find("in.labels: /recordings/0/segments/0: ") == 0, r.error().c_str());
    }
    // CSV names the line.
    auto csv = import("kind,recording,track,start_ns,end_ns\nsegment,uuid-r1,task,1000000000,1100000000\n"
                      "segment,uuid-r1,task,1000000000,999000000000000000\n",
                      LabelsFormat::Csv);
    QVERIFY(!csv.ok());
    QVERIFY2(csv.error().find("in.labels: line 3: span [1000000000, 999000000000000000) ns is outside") == 0,
             csv.error().c_str());
    // Without a video to check against, anything longer than a week is still refused.
    auto unknown =
        importLabels(*store, labelsJson(segmentJson(kFirstFrame, kFirstFrame + fourYears)), "in.labels", false);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().find("longer than any recording") != std::string::npos);
    QVERIFY(store->allSegments()->empty());
    // The last frame's span ends one frame period after it.
    QVERIFY(import(labelsJson(segmentJson(kFirstFrame, kFirstFrame + 100 * 100'000'000LL))).ok());
  }

  void hundredThousandLabelTaxonomyImports() {
    // Linear import: 20 k labels took 13-17 s and 100 k did not finish in 60 s (timing: bench/).
    std::string text = "{\"format\":\"tacit-taxonomy\",\"version\":1,\"labels\":[";
    for (int g = 0; g < 1000; ++g) {
      text += std::string(g ? "," : "") + "{\"name\":\"group" + std::to_string(g) + "\",\"children\":[";
      for (int i = 0; i < 99; ++i)
        text += std::string(i ? "," : "") + "{\"name\":\"l" + std::to_string(i) + "\"}";
      text += "]}";
    }
    text += "]}";
    auto labels = taxonomyFromJsonText(text, "big.json");
    QVERIFY2(labels.ok(), labels.error().c_str());
    QCOMPARE(labels->size(), std::size_t(100000));
    QVERIFY(store->replaceTaxonomy(*labels).ok());
    QCOMPARE(store->labels()->size(), std::size_t(100000));
    const auto paths = labelPathMap(*store->labels());
    QCOMPARE(paths.size(), std::size_t(100000));
    const auto imported = import("{\"format\":\"tacit-labels\",\"version\":1,\"recordings\":[{\"id\":\"uuid-r1\","
                                 "\"segments\":[{\"track\":\"task\","
                                 "\"label\":\"group999/l98\",\"start_ns\":2000000000,\"end_ns\":2100000000}]}]}",
                                 LabelsFormat::Auto, /*replace=*/true); // earlier cases left a whole-recording task
    QVERIFY2(imported.ok(), imported.error().c_str());
  }
};

QTEST_APPLESS_MAIN(LabelsRobustnessTest)
#include "LabelsRobustnessTest.moc"
