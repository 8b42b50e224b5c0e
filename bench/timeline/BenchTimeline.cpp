// bench_timeline [SEGMENTS] [WIDTHxHEIGHT] [SNAPSHOT_PREFIX]: builds a project with one recording holding SEGMENTS
// segments (half on "task", half on "step", 33 ms each every 40 ms, 9 coloured labels) plus a flag every 10 s, attaches
// it to a TimelineWidget and times paints (QWidget::render into an image) at several zooms. Reference: the same widget
// and size with no document attached. Prints one line per zoom and a JSON line.
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectStore.h"
#include "widgets/timeline/TimelineWidget.h"

using namespace tacit;
namespace fs = std::filesystem;

namespace {

double medianPaintMs(TimelineWidget &tl, int repeats) {
  QImage img(tl.size(), QImage::Format_ARGB32_Premultiplied);
  std::vector<double> ms;
  tl.render(&img); // warm-up (font caches, lazy indices)
  for (int i = 0; i < repeats; ++i) {
    QElapsedTimer t;
    t.start();
    tl.render(&img);
    ms.push_back(t.nsecsElapsed() / 1e6);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

int fail(const std::string &m) {
  std::fprintf(stderr, "%s\n", m.c_str());
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const int count = argc > 1 ? std::max(2, std::atoi(argv[1])) : 100000;
  int w = 1600, h = 260;
  if (argc > 2)
    std::sscanf(argv[2], "%dx%d", &w, &h);

  QTemporaryDir dir;
  const fs::path root = dir.path().toStdString();
  fs::create_directories(root / "rec");
  std::ofstream(root / "rec" / "recording.json")
      << R"({"format":"tacit-recording","version":1,"id":"bench-rec","worker":{"id":"w1","name":"W"},)"
      << R"("task":"t","streams":[{"id":"imu","kind":"imu","path":"imu.csv"}]})";
  std::ofstream(root / "rec" / "imu.csv") << "timestamp_ns\n";
  auto store = project::ProjectStore::create(root / "bench.tacit");
  if (!store)
    return fail(store.error());
  auto rec = (*store)->addRecording(root / "rec");
  if (!rec)
    return fail(rec.error());
  const char *colours[] = {"#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231",
                           "#911eb4", "#46f0f0", "#f032e6", "#bcf60c"};
  std::vector<project::Id> labels;
  for (int i = 0; i < 9; ++i) {
    project::Label l;
    l.name = "label" + std::to_string(i);
    l.colour = colours[i];
    l.key = i + 1;
    l.order = i;
    labels.push_back((*store)->insertLabel(l)->id);
  }
  const project::Id task = (*store)->trackByName("task")->id, step = (*store)->trackByName("step")->id;
  constexpr Timestamp kSlot = 40 * kNsPerMs, kLen = 33 * kNsPerMs;
  std::vector<project::SegmentChange> changes;
  for (int k = 0; k < count; ++k) {
    project::Segment s;
    s.recordingId = rec->id;
    s.trackId = k % 2 == 0 ? task : step;
    s.labelId = labels[static_cast<std::size_t>(k) % labels.size()];
    s.startNs = (k / 2) * kSlot;
    s.endNs = s.startNs + kLen;
    s.author = "bench";
    changes.push_back({std::nullopt, s});
  }
  QElapsedTimer setup;
  setup.start();
  if (auto r = (*store)->applySegmentChanges(changes, "bench"); !r)
    return fail(r.error());
  const Timestamp duration = (count / 2 + 1) * kSlot;
  std::vector<project::FlagChange> flags;
  for (Timestamp t = 0; t + kNsPerSecond < duration; t += 10 * kNsPerSecond) {
    project::QualityFlag f;
    f.recordingId = rec->id;
    f.wholeRecording = false;
    f.startNs = t;
    f.endNs = t + kNsPerSecond;
    f.severity = 1 + static_cast<int>((t / (10 * kNsPerSecond)) % 4);
    flags.push_back({std::nullopt, f});
  }
  if (auto r = (*store)->applyFlagChanges(flags, "bench"); !r)
    return fail(r.error());
  QUndoStack undo;
  project::AnnotationDocument doc(**store, &undo);
  if (auto st = doc.load(rec->id); !st.ok())
    return fail(st.error());
  const double setupS = setup.nsecsElapsed() / 1e9;

  // Stream lanes like a real recording (video, IMU coverage) so both timelines have the same furniture.
  std::vector<TimelineLane> lanes;
  for (const char *name : {"Video", "IMU"}) {
    TimelineLane lane;
    lane.id = QString::fromLatin1(name);
    lane.name = lane.id;
    lane.color = QColor(0x5b, 0x8d, 0xef);
    lane.spans.push_back({{0, duration}, {}, {}});
    lanes.push_back(lane);
  }
  TimelineWidget ref, tl;
  for (TimelineWidget *t : {&ref, &tl}) {
    t->resize(w, h);
    t->setRange({0, duration});
    t->setFramePeriod(33'333'333);
    t->setLanes(lanes);
    t->setPlayhead(duration / 2);
  }
  tl.setAnnotationDocument(&doc);
  tl.setSelectedSegment(doc.segments()[doc.segments().size() / 2].id);

  constexpr int kRepeats = 40;
  const double refMs = medianPaintMs(ref, kRepeats);
  std::printf("segments: %zu in one recording (%.0f s long), flags: %zu, widget %dx%d, setup %.2f s\n",
              doc.segments().size(), toSeconds(duration), doc.flags().size(), w, h, setupS);
  std::printf("reference (same timeline, no annotations, fit): %.3f ms per paint\n", refMs);
  struct Zoom {
    const char *name;
    Timestamp visible;
  };
  const Zoom zooms[] = {{"fit (whole recording)", duration}, {"1/10", duration / 10},
                        {"1/100", duration / 100},           {"1/1000", duration / 1000},
                        {"10 s", 10 * kNsPerSecond},         {"10 frames", 10 * 33'333'333}};
  double worst = 0;
  std::string json = "{\"segments\":" + std::to_string(doc.segments().size()) +
                     ",\"reference_ms\":" + std::to_string(refMs) + ",\"zooms\":[";
  bool first = true;
  for (const Zoom &z : zooms) {
    const Timestamp mid = duration / 2;
    tl.setVisibleRange({mid - z.visible / 2, mid - z.visible / 2 + std::max<Timestamp>(z.visible, 1)});
    const double ms = medianPaintMs(tl, kRepeats);
    worst = std::max(worst, ms);
    if (argc > 3) { // what was painted, for eyes: PREFIX-<n>.png
      QImage img(tl.size(), QImage::Format_ARGB32_Premultiplied);
      tl.render(&img);
      img.save(QString::fromLocal8Bit(argv[3]) + QStringLiteral("-%1.png").arg(&z - zooms));
    }
    std::printf("zoom %-22s visible %10.3f s: %7.3f ms per paint (%.2fx reference)   target < 16 ms\n", z.name,
                toSeconds(tl.visibleRange().duration()), ms, ms / refMs);
    json += std::string(first ? "" : ",") + "{\"zoom\":\"" + z.name + "\",\"ms\":" + std::to_string(ms) + "}";
    first = false;
  }
  json += "],\"worst_ms\":" + std::to_string(worst) + ",\"worst_ratio\":" + std::to_string(worst / refMs) + "}";
  std::printf("worst %.3f ms per paint (%s), %.2fx the reference\n%s\n", worst, worst < 16 ? "ok" : "TOO SLOW",
              worst / refMs, json.c_str());
  return worst < 16 ? 0 : 1;
}
