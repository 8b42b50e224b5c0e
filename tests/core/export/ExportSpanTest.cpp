// Export memory is bounded per episode whatever the span (issue #14): a full-int64 segment used to
// grow to 16.9 GB and abort, losing the valid episodes too. Now it is clipped to the video, and an
// episode with no video frame fails alone with a message while the others are exported.
#include <QtTest>

#include "ExportFixture.h"
#include "core/export/ExportRunner.h"

using namespace tacit;
using namespace tacit::exporting;

class ExportSpanTest : public QObject {
  Q_OBJECT
  testing::ExportFixture f;

private slots:
  void initTestCase() { QVERIFY(f.setUp()); }

  void hugeAndEmptySpansDoNotSinkTheExport() {
    auto track = f.store->addTrack("extra", true);
    QVERIFY(track.ok());
    auto add = [&](Timestamp a, Timestamp b) {
      project::Segment s;
      s.recordingId = f.recording.id;
      s.trackId = track->id;
      s.labelId = f.labelId;
      s.startNs = a;
      s.endNs = b;
      return f.store->applySegmentChanges({project::SegmentChange{std::nullopt, s}}, "test").ok();
    };
    QVERIFY(add(INT64_MIN, INT64_MAX));                                                   // every nanosecond there is
    QVERIFY(add(f.videoStart + 3600 * kNsPerSecond, f.videoStart + 7200 * kNsPerSecond)); // after the video
    ExportOptions o;
    o.format = ExportFormat::LeRobotV30;
    o.out = f.out("spans");
    o.width = 128;
    o.height = 96;
    o.gate.labels = {"pour water"};
    auto report = runExport(*f.store, o);
    QVERIFY2(report.ok(), report.error().c_str());
    QCOMPARE(report->episodes.size(), std::size_t(2)); // the fixture's segment and the clipped one
    std::int64_t longest = 0;
    for (const auto &e : report->episodes)
      longest = std::max(longest, e.frames);
    QVERIFY(longest <= f.videoFrames + 1);
    bool skipped = false;
    for (const auto &w : report->warnings)
      skipped = skipped || w.find("episode skipped") != std::string::npos;
    QVERIFY(skipped);
  }
};

QTEST_GUILESS_MAIN(ExportSpanTest)
#include "ExportSpanTest.moc"
