#pragma once
// A temp project holding one generated sample recording (2 s, 30 fps), its real video frame grid, a
// small taxonomy (Grasp [1], Grasp/Cup [3], Place [2]), and a shown TimelineWidget + TimeControl +
// ActionRegistry wired like the main window does it.
#include <QUndoStack>
#include <memory>

#include "../GuiTestSupport.h"
#include "core/media/VideoSource.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectStore.h"
#include "core/time/TimeControl.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/timeline/TimelineWidget.h"

namespace guitest {

struct AnnotationFixture {
  QTemporaryDir dir;
  QString error;
  std::unique_ptr<tacit::project::ProjectStore> store;
  QUndoStack undo;
  std::unique_ptr<tacit::project::AnnotationDocument> doc;
  tacit::TimeControl time;
  tacit::ActionRegistry actions;
  std::unique_ptr<tacit::TimelineWidget> timeline;
  std::vector<tacit::Timestamp> frames;
  tacit::project::Id rec = 0, task = 0, step = 0, grasp = 0, cup = 0, place = 0;

  static constexpr const char *kGraspColour = "#e6194b";
  static constexpr const char *kCupColour = "#4363d8";
  static constexpr const char *kPlaceColour = "#3cb44b";

  // False with `error` set when something could not be prepared.
  bool setUp() {
    using namespace tacit;
    const QString folder = makeSample(dir, &error, 2.0, 256);
    if (folder.isEmpty())
      return false;
    auto s = project::ProjectStore::create(dir.path().toStdString() + "/p.tacit");
    if (!s)
      return fail(s.error());
    store = s.takeValue();
    auto r = store->addRecording(folder.toStdString());
    if (!r)
      return fail(r.error());
    rec = r->id;
    task = store->trackByName("task")->id;
    step = store->trackByName("step")->id;
    grasp = addLabel(0, "Grasp", kGraspColour, 1);
    cup = addLabel(grasp, "Cup", kCupColour, 3);
    place = addLabel(0, "Place", kPlaceColour, 2);
    // The real frame grid of the sample's video.
    media::VideoSource::Options vo;
    vo.useIndexCache = false;
    auto video = media::VideoSource::open(folder.toStdString() + "/rgb.mp4", vo);
    if (!video)
      return fail(video.error());
    for (std::int64_t i = 0; i < (*video)->frameCount(); ++i)
      frames.push_back((*video)->ptsNs(i));
    if (frames.size() < 50)
      return fail("expected at least 50 frames, got " + std::to_string(frames.size()));
    doc = std::make_unique<project::AnnotationDocument>(*store, &undo);
    if (auto st = doc->load(rec); !st.ok())
      return fail(st.error());
    doc->setFrameGrid(project::FrameGrid(frames));
    const TimeRange range{frames.front(), frames.back() + (frames[1] - frames[0])};
    time.setRange(range);
    time.setFrameTimes("rgb", frames);
    time.setStepStream("rgb");
    timeline = std::make_unique<TimelineWidget>();
    timeline->resize(1000, 200);
    timeline->setRange(range);
    timeline->setFramePeriod(frames[1] - frames[0]);
    QObject::connect(&time, &TimeControl::timeChanged, timeline.get(), &TimelineWidget::setPlayhead);
    QObject::connect(timeline.get(), &TimelineWidget::seekRequested, &time, &TimeControl::setTime);
    return true;
  }

  bool show() {
    timeline->show();
    timeline->activateWindow();
    return QTest::qWaitForWindowActive(timeline.get());
  }

  tacit::project::Id addLabel(tacit::project::Id parent, const char *name, const char *colour, int key) {
    tacit::project::Label l;
    l.parentId = parent;
    l.name = name;
    l.colour = colour;
    l.key = key;
    auto r = store->insertLabel(l);
    return r ? r->id : 0;
  }

  // Centre of a time in a track lane (widget coordinates).
  QPoint at(tacit::Timestamp t, tacit::project::Id track) const {
    return {static_cast<int>(std::lround(timeline->xOf(t))), timeline->trackLaneRect(track).center().y()};
  }

  bool fail(const std::string &m) {
    error = QString::fromStdString(m);
    return false;
  }
};

} // namespace guitest
