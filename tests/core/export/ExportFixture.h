#pragma once
// A project with one short synthetic recording (tacit::sample), approved, consented for training,
// and one "task" segment labelled "pour water" over [start+0.5 s, start+1.5 s). Tests then add the
// redactions, flags, reviews or consent events they exercise.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <memory>

#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"
#include "core/sample/SampleGenerator.h"

namespace tacit::testing {

struct ExportFixture {
  QTemporaryDir dir;
  std::filesystem::path projectPath, recordingDir;
  std::unique_ptr<project::ProjectStore> store;
  project::RecordingRecord recording;
  project::Id segmentId = 0, labelId = 0;
  Timestamp videoStart = 0;
  int videoFrames = 0;

  // Returns false (after a QTest message) when setup fails.
  bool setUp(double seconds = 2.0, int size = 320) {
    recordingDir = std::filesystem::path(dir.path().toStdString()) / "rec";
    sample::SampleOptions so;
    so.durationSec = seconds;
    so.width = size;
    so.height = size;
    auto rep = sample::generateSample(so, recordingDir);
    if (!rep) {
      qWarning() << rep.error().c_str();
      return false;
    }
    videoFrames = rep->videoFrames;
    auto sources = RecordingContext::open(recordingDir); // video times include the stream offset
    if (!sources) {
      qWarning() << sources.error().c_str();
      return false;
    }
    videoStart = (*sources)->video()->frameTimes->front();
    projectPath = std::filesystem::path(dir.path().toStdString()) / "p.tacit";
    auto s = project::ProjectStore::create(projectPath);
    if (!s) {
      qWarning() << s.error().c_str();
      return false;
    }
    store = s.takeValue();
    auto rec = store->addRecording(recordingDir);
    if (!rec) {
      qWarning() << rec.error().c_str();
      return false;
    }
    recording = *rec;
    auto label = store->insertLabel(project::Label{0, 0, "pour water", "#ff0000", 1, "", 0});
    labelId = label->id;
    project::Segment seg;
    seg.recordingId = recording.id;
    seg.trackId = store->trackByName("task")->id;
    seg.labelId = labelId;
    seg.startNs = videoStart + 500 * kNsPerMs;
    seg.endNs = videoStart + 1500 * kNsPerMs;
    auto segs = store->applySegmentChanges({project::SegmentChange{std::nullopt, seg}}, "add segment");
    if (!segs || segs->empty()) {
      qWarning() << "cannot add segment";
      return false;
    }
    segmentId = segs->front().id;
    if (!store->addReview(recording.id, project::ReviewStatus::Approved, "ok").ok())
      return false;
    return grantConsent(R"({"uses":["model_training"]})");
  }

  bool grantConsent(const std::string &scope, project::ConsentKind kind = project::ConsentKind::Granted) {
    project::ConsentEvent e;
    e.kind = kind;
    e.workerId = recording.workerId;
    e.scope = scope;
    e.signature = "W. Orker";
    return store->appendConsent(e).ok();
  }

  std::string out(const char *name) const { return (std::filesystem::path(dir.path().toStdString()) / name).string(); }
};

} // namespace tacit::testing
