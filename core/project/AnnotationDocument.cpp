#include "core/project/AnnotationDocument.h"

#include <QUndoStack>
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/project/FlagEditCommand.h"
#include "core/project/ReviewStatusCommand.h"
#include "core/project/SegmentEditCommand.h"

namespace tacit::project {

namespace {
// Mirrors rows the store has just committed into memory: removals first (so an insert never meets
// a stale row), then updates and inserts, each announced through its notifier. The store returns
// the after-rows in order of the changes that have one; inserts keep their new ids for redo.
template <typename T, typename Removed, typename Changed, typename Inserted>
void applyCommitted(std::vector<RowChange<T>> &changes, const std::vector<T> &afterRows, std::vector<T> &rows,
                    Removed removed, Changed changed, Inserted inserted) {
  std::size_t k = 0;
  for (auto &c : changes)
    if (c.after)
      c.after = afterRows[k++];
  for (const auto &c : changes) {
    if (!c.before || c.after)
      continue;
    auto it = std::find_if(rows.begin(), rows.end(), [&](const T &r) { return r.id == c.before->id; });
    if (it != rows.end()) {
      T old = *it;
      rows.erase(it);
      removed(old);
    }
  }
  for (const auto &c : changes) {
    if (!c.after)
      continue;
    if (!c.before) {
      rows.push_back(*c.after);
      inserted(rows.back());
      continue;
    }
    for (auto &r : rows)
      if (r.id == c.before->id) {
        T old = r;
        r = *c.after;
        changed(old, r);
        break;
      }
  }
}
} // namespace

AnnotationDocument::AnnotationDocument(ProjectStore &store, QUndoStack *undoStack, QObject *parent)
    : QObject(parent), m_store(store), m_undo(undoStack) {}

void AnnotationDocument::setFrameGrid(FrameGrid grid) {
  m_grid = std::move(grid);
  m_timeBase = RecordingTimeBase::fromFrames(m_grid.times(), m_timeBase.origin());
  emit timeBaseChanged();
}

void AnnotationDocument::setTimeBase(RecordingTimeBase base) {
  m_timeBase = std::move(base);
  m_grid = FrameGrid(m_timeBase.frameTimes());
  emit timeBaseChanged();
}

Status AnnotationDocument::load(Id recordingId) {
  auto rec = m_store.recording(recordingId);
  if (!rec)
    return Status::failure(rec.error());
  auto tracks = m_store.tracks();
  auto segs = m_store.segments(recordingId);
  auto flags = m_store.flags(recordingId);
  auto reviews = m_store.reviewHistory(recordingId);
  if (!tracks || !segs || !flags || !reviews)
    return Status::failure(!tracks ? tracks.error() : !segs ? segs.error() : !flags ? flags.error() : reviews.error());
  m_recordingId = recordingId;
  m_tracks = tracks.takeValue();
  m_segments = segs.takeValue();
  m_flags = flags.takeValue();
  m_reviews = reviews.takeValue();
  emit reset();
  return okStatus();
}

const Track *AnnotationDocument::track(Id id) const {
  for (const auto &t : m_tracks)
    if (t.id == id)
      return &t;
  return nullptr;
}

const Segment *AnnotationDocument::segment(Id id) const {
  for (const auto &s : m_segments)
    if (s.id == id)
      return &s;
  return nullptr;
}

std::vector<Segment> AnnotationDocument::segmentsOnTrack(Id trackId) const {
  std::vector<Segment> out;
  for (const auto &s : m_segments)
    if (s.trackId == trackId)
      out.push_back(s);
  std::sort(out.begin(), out.end(), [](const Segment &a, const Segment &b) {
    return a.startNs != b.startNs ? a.startNs < b.startNs : a.id < b.id;
  });
  return out;
}

const QualityFlag *AnnotationDocument::flag(Id id) const {
  for (const auto &f : m_flags)
    if (f.id == id)
      return &f;
  return nullptr;
}

ReviewStatus AnnotationDocument::reviewStatus() const {
  return m_reviews.empty() ? ReviewStatus::Unreviewed : m_reviews.back().status;
}

Status AnnotationDocument::writable() const {
  if (m_recordingId == 0)
    return Status::failure(m_store.path().string() + ": no recording loaded");
  if (m_store.isReadOnly())
    return Status::failure(m_store.path().string() + ": project is read-only (" + m_store.readOnlyReason() + ")");
  return okStatus();
}

Segment AnnotationDocument::stamped(Segment s) const {
  s.modifiedAtMs = nowMs();
  s.author = m_store.author();
  return s;
}

Status AnnotationDocument::checkOverlap(const Segment &s, Id ignoreId) const {
  const Track *t = track(s.trackId);
  if (!t)
    return Status::failure(m_store.path().string() + ": unknown track " + std::to_string(s.trackId));
  if (s.endNs <= s.startNs)
    return Status::failure(m_store.path().string() + ": segment would be empty after snapping to frames");
  if (t->allowOverlap)
    return okStatus();
  for (const auto &o : m_segments)
    if (o.id != s.id && o.id != ignoreId && o.trackId == s.trackId && o.range().overlaps(s.range()))
      return Status::failure(m_store.path().string() + ": segment would overlap segment " + std::to_string(o.id) +
                             " on track \"" + t->name + "\"");
  return okStatus();
}

Status AnnotationDocument::pushSegmentEdit(std::vector<SegmentChange> changes, const QString &text, int mergeKey) {
  m_pendingError.clear();
  m_undo->push(new SegmentEditCommand(this, std::move(changes), text, mergeKey));
  if (!m_pendingError.empty())
    return Status::failure(std::exchange(m_pendingError, {}));
  return okStatus();
}

void AnnotationDocument::reportError(const std::string &message) {
  m_pendingError = message;
  emit errorOccurred(QString::fromStdString(message));
}

// --- segment verbs ----------------------------------------------------------------------------------------

Result<Id> AnnotationDocument::createSegment(Id trackId, Timestamp start, Timestamp end, Id labelId,
                                             const std::string &note) {
  if (auto st = writable(); !st.ok())
    return Result<Id>::failure(st.error());
  Segment s;
  s.recordingId = m_recordingId;
  s.trackId = trackId;
  s.labelId = labelId;
  s.startNs = m_grid.snap(std::min(start, end));
  s.endNs = m_grid.snap(std::max(start, end));
  s.note = note;
  s.createdAtMs = nowMs();
  s = stamped(s);
  if (auto st = checkOverlap(s); !st.ok())
    return Result<Id>::failure(st.error());
  const auto before = m_segments.size();
  if (auto st = pushSegmentEdit({{std::nullopt, s}}, tr("Create segment")); !st.ok())
    return Result<Id>::failure(st.error());
  return m_segments.size() > before ? m_segments.back().id : Id(0);
}

Status AnnotationDocument::checkNewSegment(Id trackId, Timestamp start, Timestamp end) const {
  if (auto st = writable(); !st.ok())
    return st;
  Segment s;
  s.trackId = trackId;
  s.startNs = m_grid.snap(std::min(start, end));
  s.endNs = m_grid.snap(std::max(start, end));
  return checkOverlap(s);
}

Status AnnotationDocument::deleteSegment(Id id) {
  if (auto st = writable(); !st.ok())
    return st;
  const Segment *s = segment(id);
  if (!s)
    return Status::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  return pushSegmentEdit({{*s, std::nullopt}}, tr("Delete segment"));
}

Result<Id> AnnotationDocument::splitSegment(Id id, Timestamp t) {
  if (auto st = writable(); !st.ok())
    return Result<Id>::failure(st.error());
  const Segment *s = segment(id);
  if (!s)
    return Result<Id>::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  t = m_grid.snap(t);
  if (t <= s->startNs || t >= s->endNs)
    return Result<Id>::failure(m_store.path().string() + ": split point is not inside segment " + std::to_string(id));
  Segment left = stamped(*s), right = stamped(*s);
  left.endNs = t;
  right.id = 0;
  right.startNs = t;
  right.createdAtMs = right.modifiedAtMs;
  const auto before = m_segments.size();
  if (auto st = pushSegmentEdit({{*s, left}, {std::nullopt, right}}, tr("Split segment")); !st.ok())
    return Result<Id>::failure(st.error());
  return m_segments.size() > before ? m_segments.back().id : Id(0);
}

Status AnnotationDocument::moveSegmentEdge(Id id, SegmentEdge edge, Timestamp t, int dragId) {
  if (auto st = writable(); !st.ok())
    return st;
  const Segment *s = segment(id);
  if (!s)
    return Status::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  Segment moved = stamped(*s);
  t = m_grid.snap(t);
  // Clamp against the neighbours on a no-overlap track, and keep at least one frame.
  const Track *trk = track(s->trackId);
  Timestamp lo = std::numeric_limits<Timestamp>::min(), hi = std::numeric_limits<Timestamp>::max();
  if (trk && !trk->allowOverlap)
    for (const auto &o : m_segments) {
      if (o.id == s->id || o.trackId != s->trackId)
        continue;
      if (o.endNs <= s->startNs)
        lo = std::max(lo, o.endNs);
      if (o.startNs >= s->endNs)
        hi = std::min(hi, o.startNs);
    }
  if (edge == SegmentEdge::Start) {
    const Timestamp maxStart = m_grid.empty() ? s->endNs - 1 : m_grid.previousBefore(s->endNs);
    moved.startNs = std::clamp(t, lo, std::max(lo, maxStart));
  } else {
    const Timestamp minEnd = m_grid.empty() ? s->startNs + 1 : m_grid.nextAfter(s->startNs);
    moved.endNs = std::clamp(t, std::min(minEnd, hi), hi);
  }
  if (moved.startNs == s->startNs && moved.endNs == s->endNs)
    return okStatus();
  if (auto st = checkOverlap(moved); !st.ok())
    return st;
  const int key = dragId ? dragId * 4 + (edge == SegmentEdge::Start ? 1 : 2) : 0;
  return pushSegmentEdit({{*s, moved}}, edge == SegmentEdge::Start ? tr("Move segment start") : tr("Move segment end"),
                         key);
}

Status AnnotationDocument::moveSegment(Id id, Timestamp newStart, int dragId) {
  if (auto st = writable(); !st.ok())
    return st;
  const Segment *s = segment(id);
  if (!s)
    return Status::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  Timestamp delta = newStart - s->startNs;
  const Track *trk = track(s->trackId);
  if (trk && !trk->allowOverlap)
    for (const auto &o : m_segments) {
      if (o.id == s->id || o.trackId != s->trackId)
        continue;
      if (o.endNs <= s->startNs)
        delta = std::max(delta, o.endNs - s->startNs);
      if (o.startNs >= s->endNs)
        delta = std::min(delta, o.startNs - s->endNs);
    }
  Segment moved = stamped(*s);
  moved.startNs = m_grid.snap(s->startNs + delta);
  moved.endNs = m_grid.snap(s->endNs + delta);
  if (moved.startNs == s->startNs && moved.endNs == s->endNs)
    return okStatus();
  if (auto st = checkOverlap(moved); !st.ok())
    return st;
  return pushSegmentEdit({{*s, moved}}, tr("Move segment"), dragId ? dragId * 4 + 3 : 0);
}

Status AnnotationDocument::relabelSegment(Id id, Id labelId) {
  if (auto st = writable(); !st.ok())
    return st;
  const Segment *s = segment(id);
  if (!s)
    return Status::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  if (s->labelId == labelId)
    return okStatus();
  Segment after = stamped(*s);
  after.labelId = labelId;
  return pushSegmentEdit({{*s, after}}, tr("Relabel segment"));
}

Status AnnotationDocument::setSegmentNote(Id id, const std::string &note) {
  if (auto st = writable(); !st.ok())
    return st;
  const Segment *s = segment(id);
  if (!s)
    return Status::failure(m_store.path().string() + ": no segment " + std::to_string(id));
  if (s->note == note)
    return okStatus();
  Segment after = stamped(*s);
  after.note = note;
  return pushSegmentEdit({{*s, after}}, tr("Edit segment note"));
}

std::optional<Timestamp> AnnotationDocument::nextBoundary(Timestamp t, Id trackId) const {
  std::optional<Timestamp> best;
  for (const auto &s : m_segments) {
    if (trackId && s.trackId != trackId)
      continue;
    for (Timestamp b : {s.startNs, s.endNs})
      if (b > t && (!best || b < *best))
        best = b;
  }
  return best;
}

std::optional<Timestamp> AnnotationDocument::previousBoundary(Timestamp t, Id trackId) const {
  std::optional<Timestamp> best;
  for (const auto &s : m_segments) {
    if (trackId && s.trackId != trackId)
      continue;
    for (Timestamp b : {s.startNs, s.endNs})
      if (b < t && (!best || b > *best))
        best = b;
  }
  return best;
}

Status AnnotationDocument::applySegmentChanges(std::vector<SegmentChange> &changes, const std::string &action) {
  for (const auto &c : changes)
    if (c.after && c.after->endNs > c.after->startNs && (!c.before || c.before->range() != c.after->range()))
      if (std::string problem = spanProblem(c.after->startNs, c.after->endNs, m_grid); !problem.empty())
        return Status::failure(m_store.path().string() + ": segment: " + problem);
  auto after = m_store.applySegmentChanges(changes, action);
  if (!after)
    return Status::failure(after.error());
  applyCommitted(
      changes, *after, m_segments, [this](const Segment &s) { emit segmentRemoved(s); },
      [this](const Segment &b, const Segment &a) { emit segmentChanged(b, a); },
      [this](const Segment &s) { emit segmentInserted(s); });
  return okStatus();
}

// --- flags --------------------------------------------------------------------------------------------------

Result<Id> AnnotationDocument::addFlag(FlagReason reason, int severity, std::optional<TimeRange> span,
                                       const std::string &note) {
  if (auto st = writable(); !st.ok())
    return Result<Id>::failure(st.error());
  if (severity < kMinSeverity || severity > kMaxSeverity)
    return Result<Id>::failure(m_store.path().string() + ": severity must be 1-4");
  QualityFlag f;
  f.recordingId = m_recordingId;
  f.reason = reason;
  f.severity = severity;
  f.wholeRecording = !span;
  if (span) {
    f.startNs = m_grid.snap(std::min(span->begin, span->end));
    f.endNs = m_grid.snap(std::max(span->begin, span->end));
    if (f.endNs <= f.startNs)
      return Result<Id>::failure(m_store.path().string() + ": flag span is empty after snapping to frames");
  }
  f.note = note;
  f.author = m_store.author();
  f.createdAtMs = f.modifiedAtMs = nowMs();
  m_pendingError.clear();
  const auto before = m_flags.size();
  m_undo->push(new FlagEditCommand(this, {{std::nullopt, f}}, tr("Add flag")));
  if (!m_pendingError.empty())
    return Result<Id>::failure(std::exchange(m_pendingError, {}));
  return m_flags.size() > before ? m_flags.back().id : Id(0);
}

Status AnnotationDocument::updateFlag(const QualityFlag &flag) {
  if (auto st = writable(); !st.ok())
    return st;
  const QualityFlag *old = this->flag(flag.id);
  if (!old)
    return Status::failure(m_store.path().string() + ": no flag " + std::to_string(flag.id));
  if (flag.severity < kMinSeverity || flag.severity > kMaxSeverity)
    return Status::failure(m_store.path().string() + ": severity must be 1-4");
  if (*old == flag)
    return okStatus();
  QualityFlag after = flag;
  after.recordingId = m_recordingId;
  after.modifiedAtMs = nowMs();
  after.author = m_store.author();
  m_pendingError.clear();
  m_undo->push(new FlagEditCommand(this, {{*old, after}}, tr("Edit flag")));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Status AnnotationDocument::removeFlag(Id id) {
  if (auto st = writable(); !st.ok())
    return st;
  const QualityFlag *old = flag(id);
  if (!old)
    return Status::failure(m_store.path().string() + ": no flag " + std::to_string(id));
  m_pendingError.clear();
  m_undo->push(new FlagEditCommand(this, {{*old, std::nullopt}}, tr("Remove flag")));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Status AnnotationDocument::applyFlagChanges(std::vector<FlagChange> &changes, const std::string &action) {
  for (const auto &c : changes)
    if (c.after && !c.after->wholeRecording && c.after->endNs > c.after->startNs &&
        (!c.before || c.before->startNs != c.after->startNs || c.before->endNs != c.after->endNs))
      if (std::string problem = spanProblem(c.after->startNs, c.after->endNs, m_grid); !problem.empty())
        return Status::failure(m_store.path().string() + ": flag: " + problem);
  auto after = m_store.applyFlagChanges(changes, action);
  if (!after)
    return Status::failure(after.error());
  applyCommitted(
      changes, *after, m_flags, [this](const QualityFlag &f) { emit flagRemoved(f); },
      [this](const QualityFlag &b, const QualityFlag &a) { emit flagChanged(b, a); },
      [this](const QualityFlag &f) { emit flagInserted(f); });
  return okStatus();
}

// --- review ---------------------------------------------------------------------------------------------------

Status AnnotationDocument::setReviewStatus(ReviewStatus status, const std::string &reason) {
  if (auto st = writable(); !st.ok())
    return st;
  m_pendingError.clear();
  m_undo->push(new ReviewStatusCommand(m_store, m_recordingId, status, reason, [this](Id, const std::string &error) {
    if (!error.empty()) {
      reportError(error);
      return;
    }
    if (auto st = reloadReviews(); !st.ok())
      reportError(st.error());
  }));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Status AnnotationDocument::reloadReviews() {
  auto reviews = m_store.reviewHistory(m_recordingId);
  if (!reviews)
    return Status::failure(reviews.error());
  m_reviews = reviews.takeValue();
  emit reviewChanged(m_recordingId);
  return okStatus();
}

} // namespace tacit::project
