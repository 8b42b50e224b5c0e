#include "core/project/ProjectStress.h"

#include <QUndoStack>
#include <random>

#include "core/project/AnnotationDocument.h"

namespace tacit::project {

Status runStressEdits(ProjectStore &store, int edits, unsigned seed,
                      const std::function<void(const std::string &)> &ack) {
  auto recs = store.recordings();
  if (!recs)
    return Status::failure(recs.error());
  if (recs->empty())
    return Status::failure(store.path().string() + ": add a recording before running the stress test");
  auto task = store.trackByName("task");
  if (!task)
    return Status::failure(task.error());
  QUndoStack undo;
  AnnotationDocument doc(store, &undo);
  if (auto st = doc.load(recs->front().id); !st.ok())
    return st;
  std::mt19937 rng(seed);
  // Append after everything already there so repeated runs on one project never overlap.
  Timestamp cursor = 0;
  for (const auto &s : doc.segments())
    cursor = std::max(cursor, s.endNs);
  for (int n = 0; n < edits; ++n) {
    const int kind = static_cast<int>(rng() % 10);
    if (kind < 6 || doc.segments().empty()) {
      const Timestamp start = cursor + static_cast<Timestamp>(rng() % 5 + 1) * kNsPerMs;
      const Timestamp end = start + static_cast<Timestamp>(rng() % 50 + 1) * kNsPerMs;
      cursor = end;
      auto id = doc.createSegment(task->id, start, end, 0, "stress " + std::to_string(n));
      if (!id)
        return Status::failure(id.error());
      ack(std::to_string(n) + " segment " + std::to_string(*id));
    } else if (kind < 8) {
      auto id = doc.addFlag(FlagReason::MotionBlur, static_cast<int>(rng() % 4) + 1, std::nullopt,
                            "stress " + std::to_string(n));
      if (!id)
        return Status::failure(id.error());
      ack(std::to_string(n) + " flag " + std::to_string(*id));
    } else {
      const auto &segs = doc.segments();
      const Id id = segs[rng() % segs.size()].id;
      if (auto st = doc.setSegmentNote(id, "edited " + std::to_string(n)); !st.ok())
        return st;
      ack(std::to_string(n) + " note " + std::to_string(id));
    }
  }
  return okStatus();
}

} // namespace tacit::project
